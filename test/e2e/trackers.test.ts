import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_DATA } from '../../src/modules/crime/demo.ts'
import { MODULES } from '../../src/modules/index.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { loadTrackersDemo } from '../../src/modules/trackers/demo.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
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

// The trackers in a real browser on the demo's trackers, Southwark's wards and stop and search:
// every page checked with axe on arrival, with JavaScript on and off; at 1280 pixels no table
// spills out of the page, and at 320 pixels nothing scrolls sideways.

const WIDE = { elements: 'main table, main svg' }

describe('trackers in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    // Without tasking, so a tasking's number is kept as given (tasking-agenda.test.ts has both).
    e = await startE2E({ modules: MODULES.filter((m) => m.name !== 'tasking') })
    const { services } = e.t.deps
    await loadPartnersDemo(services, TEST_ACTOR)
    await services.crime.importAreas(TEST_ACTOR, [join(DEMO_DATA, 'areas')])
    await services.crime.ingest(TEST_ACTOR, [
      join(DEMO_DATA, 'police-uk/met-stop-and-search'),
      join(DEMO_DATA, 'mps-recorded-crime/mps_recorded_crime_lsoa_southwark_2024-02_to_2026-02.csv'),
    ])
    await loadTrackersDemo(services, TEST_ACTOR)
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows every tracker page to a viewer with JavaScript on, at 1280 and 320 pixels', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'viewer@test.example')
      await clickAndCheck(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trackers' }),
      )
      expect(await heading(page)).toBe('Events, tensions and police activity')
      await expectTablesInside(page, WIDE)

      await clickAndCheck(page, page.getByRole('link', { name: 'Events tracker' }))
      expect(await heading(page)).toBe('Upcoming events')
      expect(await page.getByText('Add an event').count()).toBe(0)
      await expectTablesInside(page, WIDE)
      await page.getByLabel('Events', { exact: true }).selectOption('past')
      await page.getByLabel('Type', { exact: true }).selectOption('funeral')
      await clickAndCheck(page, page.getByRole('button', { name: 'Show events' }))
      expect(await heading(page)).toBe('Past events')
      await clickAndCheck(page, page.getByRole('link', { name: 'Funeral, Old Kent Road' }))
      expect(await page.getByText('Large attendance; no disorder.').isVisible()).toBe(true)

      await visit(page, '/trackers/tensions')
      await expectTablesInside(page, WIDE)
      await clickAndCheck(page, page.locator('a[href="/trackers/tensions/history?area=E05011110"]'))
      expect(await heading(page)).toBe('Community tension in Peckham')
      expect(await page.getByRole('img', { name: 'Community tension in Peckham' }).isVisible()).toBe(true)
      const table = page.getByRole('table', { name: /Assessments, oldest first/ })
      expect(await table.getByRole('row').count()).toBe(13)
      expect(await table.getByText('Rising').count()).toBe(2)
      await expectTablesInside(page, WIDE)
      await clickAndCheck(page, table.getByRole('link').nth(4))
      expect(await page.getByText('4 – High').isVisible()).toBe(true)

      await visit(page, '/trackers/police-activity?from=2024-02&to=2024-06')
      expect(await page.getByRole('img', { name: 'Police activity by ward' }).isVisible()).toBe(true)
      const months = page.getByRole('table', { name: /Police activity entries by month/ })
      expect(await months.getByRole('row', { name: /February 2024/ }).textContent()).toContain('No data')
      await expectTablesInside(page, WIDE)
      await visit(page, '/trackers/police-activity')
      expect(await page.getByText('no data', { exact: true }).isVisible()).toBe(true)
      await expectTablesInside(page, WIDE)
      await clickAndCheck(
        page,
        page.getByRole('table', { name: 'Police activity, latest first' }).getByRole('link').first(),
      )
      expect(await page.getByText('Weapons recovered').isVisible()).toBe(true)

      await visit(page, '/trackers/critical-incidents')
      await clickAndCheck(page, page.getByRole('link', { name: 'Fatal stabbing, Peckham' }))
      expect(await page.getByText('3 of 5 done').isVisible()).toBe(true)
      expect(await page.getByText('Tick a checklist item').count()).toBe(0)
      await expectTablesInside(page, WIDE)

      // Reflow: the pages with the widest tables and drawings, at 320 pixels.
      await page.setViewportSize({ width: 320, height: 800 })
      for (const url of [
        '/trackers',
        '/trackers/events',
        '/trackers/tensions/history?area=E05011110',
        '/trackers/police-activity',
        page.url(),
      ]) {
        await visit(page, url)
        await expectNoSidewaysScroll(page)
      }
    } finally {
      await context.close()
    }
  })

  it('lets an analyst keep every tracker with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'analyst@test.example')
      await visit(page, '/trackers/events/new')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save event' }))
      expect(await errorSummaryItems(page)).toContain('Enter what the event is, without naming anyone')
      await page.getByLabel('What the event is').fill('Cup replay, South Bermondsey')
      await page.getByLabel('Type').selectOption('football')
      await page.getByLabel('Starts on').fill('2030-02-01')
      await page.getByLabel('A ward').check()
      await page.getByLabel('Ward', { exact: true }).selectOption({ label: 'South Bermondsey' })
      await page.getByLabel('Metropolitan Police Service').check()
      await clickAndCheck(page, page.getByRole('button', { name: 'Save event' }))
      expect(await banner(page)).toContain('Event added')
      expect(await heading(page)).toBe('Cup replay, South Bermondsey')
      await clickAndCheck(page, page.getByRole('button', { name: 'Change this event' }))
      await page.getByLabel('Outcome (optional)').fill('Passed off quietly.')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save event' }))
      expect(await banner(page)).toContain('Event saved')

      await visit(page, '/trackers/tensions/new')
      await page.getByLabel('A ward').check()
      await page.getByLabel('Ward', { exact: true }).selectOption({ label: 'Faraday' })
      await page.getByLabel('Date of the assessment').fill(londonToday())
      await page.getByLabel('Tension level').selectOption('4')
      await page.locator('#indicator-incidents-level').selectOption('4')
      await page.locator('#indicator-incidents-note').fill('Two linked assaults')
      await page.locator('#contribution-1-organisationId').selectOption({ label: 'Southwark Council' })
      await page.locator('#contribution-1-note').fill('Youth service feedback')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save assessment' }))
      expect(await banner(page)).toContain('Tension assessment added')
      expect(await page.getByText('Rising (from level 2)').isVisible()).toBe(true)
      await expectTablesInside(page, WIDE)

      await visit(page, '/trackers/police-activity/new')
      await page.getByLabel('Date', { exact: true }).fill(londonToday())
      await page.getByLabel('Tactic').selectOption('knife-amnesty')
      await page.getByLabel('A point (latitude and longitude)').check()
      await page.getByLabel('Latitude', { exact: true }).fill('51.4741')
      await page.getByLabel('Longitude', { exact: true }).fill('-0.0693')
      await page.getByLabel('Place name (needed for a point or words)').fill('Peckham Library')
      await page.getByLabel('Weapons recovered (optional)').fill('12')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save police activity' }))
      expect(await banner(page)).toContain('Police activity added')

      await visit(page, '/trackers/critical-incidents/new')
      await page.getByLabel('Title').fill('Serious assault, Rye Lane')
      await page.getByLabel('Date of the incident').fill(londonToday())
      await page.getByLabel('Described in words').check()
      await page.getByLabel('Place name (needed for a point or words)').fill('Rye Lane')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record incident' }))
      expect(await banner(page)).toContain('Critical incident recorded')
      expect(await page.getByText('0 of 5 done').isVisible()).toBe(true)
      await page.getByText('Tick a checklist item').click()
      await page.getByLabel('Item').selectOption('communications')
      await page.getByLabel('Done by').fill('Council communications team')
      await page.getByLabel('Done on').fill(londonToday())
      await clickAndCheck(page, page.getByRole('button', { name: 'Tick item' }))
      expect(await page.getByText('1 of 5 done').isVisible()).toBe(true)
      await page.getByText('Add to the timeline').click()
      await clickAndCheck(page, page.getByRole('button', { name: 'Add entry' }))
      expect((await errorSummaryItems(page))[0]).toMatch(/Enter the date and time/)
      await page.getByLabel('Date', { exact: true }).fill(londonToday())
      await page.getByLabel('Time').fill('21:40')
      await page.getByLabel('What happened').fill('Police called; partners alerted.')
      await clickAndCheck(page, page.getByRole('button', { name: 'Add entry' }))
      expect(await page.getByText('Police called; partners alerted.').isVisible()).toBe(true)
      await page.getByText('Link a tension assessment or a tasking').click()
      await page.getByLabel('Or a tasking’s number').fill('42')
      await clickAndCheck(page, page.getByRole('button', { name: 'Add link' }))
      expect(await page.getByText('Tasking 42').isVisible()).toBe(true)
      await expectTablesInside(page, WIDE)
    } finally {
      await context.close()
    }
  })
})
