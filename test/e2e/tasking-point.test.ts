import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { metresBetween } from '../../src/shared/charts/projection.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { REPOSITORY_CRIME_DATA as DATA } from '../helpers/crime-data.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  checkAccessibility,
  clickAndCheck,
  type E2E,
  expectNoSidewaysScroll,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// Choosing a tasking's point on the map of the meeting's wards in a real browser, with JavaScript on
// and off: a click on the map (an image button) brings the form back with the point marked, its
// coordinates filled in and its ward named; the tasking is then recorded with that point. Keyboard
// users type the point and have it shown the same way. Every page is checked with axe on arrival.

const PECKHAM = (
  JSON.parse(readFileSync(DATA.southwarkWardBoundaries, 'utf8')) as {
    features: Array<{ properties: { WD24NM: string; LONG: number; LAT: number } }>
  }
).features.find((f) => f.properties.WD24NM === 'Peckham')?.properties as { LONG: number; LAT: number }

describe('a tasking’s point chosen on the map in a real browser', () => {
  let e: E2E
  let meetingId: number

  beforeAll(async () => {
    e = await startE2E()
    const areas = await e.t.deps.services.crime.importAreas(TEST_ACTOR, [
      ...DATA.lookups,
      DATA.southwarkWardBoundaries,
      DATA.southwarkLsoaBoundaries,
    ])
    expect(areas.failed).toEqual([])
    meetingId = await e.t.deps.services.tasking.scheduleMeeting(
      { actor: TEST_ACTOR, user: null },
      { month: '2026-05', meetingDate: '2026-06-09', area: 'Southwark' },
    )
  })
  afterAll(async () => {
    await e?.close()
  })

  const mapButton = (page: Page) => page.getByRole('button', { name: /^Map of Southwark’s wards/ })

  async function fillAnswers(page: Page) {
    await page.getByLabel('Organisation tasked').selectOption({ index: 1 })
    await page.getByLabel('What the organisation is tasked to do').fill('Weapon sweep of the open spaces')
    await page.getByLabel('Expected result').fill('Sweeps recorded on the police activity log')
    await page.getByLabel('Due date').fill('2026-07-31')
  }

  for (const javaScriptEnabled of [true, false])
    it(`chooses the point with a click on the map and records it, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const { context, page } = await e.newPage({ javaScriptEnabled })
      try {
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'analyst@test.example')
        await visit(page, `/tasking/meetings/${meetingId}/taskings/new`)
        expect(await heading(page)).toBe('Record a tasking')
        await fillAnswers(page)
        const map = mapButton(page)
        expect(await map.getAttribute('alt')).toContain(
          'Typing the latitude and longitude, or choosing a ward by name, does the same.',
        )
        // Aim at Peckham's label point, through the projection the map is drawn in.
        const drawn = await e.t.deps.services.tasking.meetingMap(meetingId, null)
        if (!drawn) throw new Error('no map of the meeting’s area')
        const [x, y] = drawn.projection.project(PECKHAM.LONG, PECKHAM.LAT)
        await map.scrollIntoViewIfNeeded()
        await Promise.all([page.waitForEvent('load'), map.click({ position: { x, y } })])
        await checkAccessibility(page)
        await expectNoSidewaysScroll(page)

        expect(await heading(page)).toBe('Record a tasking')
        const chosen = (await page.locator('#point-chosen').textContent()) ?? ''
        expect(chosen).toMatch(/^Point chosen: [-\d., ]+, in Peckham ward, LSOA Southwark \w+\.$/)
        const latitude = Number(await page.getByLabel('Latitude (for a point)').inputValue())
        const longitude = Number(await page.getByLabel('Longitude (for a point)').inputValue())
        // The browser sends whole pixels: the point is within a pixel of where the click was aimed.
        const pixel = metresBetween(drawn.projection.invert(100, 100), drawn.projection.invert(101, 100))
        expect(metresBetween([longitude, latitude], [PECKHAM.LONG, PECKHAM.LAT])).toBeLessThan(pixel)
        expect(await page.getByLabel('A point on the map (latitude and longitude)').isChecked()).toBe(true)
        expect(await page.getByLabel('What the organisation is tasked to do').inputValue()).toBe(
          'Weapon sweep of the open spaces',
        )
        expect(await mapButton(page).getAttribute('alt')).toContain('with the point chosen marked')
        // The marked map is served, and shown at the size it was drawn (so a click means the same place).
        expect(await mapButton(page).evaluate((el) => (el as HTMLInputElement).clientWidth)).toBe(
          drawn.projection.width,
        )

        // With JavaScript off, Enter in a text box records the tasking (the map is not the default button).
        if (javaScriptEnabled) await clickAndCheck(page, page.getByRole('button', { name: 'Record tasking' }))
        else {
          await Promise.all([page.waitForEvent('load'), page.getByLabel('Due date').press('Enter')])
          await checkAccessibility(page)
        }
        expect(await banner(page)).toContain('Tasking recorded')
        expect(
          await page.getByText(/Peckham ward, LSOA Southwark \w+ \(51\.\d+, -0\.\d+\)/).count(),
        ).toBeGreaterThan(0)
      } finally {
        await context.close()
      }
    })

  it('shows a typed point on the map for keyboard users, at 320 pixels wide', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 320, height: 800 })
      await signIn(page, 'analyst@test.example')
      await visit(page, `/tasking/meetings/${meetingId}/taskings/new`)
      await page.getByLabel('Latitude (for a point)').fill(String(PECKHAM.LAT))
      await page.getByLabel('Longitude (for a point)').fill(String(PECKHAM.LONG))
      await clickAndCheck(page, page.getByRole('button', { name: 'Show the typed point on the map' }))
      expect(await page.locator('#point-chosen').textContent()).toContain('in Peckham ward')
      expect(await mapButton(page).getAttribute('src')).toContain(`latitude=${PECKHAM.LAT}`)
    } finally {
      await context.close()
    }
  })
})
