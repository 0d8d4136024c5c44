import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { loadTaskingDemo } from '../../src/modules/tasking/demo.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import {
  BROWSER_TIMEOUTS,
  clickAndCheck,
  type E2E,
  expectNoSidewaysScroll,
  expectTablesInside,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// The tasking meeting's page with everything beside the briefing: the demo year's events of risk and
// tension from the trackers, open critical incidents, and the hotspot maps with their tables, in a
// real browser with JavaScript on and off, every page checked with axe on arrival.

describe('the tasking meeting’s agenda and hotspot map in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
    const services = e.t.deps.services
    await loadPartnersDemo(services, TEST_ACTOR)
    await loadCrimeDemo(services, TEST_ACTOR)
    await loadTaskingDemo(services, TEST_ACTOR, services.trackers)
    await services.trackers.createIncident(
      { actor: TEST_ACTOR, user: null },
      {
        title: 'Stabbing near the station',
        occurredOn: '2025-09-01',
        placeKind: 'text',
        placeName: 'Peckham Rye',
      },
    )
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false])
    it(`shows the events, the tension, the open incidents and the hotspot maps with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const { context, page } = await e.newPage({ javaScriptEnabled })
      try {
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'viewer@test.example')
        await visit(page, '/tasking')
        await clickAndCheck(page, page.getByRole('link', { name: 'September 2025' }))
        expect(await heading(page)).toBe('Tasking meeting: September 2025')
        const events = page.getByRole('table', {
          name: 'Events of risk from 12 October 2025 to 30 November 2025',
        })
        expect(await events.getByRole('row').count()).toBe(2)
        expect(await events.getByText('March against knife crime').isVisible()).toBe(true)
        const tensions = page.getByRole('table', { name: 'The latest tension assessment in each area' })
        expect(await tensions.getByText('3 of 5').isVisible()).toBe(true)
        expect(await tensions.getByText('Falling').isVisible()).toBe(true)
        expect(await page.getByRole('link', { name: 'Stabbing near the station' }).isVisible()).toBe(true)
        for (const name of ['Crimes by LSOA, September 2025', 'Crimes by ward, September 2025']) {
          const map = page.getByRole('img', { name })
          expect(await map.isVisible()).toBe(true)
          expect(await map.locator('path').count()).toBeGreaterThan(20)
        }
        expect(
          await page.getByRole('table', { name: 'Hotspot wards, September 2025', exact: true }).isVisible(),
        ).toBe(true)
        await expectTablesInside(page, { elements: 'main table, main svg' })
        await page.setViewportSize({ width: 320, height: 800 })
        await expectNoSidewaysScroll(page)
        await clickAndCheck(page, page.getByRole('link', { name: 'The events tracker' }))
        expect(await heading(page)).toBe('Upcoming events')
      } finally {
        await context.close()
      }
    })
})
