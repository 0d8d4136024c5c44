import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Who } from '../../src/modules/cases/policy.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectNoSidewaysScroll,
  expectTablesInside,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// The interventions directory and a person's interventions and outcomes in a real browser, with
// JavaScript on and then off: a viewer reads the directory from home and filters it; an
// administrator adds a service and changes it; a panel member refers a person to it, records the
// service's answer and an outcome. Every page is checked with axe on arrival, tables stay inside
// the page at 1280 pixels and nothing scrolls sideways at 320.

describe('the interventions directory, episodes and outcomes in a real browser', () => {
  let e: E2E
  let subjectId: number

  beforeAll(async () => {
    e = await startE2E()
    const { cases } = e.t.deps.services
    const who = (role: 'admin' | 'lead'): Who => ({
      actor: { userId: e.t.userIds[role], label: `${role}@test`, ip: null },
      user: { id: e.t.userIds[role], role },
    })
    const panel = await cases.createPanel(who('admin'), {
      name: 'Test youth panel',
      type: 'youth-rmp',
      termsOfReference: 'Young people at risk of serious violence',
      chairUserId: e.t.userIds.caseworker,
      cadence: 'monthly',
      memberUserIds: [e.t.userIds.lead],
      isaParties: ['Test Council'],
      isaLegalBasis: 'gdpr-6e-9g-para18',
      isaReviewDate: '2030-01-31',
    })
    const caseId = await cases.submitReferral(who('lead'), {
      panelId: panel,
      reasons: 'Stabbed in the arm outside school',
      risk: 'Retaliation expected',
      consent: 'given',
      referredOn: '2026-01-05',
      subjects: [
        {
          role: 'perpetrator',
          forename: 'Cal',
          surname: 'Madeup',
          dateOfBirth: '2009-03-14',
          gender: 'male',
        },
      ],
    })
    subjectId = (await cases.caseSubjects(caseId))[0] as number
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'
    const serviceName = `Test Gangs Exit (JavaScript ${run})`

    it(`keeps the directory, refers a person and records what happened, with JavaScript ${run}`, async () => {
      const admin = await e.newPage({ javaScriptEnabled })
      try {
        const page = admin.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'admin@test.example')
        await visit(page, '/cases/interventions')
        await clickAndCheck(page, page.getByRole('button', { name: 'Add a service' }))
        expect(await heading(page)).toBe('Add a service to the directory')
        await clickAndCheck(page, page.getByRole('button', { name: 'Save service' }))
        expect(await errorSummaryItems(page)).toContain('Enter the service’s name')
        await page.getByLabel('Name', { exact: true }).fill(serviceName)
        await page.getByLabel('Provided by').selectOption({ label: 'Test Council' })
        await page.getByLabel('Diversion').check()
        await page.getByLabel('What it does').fill('Support to leave a gang')
        await page.getByLabel('Who is eligible').fill('Aged 16 and over, wanting to leave')
        await page.getByLabel('How to refer').fill('Telephone the team, then the referral form')
        await page.getByLabel('Places').fill('1')
        await page.getByLabel('Contact').fill('exit@test.example')
        await page.getByLabel('Test youth panel').check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Save service' }))
        expect(await heading(page)).toBe(serviceName)
        expect(await banner(page)).toContain('Service added to the directory')
        await clickAndCheck(page, page.getByRole('button', { name: 'Change this service' }))
        expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(serviceName)
        await page.getByLabel('Places').fill('2')
        await clickAndCheck(page, page.getByRole('button', { name: 'Save service' }))
        expect(await banner(page)).toContain('Service changed')
      } finally {
        await admin.context.close()
      }

      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/subjects/${subjectId}`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Interventions and outcomes' }))
        expect(await heading(page)).toBe('Cal Madeup: interventions and outcomes')
        await clickAndCheck(page, page.getByRole('button', { name: 'Refer to a service' }))
        await page.getByLabel('Service', { exact: true }).selectOption({ label: `${serviceName} (TC)` })
        await page.getByLabel('Referred on').fill('2026-02-02')
        await page.getByLabel('Notes (optional)').fill('Wants out after the stabbing')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record referral' }))
        expect(await banner(page)).toContain('Referral to the service recorded')
        await expectTablesInside(page)
        await clickAndCheck(page, page.getByRole('link', { name: serviceName }))
        expect(await page.locator('dd', { hasText: 'Wants out after the stabbing' }).isVisible()).toBe(true)
        await page.getByLabel('Service’s answer', { exact: true }).selectOption('rejected')
        await page.getByLabel('Day of the answer').fill('2026-02-03')
        await clickAndCheck(page, page.getByRole('button', { name: 'Save episode' }))
        expect(await errorSummaryItems(page)).toEqual(['Select why the referral was rejected'])
        await page.getByLabel('Service’s answer', { exact: true }).selectOption('accepted')
        await page.getByLabel('Started on').fill('2026-02-09')
        await clickAndCheck(page, page.getByRole('button', { name: 'Save episode' }))
        expect(await banner(page)).toContain('Episode updated')
        const stands = page.locator('.govuk-summary-list__row', { hasText: 'Where it stands' })
        expect((await stands.locator('dd').textContent())?.trim()).toBe('Started')
        expect(await page.getByText('9 February 2026').isVisible()).toBe(true)

        await visit(page, `/cases/subjects/${subjectId}/interventions`)
        await clickAndCheck(page, page.getByRole('button', { name: 'Record an outcome' }))
        await page.getByLabel('What happened').selectOption({ label: 'Proven reoffence' })
        await page.getByLabel('When it happened').fill('2026-03-01')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record outcome' }))
        expect(await errorSummaryItems(page)).toEqual(['Select the offence group of a proven reoffence'])
        await page.getByLabel('Offence group (proven reoffence only)').selectOption({ label: 'Robbery' })
        await clickAndCheck(page, page.getByRole('button', { name: 'Record outcome' }))
        expect(await banner(page)).toContain('Outcome recorded')
        expect(await page.getByRole('cell', { name: 'Robbery' }).count()).toBe(
          1 + (javaScriptEnabled ? 0 : 1),
        )
        await expectTablesInside(page)

        await page.setViewportSize({ width: 320, height: 800 })
        for (const url of [
          `/cases/subjects/${subjectId}/interventions`,
          `/cases/subjects/${subjectId}/episodes/new`,
          `/cases/subjects/${subjectId}/outcomes/new`,
          '/cases/interventions',
        ]) {
          await visit(page, url)
          await expectNoSidewaysScroll(page)
        }
      } finally {
        await member.context.close()
      }

      const viewer = await e.newPage({ javaScriptEnabled })
      try {
        const page = viewer.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'viewer@test.example')
        await clickAndCheck(page, page.getByRole('link', { name: 'Interventions directory' }))
        expect(await heading(page)).toBe('Interventions directory')
        expect(await page.getByRole('button', { name: 'Add a service' }).count()).toBe(0)
        await page.getByLabel('Kind').selectOption('diversion')
        await page.getByLabel('Panel it serves').selectOption({ label: 'Test youth panel' })
        await clickAndCheck(page, page.getByRole('button', { name: 'Filter' }))
        await expectTablesInside(page)
        await clickAndCheck(page, page.getByRole('link', { name: serviceName }))
        // One place of two is held by the member's accepted episode; the viewer sees the count only.
        expect(await page.getByText('1 (accepted and not yet ended)').isVisible()).toBe(true)
        expect(await page.getByText('Cal Madeup').count()).toBe(0)
        await visit(page, `/cases/subjects/${subjectId}/interventions`, 403)
      } finally {
        await viewer.context.close()
      }
    })
  }
})
