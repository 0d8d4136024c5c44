import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { VAF_FACTORS } from '../../src/modules/cases/rules/vaf-factors.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { vafRatings } from '../helpers/channel-mase.ts'
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

// Channel and MASE in a real browser, JavaScript on and then off: a member reads a Channel case's
// change chart and its table, assesses all 22 factors with plain radios, records the parent's
// consent and adds support; on a MASE case links a place another child is linked to, adds a person
// of concern (the second time confirming the match), agrees and updates a disruption, and reads the
// panel's problem profile. Every page is checked with axe, at 1280 px for tables and 320 px for reflow.

const daysAgo = (n: number) => londonToday(new Date(Date.now() - n * 86_400_000))

describe('Channel and MASE in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'
    const birth = javaScriptEnabled ? '2011-04-01' : '2011-04-02'

    it(`assesses a Channel case and works a MASE case, with JavaScript ${run}`, async () => {
      const cases = e.t.deps.services.cases
      const system = { actor: TEST_ACTOR, user: null }
      const panel = (name: string, type: 'channel' | 'mase') =>
        cases.createPanel(system, {
          name: `${name} (JavaScript ${run})`,
          type,
          termsOfReference: `${name} terms`,
          chairUserId: e.t.userIds.caseworker,
          cadence: 'monthly',
          memberUserIds: [e.t.userIds.lead],
          organisationIds: [e.t.organisationId],
          isaParties: ['Test Council'],
          isaLegalBasis: 'gdpr-6e-9g-para18',
          isaReviewDate: '2030-01-31',
        })
      const refer = (panelId: number, forename: string, surname: string) =>
        cases.submitReferral(system, {
          panelId,
          referringUserId: e.t.userIds.lead,
          referredOn: daysAgo(60),
          reasons: 'Concerns raised by the school',
          risk: 'Contact with older adults online',
          consent: 'given',
          subjects: [{ role: 'victim', forename, surname, dateOfBirth: birth, gender: 'female' }],
        })
      const chair = { actor: TEST_ACTOR, user: { id: e.t.userIds.caseworker, role: 'caseworker' as const } }
      const channelCase = await refer(await panel('Browser Channel', 'channel'), 'Noor', `Channelcase${run}`)
      for (const [days, present] of [
        [50, 8],
        [30, 5],
      ] as const)
        await cases.assessVaf(chair, channelCase, { assessedOn: daysAgo(days), ratings: vafRatings(present) })
      const masePanel = await panel('Browser MASE', 'mase')
      const first = await refer(masePanel, 'Ivy', `Masefirst${run}`)
      const second = await refer(masePanel, 'Wren', `Masesecond${run}`)
      const place = `The Makebelieve Inn, 7 Story Lane (${run})`
      await cases.addMaseLocation(chair, first, { locationType: 'hotel', place })
      await cases.addPersonOfConcern(chair, first, {
        forename: 'Otto',
        surname: `Concern${run}`,
        dateOfBirth: '1988-08-08',
        gender: 'male',
      })

      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/${channelCase}`)
        await clickAndCheck(page, page.getByRole('link', { name: /Vulnerability Assessment Framework/ }))
        expect(await heading(page)).toBe(`Vulnerability Assessment Framework: case ${channelCase}`)
        expect(await page.locator('svg.safer-chart').count()).toBe(1)
        const series = page.getByRole('table', { name: 'Factors present at each assessment' })
        expect(await series.locator('tbody tr').count()).toBe(2)
        expect(await page.getByText(/8 to 5 present \(3 fewer\)/).isVisible()).toBe(true)
        await expectTablesInside(page)

        // No support before consent: the form is not offered, the page says why.
        expect(await page.getByRole('button', { name: 'Add support' }).count()).toBe(0)
        expect(await page.getByText('Without consent there is no support package').isVisible()).toBe(true)
        await page.getByRole('group', { name: 'Decision' }).getByLabel('Consent given').check()
        await page.getByRole('group', { name: 'Who decided' }).getByLabel('The person').check()
        await page.getByLabel('Date of the decision').fill(daysAgo(20))
        await page.getByLabel('Obtained by').fill('Sam Example, Channel practitioner')
        await clickAndCheck(page, page.getByRole('button', { name: 'Record decision' }))
        expect(await errorSummaryItems(page)).toContain(
          'For a child under 18, record the parent’s or guardian’s decision',
        )
        await page.getByRole('group', { name: 'Who decided' }).getByLabel('Their parent or guardian').check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Record decision' }))
        expect(await banner(page)).toContain('Consent decision recorded')
        await page.getByLabel('Type of support').selectOption({ label: 'Mentoring' })
        await page.getByLabel('Intervention provider').fill('Imaginary Mentors')
        await page.getByLabel('Starts').fill(daysAgo(10))
        await clickAndCheck(page, page.getByRole('button', { name: 'Add support' }))
        expect(await banner(page)).toContain('Support added to the package')
        expect(await page.getByRole('cell', { name: 'Imaginary Mentors' }).isVisible()).toBe(true)

        // The assessment with plain radios: one left out is named, then all 22 are saved.
        await page.getByLabel('Date of the assessment').fill(daysAgo(1))
        for (const [i, f] of VAF_FACTORS.entries()) {
          if (f.id === 'criminal-capability') continue
          await page
            .getByRole('group', { name: `${f.number}. ${f.name}` })
            .getByLabel(f.dimension === 'engagement' && i < 2 ? 'Present' : 'Not present', { exact: true })
            .check()
        }
        await clickAndCheck(page, page.getByRole('button', { name: 'Save assessment' }))
        expect(await errorSummaryItems(page)).toContain(
          'Criminal capability: choose present, not present or not known',
        )
        await page
          .getByRole('group', { name: '3. Criminal capability' })
          .getByLabel('Not known', { exact: true })
          .check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Save assessment' }))
        expect(await banner(page)).toContain('VAF assessment recorded')
        expect(await series.locator('tbody tr').count()).toBe(3)
        expect(await page.getByText(/5 to 2 present \(3 fewer\)/).isVisible()).toBe(true)
        await page.setViewportSize({ width: 320, height: 800 })
        await expectNoSidewaysScroll(page)
        await page.setViewportSize({ width: 1280, height: 900 })

        // MASE: the second child linked to the first child's place, worded differently.
        await visit(page, `/cases/${second}`)
        await clickAndCheck(page, page.getByRole('link', { name: /Places, persons of concern/ }))
        expect(await heading(page)).toBe(`MASE: case ${second}`)
        await clickAndCheck(page, page.getByRole('button', { name: 'Link place' }))
        expect(await errorSummaryItems(page)).toContain('Select the type of place')
        await page.getByLabel('Type of place').selectOption({ label: 'Hotel' })
        await page.getByLabel('Address or description of the place').fill(place.toUpperCase())
        await clickAndCheck(page, page.getByRole('button', { name: 'Link place' }))
        expect(await banner(page)).toContain('Place linked')
        expect(await page.getByText('1 other case').isVisible()).toBe(true)

        // The person of concern: Safer holds someone who may be him; the member says so.
        await page.getByLabel('Forename').fill('Otto')
        await page.getByLabel('Surname').fill(`Concern${run}`)
        await page.getByLabel('Date of birth').fill('1988-08-08')
        await page.getByLabel('Gender').selectOption({ label: 'Male' })
        await clickAndCheck(page, page.getByRole('button', { name: 'Add person of concern' }))
        expect(await page.getByText(/Safer holds 1 person who may be this person/).isVisible()).toBe(true)
        await page.getByRole('group', { name: 'Person 1 Safer holds' }).getByLabel('Same person').check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Add person of concern' }))
        expect(await banner(page)).toContain('Person of concern added')
        expect(await page.getByRole('link', { name: `Otto Concern${run}` }).isVisible()).toBe(true)

        await page.getByLabel('Type of disruption').selectOption({ label: 'Hotel watch' })
        await page.getByLabel('What is to be done').fill('Brief the night staff')
        await page.getByLabel('Owner organisation').selectOption({ index: 1 })
        await page.getByLabel('Due').fill(daysAgo(-7))
        await clickAndCheck(page, page.getByRole('button', { name: 'Add disruption action' }))
        expect(await banner(page)).toContain('Disruption action added')
        await page.getByLabel('Status').selectOption({ label: 'Done' })
        await clickAndCheck(page, page.getByRole('button', { name: 'Update disruption' }))
        expect(await errorSummaryItems(page)).toContain('Record the result')
        await page.getByLabel('Status').selectOption({ label: 'Done' })
        await page.getByLabel('Result', { exact: true }).fill('Staff briefed')
        await clickAndCheck(page, page.getByRole('button', { name: 'Update disruption' }))
        expect(await banner(page)).toContain('Disruption action updated')
        await expectTablesInside(page)

        await clickAndCheck(page, page.getByRole('link', { name: 'The panel’s problem profile' }))
        expect(await heading(page)).toBe('Problem profile')
        const row = page.getByRole('row', { name: new RegExp(place.replace(/[()]/g, '.')) })
        expect(await row.getByRole('cell').nth(1).textContent()).toBe('2')
        await expectTablesInside(page)
        await page.setViewportSize({ width: 320, height: 800 })
        await expectNoSidewaysScroll(page)
      } finally {
        await member.context.close()
      }
    })
  }
})
