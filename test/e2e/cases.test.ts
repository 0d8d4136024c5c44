import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
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

// The risk panels in a real browser, with JavaScript on and then off: an administrator sets a panel
// up (and reads no case), a member refers a case in two steps (the second run meets the first run's
// person as a match to confirm), a non-member searches, is signposted and breaks the glass, and the
// chair sees the flag and the access log. Every page is checked with axe on arrival.

describe('risk panels in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'
    const panelName = `Test MARAC (JavaScript ${run})`

    it(`sets up a panel, refers a case, signposts, breaks the glass and shows the chair, with JavaScript ${run}`, async () => {
      const admin = await e.newPage({ javaScriptEnabled })
      try {
        const page = admin.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'admin@test.example')
        await clickAndCheck(
          page,
          page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk panels' }),
        )
        expect(await heading(page)).toBe('Risk panels')
        await clickAndCheck(page, page.getByRole('button', { name: 'Set up a panel' }))
        await clickAndCheck(page, page.getByRole('button', { name: 'Save panel' }))
        expect(await errorSummaryItems(page)).toContain('Enter the panel’s name')
        await page.getByLabel('Name', { exact: true }).fill(panelName)
        await page.getByLabel('Type of panel').selectOption({ label: 'MARAC (domestic abuse)' })
        await page.getByLabel('Terms of reference').fill('Monthly MARAC for victims at high risk')
        await page.getByLabel('Chair').selectOption({ label: 'Test caseworker (TC)' })
        await page.getByLabel('How often it meets').selectOption({ label: 'Monthly' })
        await page
          .getByRole('group', { name: /Members/ })
          .getByLabel('Test lead (TC)')
          .check()
        await page.getByLabel('Parties to the agreement').fill('Test Council\nTest Police')
        await page.getByLabel('Legal basis for sharing').selectOption({ index: 2 })
        await page.getByLabel('Review date').fill('2020-01-31')
        await clickAndCheck(page, page.getByRole('button', { name: 'Save panel' }))
        expect(await heading(page)).toBe(panelName)
        expect(await page.getByText('Review overdue').first().isVisible()).toBe(true)
        expect(await page.getByText('Only the panel’s members can see its cases').isVisible()).toBe(true)
        await visit(page, `${new URL(page.url()).pathname}/edit`)
        expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(panelName)
        await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
        await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
        await expectTablesInside(page)
      } finally {
        await admin.context.close()
      }

      const member = await e.newPage({ javaScriptEnabled })
      let caseUrl: string
      try {
        const page = member.page
        await signIn(page, 'lead@test.example')
        await visit(page, '/cases/panels')
        await clickAndCheck(page, page.getByRole('button', { name: 'Refer a case' }))
        expect(await heading(page)).toBe('Refer a case')
        await clickAndCheck(page, page.getByRole('button', { name: 'Continue' }))
        const problems = await errorSummaryItems(page)
        expect(problems).toContain('Add at least one person to the referral')
        await page.getByLabel('Panel').selectOption({ label: `${panelName} (MARAC (domestic abuse))` })
        await page.locator('#s0_role').selectOption('victim')
        await page.locator('#s0_forename').fill('Ada')
        await page.locator('#s0_surname').fill('Fictional')
        await page.locator('#s0_dateOfBirth').fill('1988-04-12')
        await page.locator('#s0_gender').selectOption('female')
        await page.locator('#s0_addresses').fill('1 Nowhere Lane, Imaginary Town')
        await page.locator('#reasons').fill('Threatened with a knife on the landing')
        await page.locator('#risk').fill('Strangulation in March')
        await page.getByLabel('Given').check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Continue' }))
        expect(await heading(page)).toBe('Check for people Safer already holds')
        if (javaScriptEnabled)
          expect(await page.getByText('Safer holds nobody with this name').isVisible()).toBe(true)
        else {
          // The first run's Ada: the referrer says she is the same person.
          expect(await page.getByText('Same forename, surname and date of birth').isVisible()).toBe(true)
          await clickAndCheck(page, page.getByRole('button', { name: 'Submit referral' }))
          expect(await errorSummaryItems(page)).toEqual([
            'Say whether each person Safer already holds is this person or not',
          ])
          await page.getByLabel('Yes, the same person').check()
        }
        await clickAndCheck(page, page.getByRole('button', { name: 'Submit referral' }))
        expect(await heading(page)).toMatch(/^Case \d+$/)
        expect(await banner(page)).toMatch(/Referral \d+ submitted/)
        caseUrl = new URL(page.url()).pathname
        expect(await page.getByText('Threatened with a knife on the landing').isVisible()).toBe(true)
        await page.getByLabel('New status').selectOption('declined')
        await clickAndCheck(page, page.getByRole('button', { name: 'Change status' }))
        expect(await errorSummaryItems(page)).toEqual(['Say why the referral is declined'])
        await page.getByLabel('New status').selectOption('accepted')
        await clickAndCheck(page, page.getByRole('button', { name: 'Change status' }))
        expect(await banner(page)).toContain('Case status changed')
        await clickAndCheck(page, page.getByRole('link', { name: 'Ada Fictional' }))
        expect(await heading(page)).toBe('Ada Fictional')
        expect(await page.getByText('1 Nowhere Lane, Imaginary Town').isVisible()).toBe(true)
        await visit(page, '/cases')
        await expectTablesInside(page)
        await visit(page, '/cases/search')
        await page.getByLabel('Surname').fill('fictional')
        await page.getByLabel('Date of birth').fill('1988-04-12')
        await clickAndCheck(page, page.getByRole('button', { name: 'Search' }))
        expect(await page.getByRole('link', { name: caseUrl.replace('/cases/', 'Case ') }).count()).toBe(1)
      } finally {
        await member.context.close()
      }

      const outsider = await e.newPage({ javaScriptEnabled })
      try {
        const page = outsider.page
        await signIn(page, 'partnership-manager@test.example')
        await visit(page, caseUrl, 404)
        await visit(page, '/cases/search')
        await page.getByLabel('Surname').fill('Fictional')
        await page.getByLabel('Date of birth').fill('1988-04-12')
        await clickAndCheck(page, page.getByRole('button', { name: 'Search' }))
        expect(await page.getByText(`${panelName} holds a record`).isVisible()).toBe(true)
        expect(await page.getByText('Threatened with a knife').count()).toBe(0)
        await clickAndCheck(
          page,
          page.getByRole('link', { name: caseUrl.replace('/cases/', 'case ') }).last(),
        )
        expect(await heading(page)).toMatch(/^Open case \d+ by break glass$/)
        await page.getByLabel('Why do you need to open this case now?').fill('Victim at A&E out of hours')
        await clickAndCheck(page, page.getByRole('button', { name: 'Open the case' }))
        expect(await page.getByText('You opened this case by break glass').isVisible()).toBe(true)
        expect(await page.getByText('Threatened with a knife on the landing').isVisible()).toBe(true)
      } finally {
        await outsider.context.close()
      }

      const chair = await e.newPage({ javaScriptEnabled })
      try {
        const page = chair.page
        await signIn(page, 'caseworker@test.example')
        expect(await page.getByText('opened by break glass').first().isVisible()).toBe(true)
        await clickAndCheck(page, page.getByRole('link', { name: `${panelName}: case` }))
        expect(await heading(page)).toBe(panelName)
        expect(await page.getByText('Their reason: Victim at A&E out of hours').isVisible()).toBe(true)
        await visit(page, caseUrl)
        expect(await page.getByRole('heading', { name: 'Access log' }).isVisible()).toBe(true)
        expect(await page.getByText('(break glass)').first().isVisible()).toBe(true)
        await expectTablesInside(page)
        await visit(page, new URL(page.url()).pathname.replace(/^\/cases\/\d+$/, '/cases/panels'))
        await clickAndCheck(page, page.getByRole('link', { name: panelName }))
        await clickAndCheck(page, page.getByRole('button', { name: /Mark the break glass on case/ }).first())
        expect(await banner(page)).toContain('Marked as seen')
      } finally {
        await chair.context.close()
      }
    })
  }
})
