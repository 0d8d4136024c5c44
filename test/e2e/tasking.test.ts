import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { MODULES } from '../../src/modules/index.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { loadTaskingDemo } from '../../src/modules/tasking/demo.ts'
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

// Tasking meetings in a real browser, on the demo's year of meetings built on the demo crime
// extract: every page checked with axe on arrival, with JavaScript on and off, and at 1280 pixels
// no table or chart spills out of the page.

describe('tasking in a real browser', () => {
  let e: E2E
  let february: number

  beforeAll(async () => {
    // Without the trackers: the agenda says so (tasking-agenda.test.ts has them).
    e = await startE2E({ modules: MODULES.filter((m) => m.name !== 'trackers') })
    await loadPartnersDemo(e.t.deps.services, TEST_ACTOR)
    await loadCrimeDemo(e.t.deps.services, TEST_ACTOR)
    await loadTaskingDemo(e.t.deps.services, TEST_ACTOR)
    february = (await e.t.deps.services.tasking.findMeetingByMonth('2026-02')) as number
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows the meetings, a briefing with its charts and tables, and records commentary and a tasking, with JavaScript on', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'analyst@test.example')
      await clickAndCheck(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasking' }),
      )
      expect(await heading(page)).toBe('Tasking meetings')
      expect(
        await page
          .getByRole('table', { name: /12 meetings/ })
          .getByRole('row')
          .count(),
      ).toBe(13)
      await expectTablesInside(page)

      await clickAndCheck(page, page.getByRole('link', { name: 'February 2026' }))
      expect(await heading(page)).toBe('Tasking meeting: February 2026')
      for (const name of [
        'Crimes by LSOA, February 2026',
        'Crimes by ward, February 2026',
        'Serious violence by crime type, February 2026',
      ])
        expect(await page.getByRole('img', { name }).isVisible()).toBe(true)
      expect(
        await page
          .getByRole('table', { name: 'Hotspot LSOAs, February 2026', exact: true })
          .getByRole('row')
          .count(),
      ).toBe(6)
      expect(await page.getByText('The events tracker is not available yet').isVisible()).toBe(true)
      expect(await page.getByText('Carried over', { exact: true }).count()).toBeGreaterThan(0)
      await expectTablesInside(page, { elements: 'main table, main svg' })

      await page
        .getByLabel('Commentary on significant changes')
        .fill('Robbery is up on the quarter; see the hotspot wards.')
      await clickAndCheck(
        page,
        page
          .locator('section#section-changes, section[aria-labelledby="section-changes"]')
          .getByRole('button', { name: 'Save commentary' }),
      )
      expect(await banner(page)).toContain('Commentary saved')
      expect(
        await page.getByText('Robbery is up on the quarter; see the hotspot wards.').first().isVisible(),
      ).toBe(true)

      await clickAndCheck(page, page.getByRole('button', { name: 'Record a tasking' }))
      expect(await heading(page)).toBe('Record a tasking')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record tasking' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Select the organisation tasked',
        'Choose what kind of place it is',
        'Enter what the organisation is tasked to do',
        'Enter the expected result',
        'Enter the due date as YYYY-MM-DD',
      ])
      await page.getByLabel('Organisation tasked').selectOption({ label: 'London Fire Brigade' })
      await page.getByLabel('A point on the map (latitude and longitude)').check()
      await page.getByLabel('Latitude (for a point)').fill('51.4735')
      await page.getByLabel('Longitude (for a point)').fill('-0.0690')
      await page
        .getByLabel('What the organisation is tasked to do')
        .fill('Home fire safety visits around the point')
      await page.getByLabel('Expected result').fill('Twenty visits')
      await page.getByLabel('Due date').fill('2026-04-30')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record tasking' }))
      expect(await banner(page)).toContain('Tasking recorded')
      expect(
        await page.getByRole('heading', { name: /London Fire Brigade: .*51\.47350, -0\.06900/ }).isVisible(),
      ).toBe(true)
      await expectTablesInside(page, { elements: 'main table, main svg' })
      await visit(page, '/tasking/settings')
      expect(await heading(page)).toBe('Tasking settings')
      expect(await page.getByLabel('Recorded-crime categories, one a line').inputValue()).toContain('ROBBERY')
    } finally {
      await context.close()
    }
  })

  it('lets a viewer read the meetings and settings but change nothing, with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'viewer@test.example')
      await visit(page, '/tasking')
      expect(await page.getByText('Schedule a meeting').count()).toBe(0)
      await expectTablesInside(page)
      await clickAndCheck(page, page.getByRole('link', { name: 'March 2025' }))
      expect(await heading(page)).toBe('Tasking meeting: March 2025')
      expect(
        await page
          .getByRole('button')
          .filter({ hasText: /Save|Generate|Record/ })
          .count(),
      ).toBe(0)
      await expectTablesInside(page, { elements: 'main table, main svg' })
      await visit(page, '/tasking/settings')
      expect(await heading(page)).toBe('Tasking settings')
      expect(
        await page
          .getByText('VIOLENCE AGAINST THE PERSON, SEXUAL OFFENCES, ROBBERY, POSSESSION OF WEAPONS')
          .isVisible(),
      ).toBe(true)
      await visit(page, `/tasking/meetings/${february}/taskings/new`, 403)
    } finally {
      await context.close()
    }
  })

  it('lets an analyst schedule a meeting, generate its briefing, record an outcome and change the settings, with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'analyst@test.example')
      await visit(page, '/tasking')
      await clickAndCheck(page, page.getByRole('button', { name: 'Schedule meeting' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Enter the month as YYYY-MM, like 2025-03',
        'Enter the meeting date as YYYY-MM-DD',
      ])
      await page.getByLabel('Month the briefing covers').fill('2024-03')
      await page.getByLabel('Meeting date').fill('2024-04-09')
      await clickAndCheck(page, page.getByRole('button', { name: 'Schedule meeting' }))
      expect(await banner(page)).toContain('Meeting scheduled')
      expect(await page.getByText('No briefing has been generated for this meeting yet.').isVisible()).toBe(
        true,
      )
      await clickAndCheck(
        page,
        page.getByRole('button', { name: 'Generate the briefing from the crime data' }),
      )
      expect(await banner(page)).toContain('Briefing generated from the crime data')
      expect(
        await page.getByRole('cell', { name: /^Not comparable: Not like for like/ }).count(),
      ).toBeGreaterThan(0)
      await expectTablesInside(page, { elements: 'main table, main svg' })

      await visit(page, `/tasking/meetings/${february}`)
      const card = page
        .locator('.govuk-summary-card')
        .filter({ has: page.locator('.govuk-tag', { hasText: 'Carried over' }) })
        .first()
      await card.getByText('Record the outcome').click()
      await card.getByLabel('Outcome').selectOption('done')
      await clickAndCheck(page, card.getByRole('button', { name: 'Save outcome' }))
      expect(await errorSummaryItems(page)).toEqual(['Enter the actual result'])
      const open = page.locator('.govuk-summary-card').filter({ has: page.locator('details[open]') })
      await open.getByLabel('Actual result').fill('Sweeps done on three estates; two knives recovered')
      await clickAndCheck(page, open.getByRole('button', { name: 'Save outcome' }))
      expect(await banner(page)).toContain('Tasking updated')
      expect(
        await page
          .locator('.govuk-summary-list__value', {
            hasText: 'Sweeps done on three estates; two knives recovered',
          })
          .isVisible(),
      ).toBe(true)

      await visit(page, `/tasking/meetings/${february}/taskings/new`)
      await page.getByLabel('Organisation tasked').selectOption({ label: 'Southwark Council' })
      await page.getByLabel('A ward (by name or ONS code)').check()
      await page.getByLabel('The LSOA, ward or street').fill('Nowhere Ward')
      await page.getByLabel('What the organisation is tasked to do').fill('Street lighting survey')
      await page.getByLabel('Expected result').fill('Faults reported')
      await page.getByLabel('Due date').fill('2026-04-30')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record tasking' }))
      expect((await errorSummaryItems(page))[0]).toMatch(/^No ward called "Nowhere Ward"/)
      await page.getByLabel('The LSOA, ward or street').fill('Peckham')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record tasking' }))
      expect(await banner(page)).toContain('Tasking recorded')
      expect(
        await page.getByRole('heading', { name: /Southwark Council: Ward: Peckham \(E05/ }).isVisible(),
      ).toBe(true)

      await visit(page, '/tasking/settings')
      await page.getByLabel('Hotspots to list').fill('25')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save settings' }))
      expect(await errorSummaryItems(page)).toEqual(['Enter how many hotspots to list, from 3 to 20'])
      await page.getByLabel('Hotspots to list').fill('8')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save settings' }))
      expect(await banner(page)).toContain('Settings saved')
    } finally {
      await context.close()
    }
  })
})
