import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { londonToday } from '../../src/shared/london-day.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
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

// A MARAC's work in a real browser, JavaScript on and then off: a member sets a meeting up, the
// accepted case comes onto its list, the discussion, safety plan and an action are recorded, the
// overdue action is flagged on the owner's home page and listed as theirs, the case is reassessed
// with the Dash, and the SafeLives return is read. Every page is checked with axe on arrival.

const daysAgo = (n: number) => londonToday(new Date(Date.now() - n * 86_400_000))

describe('MARAC meetings in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'

    it(`holds a meeting, hears a case, agrees an action and reads the return, with JavaScript ${run}`, async () => {
      const cases = e.t.deps.services.cases
      const system = { actor: TEST_ACTOR, user: null }
      const panelId = await cases.createPanel(system, {
        name: `Browser MARAC (JavaScript ${run})`,
        type: 'marac',
        termsOfReference: 'Monthly MARAC',
        chairUserId: e.t.userIds.caseworker,
        cadence: 'monthly',
        memberUserIds: [e.t.userIds.lead],
        organisationIds: [e.t.organisationId],
        isaParties: ['Test Council'],
        isaLegalBasis: 'gdpr-6e-9g-para18',
        isaReviewDate: '2030-01-31',
      })
      const caseId = await cases.submitReferral(system, {
        panelId,
        referringUserId: e.t.userIds.lead,
        referredOn: daysAgo(10),
        reasons: 'Disclosed to the GP',
        risk: 'Threats to kill',
        consent: 'given',
        subjects: [
          {
            role: 'victim',
            forename: 'Ivy',
            surname: `Invented${run}`,
            dateOfBirth: '1979-07-07',
            gender: 'female',
          },
        ],
      })
      await cases.moveCase(system, caseId, { status: 'accepted', on: daysAgo(9) })

      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/panels/${panelId}`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Meetings and their case lists' }))
        expect(await heading(page)).toBe('Meetings')
        await clickAndCheck(page, page.getByRole('button', { name: 'Set up the meeting' }))
        expect(await errorSummaryItems(page)).toContain(
          'Enter the meeting’s date as a real date, like 2026-03-31',
        )
        await page.getByLabel('Date of the meeting').fill(daysAgo(1))
        await clickAndCheck(page, page.getByRole('button', { name: 'Set up the meeting' }))
        expect(await heading(page)).toMatch(/^Meeting on /)
        expect(await page.getByRole('heading', { name: `Case ${caseId}: new` }).isVisible()).toBe(true)
        const meetingUrl = new URL(page.url()).pathname

        await page.getByText(`Record the discussion of case ${caseId}`).click()
        await page
          .getByLabel('Discussion', { exact: true })
          .fill('Agencies agreed to share the address history')
        await page.getByLabel('Next review date (optional)').fill(daysAgo(-28))
        await page
          .getByLabel('Safety plan for the victim')
          .fill('Refuge space held; phone with emergency numbers')
        await clickAndCheck(page, page.getByRole('button', { name: `Save the discussion of case ${caseId}` }))
        expect(await banner(page)).toContain(`Discussion of case ${caseId} recorded`)
        expect(
          await page.getByText(/^Heard at panel, referred .*, 9 days from referral to panel\.$/).isVisible(),
        ).toBe(true)

        await page.getByText(`Agree an action on case ${caseId}`).click()
        await clickAndCheck(page, page.getByRole('button', { name: `Agree the action on case ${caseId}` }))
        expect(await errorSummaryItems(page)).toEqual(
          expect.arrayContaining(['Enter the action agreed', 'Select the organisation that owns the action']),
        )
        await page.getByLabel('Action', { exact: true }).fill(`Arrange a sanctuary scheme visit (${run})`)
        await page.getByLabel('Owner organisation').selectOption({ label: 'Test Council' })
        await page
          .getByLabel('Owner (a member of the panel)')
          .selectOption({ label: 'Test lead (Test Council)' })
        await page.getByLabel('Due date').fill(daysAgo(1))
        await clickAndCheck(page, page.getByRole('button', { name: `Agree the action on case ${caseId}` }))
        expect(await banner(page)).toContain(`Action agreed for case ${caseId}`)
        expect(await page.getByText('Overdue').first().isVisible()).toBe(true)
        await expectTablesInside(page)

        await visit(page, '/')
        expect(await page.getByText(/case actions? of yours (is|are) overdue/).isVisible()).toBe(true)
        await clickAndCheck(page, page.getByRole('link', { name: 'See my case actions' }))
        expect(await heading(page)).toBe('My case actions')
        const row = page.getByRole('row', {
          name: new RegExp(`Arrange a sanctuary scheme visit \\(${run}\\)`),
        })
        await row.getByRole('combobox').selectOption('not-done')
        await clickAndCheck(page, row.getByRole('button', { name: /^Update action/ }))
        expect(await errorSummaryItems(page)).toEqual(['Say why the action was not done'])
        const again = page.getByRole('row', {
          name: new RegExp(`Arrange a sanctuary scheme visit \\(${run}\\)`),
        })
        await again.getByRole('combobox').selectOption('done')
        await again.getByRole('textbox').fill('Visit made, locks changed')
        await clickAndCheck(page, again.getByRole('button', { name: /^Update action/ }))
        expect(await banner(page)).toContain(`Action on case ${caseId} updated`)

        await visit(page, `/cases/${caseId}`)
        expect(await page.getByText('Refuge space held; phone with emergency numbers').isVisible()).toBe(true)
        await clickAndCheck(page, page.getByRole('link', { name: 'Add a Dash assessment' }))
        await clickAndCheck(page, page.getByRole('button', { name: 'Save assessment' }))
        expect(await errorSummaryItems(page)).toEqual([
          'Answer all 24 questions of the Dash checklist (yes, no or not known): 0 were given',
        ])
        for (let q = 1; q <= 24; q++) await page.locator(q <= 14 ? `#dash_q${q}` : `#dash_q${q}-2`).check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Save assessment' }))
        expect(await banner(page)).toContain('Dash assessment recorded: 14 yes, high risk')
        expect(
          await page.getByText('Visible high risk: 14 of 24 answers are yes (14 or more)').isVisible(),
        ).toBe(true)

        await visit(page, meetingUrl)
        await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
        await clickAndCheck(page, page.getByRole('link', { name: 'SafeLives quarterly return' }))
        await page.getByLabel('From', { exact: true }).fill(daysAgo(30))
        await page.getByLabel('To', { exact: true }).fill(daysAgo(0))
        await clickAndCheck(page, page.getByRole('button', { name: 'Show the return' }))
        expect(await page.getByRole('row', { name: /Cases discussed/ }).textContent()).toMatch(
          /Cases discussed\s*1/,
        )
        await expectTablesInside(page)

        // Ivy referred again, with the Dash on the form: Safer finds the repeat and tells the referrer.
        await visit(page, '/cases/referrals/new')
        await page
          .getByLabel('Panel')
          .selectOption({ label: `Browser MARAC (JavaScript ${run}) (MARAC (domestic abuse))` })
        await page.locator('#s0_role').selectOption('victim')
        await page.locator('#s0_forename').fill('Ivy')
        await page.locator('#s0_surname').fill(`Invented${run}`)
        await page.locator('#s0_dateOfBirth').fill('1979-07-07')
        await page.locator('#s0_gender').selectOption('female')
        await page.locator('#reasons').fill('Further assault reported')
        await page.locator('#risk').fill('Escalating threats')
        await page.getByLabel('Given').check()
        for (let q = 1; q <= 20; q++) await page.locator(`#dash_q${q}-2`).check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Continue' }))
        expect(await errorSummaryItems(page)).toEqual([
          'Answer all 24 questions of the Dash checklist (yes, no or not known): 20 were given',
        ])
        for (let q = 21; q <= 24; q++) await page.locator(`#dash_q${q}-3`).check()
        await page.getByLabel('Note for question 1 (optional)', { exact: true }).fill('No new injury')
        await clickAndCheck(page, page.getByRole('button', { name: 'Continue' }))
        expect(await heading(page)).toBe('Check for people Safer already holds')
        await page.getByLabel('Yes, the same person').check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Submit referral' }))
        expect(await banner(page)).toContain('Dash: 0 yes, standard risk. Meets the MARAC criteria: repeat')
      } finally {
        await member.context.close()
      }

      // Someone outside the panel meets "not found" on its meetings and its return.
      const outsider = await e.newPage({ javaScriptEnabled })
      try {
        await signIn(outsider.page, 'partnership-manager@test.example')
        await visit(outsider.page, `/cases/panels/${panelId}/meetings`, 404)
        await visit(outsider.page, `/cases/panels/${panelId}/safelives-return`, 404)
      } finally {
        await outsider.context.close()
      }
    })
  }
})
