import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
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

// IOM in a real browser, with JavaScript on and then off: a member opens the cohort board from the
// panel, ranks and opens a candidate, records an offence (after a refused empty one), accepts them,
// selects them into the Fixed cohort and records a pathway, and finds them on the board; a
// partnership manager changes the scoring matrix, which the chair reads. Every page is checked with axe, for tables inside the column at 1280
// pixels and for no sideways scroll at 320.

describe('IOM in a real browser', () => {
  let e: E2E
  let panel: number
  const people = { on: 'Burgla Inventson', off: 'Robba Fakeworth' }

  beforeAll(async () => {
    e = await startE2E()
    const cases = e.t.deps.services.cases
    const who = (id: number, role: 'admin' | 'lead') => ({
      actor: { userId: id, label: 'test', ip: null },
      user: { id, role },
    })
    const member = who(e.t.userIds.lead, 'lead')
    panel = await cases.createPanel(who(e.t.userIds.admin, 'admin'), {
      name: 'Test IOM',
      type: 'iom',
      termsOfReference: 'Selects the IOM cohort',
      chairUserId: e.t.userIds.caseworker,
      cadence: 'monthly',
      memberUserIds: [e.t.userIds.lead],
      isaParties: ['Test Council'],
      isaLegalBasis: 'gdpr-6e-9g-para10',
      isaReviewDate: '2030-01-31',
    })
    const today = londonToday()
    const caseId = await cases.submitReferral(member, {
      panelId: panel,
      reasons: 'Prolific offending',
      risk: 'Reoffending soon after release',
      consent: 'given',
      subjects: [
        {
          role: 'offender',
          forename: 'Burgla',
          surname: 'Inventson',
          dateOfBirth: '1990-03-03',
          gender: 'male',
        },
        {
          role: 'offender',
          forename: 'Robba',
          surname: 'Fakeworth',
          dateOfBirth: '1991-04-04',
          gender: 'male',
        },
        {
          role: 'offender',
          forename: 'Minor',
          surname: 'Notreal',
          dateOfBirth: '1992-05-05',
          gender: 'male',
        },
      ],
    })
    const [a, b, c] = (await cases.caseSubjects(caseId)) as [number, number, number]
    for (const [subject, months, group] of [
      [a, 2, 'burglary'],
      [b, 3, 'robbery'],
      [b, 8, 'violence'],
      [c, 10, 'other'],
    ] as const)
      await cases.recordOffence(member, panel, subject, { date: addCalendarMonths(today, -months), group })
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'
    const name = javaScriptEnabled ? people.on : people.off

    it(`ranks candidates, records an offence, accepts and selects into a cohort, with JavaScript ${run}`, async () => {
      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/panels/${panel}`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Cohort board and candidates' }))
        expect(await heading(page)).toBe('Cohort board')
        await expectTablesInside(page)
        const ranked = await page
          .locator('#candidates ~ .safer-table-container tbody tr td:nth-child(2)')
          .allTextContents()
        expect(ranked.length).toBeGreaterThanOrEqual(2)
        await clickAndCheck(page, page.getByRole('link', { name }))
        expect(await heading(page)).toBe(name)
        expect(await page.getByRole('heading', { name: /^Selection score: \d+$/ }).isVisible()).toBe(true)
        await expectTablesInside(page)
        await clickAndCheck(page, page.getByRole('button', { name: 'Record offence' }))
        expect(await errorSummaryItems(page)).toContain(
          'Enter the offence date as a real date, like 2026-03-31',
        )
        await page.getByLabel('Offence date').fill(addCalendarMonths(londonToday(), -1))
        await page.getByLabel('Offence group').selectOption({ label: 'Vehicle crime' })
        await page.getByLabel('Home Office offence code (optional)').fill('45/1')
        await page.getByLabel('Where it is known from (optional)').fill('PNC print (test)')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record offence' }))
        expect(await banner(page)).toContain('Offence recorded')
        expect(await page.getByText('PNC print (test)').isVisible()).toBe(true)
        await page.getByLabel('Accept', { exact: true }).check()
        await page.getByLabel('The panel’s reason').fill('Highest priority offending')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record decision' }))
        expect(await banner(page)).toContain('Decision recorded')
        await page
          .getByLabel('Cohort', { exact: true })
          .selectOption({ label: 'Fixed (neighbourhood crime)' })
        await page.getByLabel('Selection date').fill(londonToday())
        await page.getByLabel('Reason for selection').fill('Agreed at the monthly panel')
        await clickAndCheck(page, page.getByRole('button', { name: 'Select into cohort' }))
        expect(await banner(page)).toContain('Selected into the cohort')
        await page.getByLabel('Pathway').selectOption({ label: 'Accommodation' })
        await page.getByLabel('Need').selectOption({ label: 'High' })
        await page.getByLabel('Progress').selectOption({ label: 'In progress' })
        await page.getByLabel('Reviewed on').fill(londonToday())
        await clickAndCheck(page, page.getByRole('button', { name: 'Save pathway' }))
        expect(await banner(page)).toContain('Pathway saved')
        await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
        expect(await heading(page)).toBe('Cohort board')
        const fixed = page.locator('#cohort-fixed + .safer-table-container')
        expect(await fixed.getByRole('link', { name }).isVisible()).toBe(true)
        expect(
          await fixed
            .getByRole('row', { name: new RegExp(name) })
            .getByText('Accommodation: high need, in progress')
            .isVisible(),
        ).toBe(true)
        await expectTablesInside(page)
        await page.setViewportSize({ width: 320, height: 800 })
        await visit(page, new URL(page.url()).pathname)
        await clickAndCheck(page, page.getByRole('link', { name }).first())
      } finally {
        await member.context.close()
      }
    })
  }

  it('lets a partnership manager change the scoring matrix, which the chair reads, and shows them no board', async () => {
    const manager = await e.newPage({ javaScriptEnabled: false })
    try {
      const page = manager.page
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, `/cases/panels/${panel}/iom`, 404)
      await visit(page, `/cases/panels/${panel}/iom/settings`)
      expect(await heading(page)).toBe('Scoring matrix')
      await expectTablesInside(page)
      await page.getByLabel('Priority of Drug offences').fill('-1')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save scoring matrix' }))
      expect((await errorSummaryItems(page)).length).toBeGreaterThan(0)
      await page.getByLabel('Priority of Drug offences').fill('2')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save scoring matrix' }))
      expect(await banner(page)).toContain('Scoring matrix saved')
      expect(await page.getByLabel('Priority of Drug offences').inputValue()).toBe('2')
    } finally {
      await manager.context.close()
    }
    const chair = await e.newPage({ javaScriptEnabled: true })
    try {
      await signIn(chair.page, 'caseworker@test.example')
      await visit(chair.page, `/cases/panels/${panel}`)
      await clickAndCheck(chair.page, chair.page.getByRole('link', { name: 'Scoring matrix' }))
      expect(await chair.page.getByRole('button', { name: 'Save scoring matrix' }).count()).toBe(0)
      expect(
        await chair.page
          .getByRole('row', { name: /Drug offences/ })
          .getByRole('cell')
          .nth(1)
          .textContent(),
      ).toBe('2')
      await expectTablesInside(chair.page)
    } finally {
      await chair.context.close()
    }
  })
})
