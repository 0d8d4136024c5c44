import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
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

// The youth panel and the ASB case review in a real browser, JavaScript on and then off: a member
// records a risk review and a young person's transition, the chair is told at home of the one due,
// a Community MARAC member records an application, its decision and reads its clocks, each page
// checked with axe on arrival, at 1280 pixels and again at 320.

const daysAgo = (n: number) => londonToday(new Date(Date.now() - n * 86_400_000))

describe('youth risk and the ASB case review in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'

    it(`reviews risk, moves a young person on and answers an application, with JavaScript ${run}`, async () => {
      const cases = e.t.deps.services.cases
      const system = { actor: TEST_ACTOR, user: null }
      const panel = (name: string, type: string) =>
        cases.createPanel(system, {
          name: `${name} (JavaScript ${run})`,
          type,
          termsOfReference: name,
          chairUserId: e.t.userIds.caseworker,
          cadence: 'monthly',
          memberUserIds: [e.t.userIds.lead],
          organisationIds: [e.t.organisationId],
          isaParties: ['Test Council'],
          isaLegalBasis: 'cda-s115',
          isaReviewDate: '2030-01-31',
        })
      const youth = await panel('Browser youth panel', 'youth-rmp')
      // Somewhere for the young person to move on to.
      await panel('Browser adult panel', 'iom')
      const community = await panel('Browser Community MARAC', 'community-marac')
      const caseId = await cases.submitReferral(system, {
        panelId: youth,
        referringUserId: e.t.userIds.lead,
        referredOn: daysAgo(20),
        reasons: 'Stopped with a knife',
        risk: 'Older associates',
        consent: 'given',
        subjects: [
          {
            role: 'offender',
            forename: 'Kit',
            surname: `Madeupson${run}`,
            dateOfBirth: addCalendarMonths(daysAgo(0), 2 - 18 * 12),
            gender: 'male',
          },
        ],
      })

      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/panels/${youth}`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Risk and transitions' }))
        expect(await heading(page)).toBe('Risk and transitions')
        expect(
          await page
            .getByRole('row', { name: new RegExp(`Kit Madeupson${run}`) })
            .first()
            .isVisible(),
        ).toBe(true)
        await expectTablesInside(page)
        await clickAndCheck(page, page.getByRole('link', { name: `Case ${caseId}`, exact: true }))
        expect(await heading(page)).toBe('Shared risk')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record the review' }))
        expect(await errorSummaryItems(page)).toEqual(
          expect.arrayContaining(['Select the shared risk level', 'Enter the risk factors']),
        )
        await page.getByLabel('High', { exact: true }).check()
        await page.getByLabel('The public').check()
        await page.getByLabel('Risk factors').fill('Carries for protection')
        await page.getByLabel('Protective factors').fill('Stable foster placement')
        await page.getByLabel('Option 1: kind').selectOption('diversion')
        await page.getByLabel('Option 1: what is agreed').fill('Mentoring through the youth service')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record the review' }))
        expect(await banner(page)).toContain('Risk review recorded')
        expect(await page.getByText('Mentoring through the youth service').isVisible()).toBe(true)
        await page
          .getByLabel('Adult panel')
          .selectOption({ label: `Browser adult panel (JavaScript ${run})` })
        await page.getByLabel('Date of the transition').fill(daysAgo(1))
        await clickAndCheck(page, page.getByRole('button', { name: 'Record the transition' }))
        expect(await banner(page)).toContain('Transition to adult services recorded')
        expect(await page.getByRole('cell', { name: 'Moved on' }).isVisible()).toBe(true)
        await expectTablesInside(page)

        // The ASB case review: a new application, refused empty, then recorded and decided.
        await visit(page, `/cases/panels/${community}/asb`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Record a new application' }))
        await clickAndCheck(page, page.getByRole('button', { name: 'Record the application' }))
        expect(await errorSummaryItems(page)).toEqual(
          expect.arrayContaining(['Enter the applicant’s forename', 'Enter at least one complaint']),
        )
        await page.getByLabel('Forename').fill('Nell')
        await page.getByLabel('Surname').fill(`Pretendall${run}`)
        await page.getByLabel('Date of birth').fill('1966-06-06')
        await page.getByLabel('Address, for the outcome letter').fill('2 Fable Court, Imaginary Town')
        await page.getByLabel('Date received').fill(daysAgo(3))
        await page.getByLabel('Where the behaviour happens').fill('Fable Court car park')
        for (const i of [0, 1, 2]) {
          await page.locator(`[id="complaints.${i}.reportedOn"]`).fill(daysAgo(10 + i * 20))
          await page.locator(`[id="complaints.${i}.agency"]`).fill('Police')
        }
        await clickAndCheck(page, page.getByRole('button', { name: 'Record the application' }))
        expect(await banner(page)).toContain('Application recorded')
        expect(await heading(page)).toBe(`Nell Pretendall${run}`)
        const applicationUrl = new URL(page.url()).pathname
        expect(await page.getByText('The threshold test is met:').isVisible()).toBe(true)
        await page.getByLabel('The decision on the threshold').check()
        await page.getByLabel('Date', { exact: true }).fill(daysAgo(0))
        await page.getByLabel('Yes', { exact: true }).check()
        await page.getByLabel('For a decision: the reason').fill('Three complaints in six months')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record', exact: true }))
        expect(await banner(page)).toContain('Recorded')
        expect(
          await page.getByRole('row', { name: /Decide whether the threshold is met/ }).textContent(),
        ).toContain('Done on time')
        await expectTablesInside(page)
        await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
        expect(await page.getByRole('row', { name: new RegExp(`Nell Pretendall${run}`) }).isVisible()).toBe(
          true,
        )
        await expectTablesInside(page)
        await page.setViewportSize({ width: 320, height: 800 })
        for (const url of [
          `/cases/panels/${community}/asb`,
          `/cases/panels/${community}/asb/new`,
          applicationUrl,
          `/cases/panels/${youth}/youth`,
          `/cases/${caseId}/risk`,
        ]) {
          await visit(page, url)
          await expectTablesInside(page)
        }
      } finally {
        await member.context.close()
      }

      // The chair hears of a young person due to move on at home; outsiders meet "not found".
      const second = await cases.submitReferral(system, {
        panelId: youth,
        referringUserId: e.t.userIds.lead,
        referredOn: daysAgo(5),
        reasons: 'Excluded from school',
        risk: 'Carrying',
        consent: 'given',
        subjects: [
          {
            role: 'offender',
            forename: 'Lou',
            surname: `Storybook${run}`,
            dateOfBirth: addCalendarMonths(daysAgo(0), 4 - 18 * 12),
            gender: 'female',
          },
        ],
      })
      const chair = await e.newPage({ javaScriptEnabled })
      try {
        await signIn(chair.page, 'caseworker@test.example')
        expect(
          await chair.page
            .getByText(
              `1 young person on Browser youth panel (JavaScript ${run}) is due to move to adult services.`,
            )
            .isVisible(),
        ).toBe(true)
        await clickAndCheck(
          chair.page,
          chair.page.getByRole('link', {
            name: new RegExp(`See the transitions\\s+on Browser youth panel \\(JavaScript ${run}\\)`),
          }),
        )
        expect(
          await chair.page.getByRole('row', { name: new RegExp(`^Lou Storybook${run} \\d`) }).isVisible(),
        ).toBe(true)
      } finally {
        await chair.context.close()
      }
      const outsider = await e.newPage({ javaScriptEnabled })
      try {
        await signIn(outsider.page, 'partnership-manager@test.example')
        await visit(outsider.page, `/cases/${second}/risk`, 404)
        await visit(outsider.page, `/cases/panels/${community}/asb`, 404)
      } finally {
        await outsider.context.close()
      }
    })
  }
})
