import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addDemoCohort } from '../../src/modules/cases/cohort-reports/demo.ts'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import {
  BROWSER_TIMEOUTS,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectTablesInside,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// The cohort report in a real browser, with JavaScript on and then off: a member opens it from the
// IOM panel, reads the year to today (chart and table, numerators and denominators), asks for the
// Fixed cohort over another period, finds "no data" where no one can be counted, and is told of a
// date that is not one. Every page is checked with axe, for tables inside the column at 1280 pixels
// and for no sideways scroll at 320.

describe('the IOM cohort report in a real browser', () => {
  let e: E2E
  let panel: number
  const today = londonToday()

  beforeAll(async () => {
    e = await startE2E()
    const cases = e.t.deps.services.cases
    panel = await cases.createPanel(
      { actor: TEST_ACTOR, user: { id: e.t.userIds.admin, role: 'admin' } },
      {
        name: 'Test IOM',
        type: 'iom',
        termsOfReference: 'Selects the IOM cohort',
        chairUserId: e.t.userIds.caseworker,
        cadence: 'monthly',
        memberUserIds: [e.t.userIds.lead],
        isaParties: ['Test Council'],
        isaLegalBasis: 'gdpr-6e-9g-para10',
        isaReviewDate: '2030-01-31',
      },
    )
    await addDemoCohort(cases, panel, e.t.userIds.caseworker, TEST_ACTOR, today)
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'

    it(`shows the cohort's outcomes with their counts, by cohort and period, with JavaScript ${run}`, async () => {
      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/panels/${panel}`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Cohort report' }))
        expect(await heading(page)).toBe('Cohort report')
        await expectTablesInside(page)
        expect(await page.getByRole('img', { name: /Cohort outcomes/ }).isVisible()).toBe(true)
        const ete = page.getByRole('row', { name: /Engaged in education, training or employment/ })
        expect((await ete.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([
          '13',
          '29',
          '44.8%',
        ])
        expect(await page.getByText('people were on the cohort at some time in the period').isVisible()).toBe(
          true,
        )
        const csv = page.getByRole('link', { name: /Download the report to share/ })
        expect(await csv.getAttribute('href')).toContain('/cohort-report/csv?cohort=all')

        await page
          .getByLabel('Cohort', { exact: true })
          .selectOption({ label: 'Fixed (neighbourhood crime)' })
        await page.getByLabel('From', { exact: true }).fill(addCalendarMonths(today, -30))
        await page.getByLabel('To', { exact: true }).fill(addCalendarMonths(today, -25))
        await clickAndCheck(page, page.getByRole('button', { name: 'Show the report' }))
        expect(await page.getByRole('heading', { name: /^Fixed \(neighbourhood crime\),/ }).isVisible()).toBe(
          true,
        )
        expect(await page.getByRole('heading', { name: 'Why some measures have no data' }).isVisible()).toBe(
          true,
        )
        expect(await page.getByText('No one was on the cohort in this period.').first().isVisible()).toBe(
          true,
        )
        await expectTablesInside(page)

        await visit(page, `/cases/panels/${panel}/cohort-report?from=2026-02-30&to=${today}`, 400)
        expect(await errorSummaryItems(page)).toContain(
          'Enter the first day of the period as a real date, like 2025-12-01',
        )

        await page.setViewportSize({ width: 320, height: 800 })
        await visit(page, `/cases/panels/${panel}/cohort-report`)
        await expectTablesInside(page)
      } finally {
        await member.context.close()
      }
    })
  }

  it('shows a non-member nothing', async () => {
    const outsider = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(outsider.page, 'partnership-manager@test.example')
      await visit(outsider.page, `/cases/panels/${panel}/cohort-report`, 404)
      await visit(outsider.page, `/cases/panels/${panel}`)
      expect(await outsider.page.getByRole('link', { name: 'Cohort report' }).count()).toBe(0)
    } finally {
      await outsider.context.close()
    }
  })
})
