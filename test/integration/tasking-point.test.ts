import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AnalyticsStore, openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { metresBetween } from '../../src/shared/charts/projection.ts'
import { escapeXml } from '../../src/shared/svg.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { REPOSITORY_CRIME_DATA as DATA } from '../helpers/crime-data.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// A tasking's point chosen on the map of the meeting's area, as a browser without JavaScript sends
// it: the form's image button posts the click's x and y with the other answers; the form comes back
// with the coordinates filled in, the point marked on the map and its ward and LSOA named (the LSOA
// checked against the ONS lookup in the crime store); recording the tasking keeps the point. On the
// real ONS lookups and Southwark's ward and LSOA boundaries, loaded through the crime service.

// Each ward's own label point, published with its boundary, to aim the click at.
const LABELS = new Map(
  (
    JSON.parse(readFileSync(DATA.southwarkWardBoundaries, 'utf8')) as {
      features: Array<{ properties: { WD24NM: string; LONG: number; LAT: number } }>
    }
  ).features.map((f) => [f.properties.WD24NM, [f.properties.LONG, f.properties.LAT] as [number, number]]),
)

const fieldValue = (html: string, name: string) =>
  html.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1] ??
  html.match(new RegExp(`value="([^"]*)"[^>]*name="${name}"`))?.[1]

describe.each(DIALECTS)('a tasking’s point chosen on the map on %s', (dialect) => {
  let t: TestApp
  let store: AnalyticsStore
  let meetingId: number
  let manager: Browser
  const answers = () => ({
    organisationId: String(t.organisationId),
    placeKind: 'street',
    place: '',
    action: 'Weapon sweep of the open spaces',
    expectedResult: 'Sweeps recorded',
    dueDate: '2026-07-31',
  })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const areas = await t.deps.services.crime.importAreas(TEST_ACTOR, [
      ...DATA.lookups,
      DATA.southwarkWardBoundaries,
      DATA.southwarkLsoaBoundaries,
    ])
    expect(areas.failed).toEqual([])
    store = openAnalyticsStore(t.deps.services.crime.storePath)
    meetingId = await t.deps.services.tasking.scheduleMeeting(
      { actor: TEST_ACTOR, user: null },
      { month: '2026-05', meetingDate: '2026-06-09', area: 'Southwark' },
    )
    manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    await t?.close()
  })

  it('shows the area’s wards as an image button with a text alternative, and serves the map', async () => {
    const form = await manager.get(`/tasking/meetings/${meetingId}/taskings/new`)
    expect(form.statusCode).toBe(200)
    const input = form.body.match(/<input type="image"[^>]*>/)?.[0] ?? ''
    expect(input).toContain('name="map"')
    expect(input).toContain(`formaction="/tasking/meetings/${meetingId}/taskings/point"`)
    expect(input).toContain(
      'alt="Map of Southwark’s wards: select a place to choose it as the point. Typing the latitude and longitude, or choosing a ward by name, does the same."',
    )
    // The first submit button records the tasking, so Enter in a text box never clicks the map.
    const inForm = form.body.slice(form.body.indexOf(`action="/tasking/meetings/${meetingId}/taskings"`))
    expect(inForm.search(/<button type="submit"/)).toBeLessThan(inForm.indexOf('<input type="image"'))
    expect(inForm.match(/<button type="submit"[^>]*>([^<]*)</)?.[1]).toBe('Record tasking')

    const svg = await manager.get(`/tasking/meetings/${meetingId}/taskings/point-map.svg`)
    expect(svg.statusCode).toBe(200)
    expect(svg.headers['content-type']).toContain('image/svg+xml')
    const [{ n }] = (await store.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM boundaries WHERE area_type = 'ward'
         AND code IN (SELECT ward_code FROM lsoa_lookup WHERE lad_code = 'E09000028')`,
    )) as [{ n: number }]
    expect(svg.body.match(/<path /g)).toHaveLength(n)
    expect(svg.body).toContain(`>${escapeXml('Peckham')}</text>`)
    expect(svg.body).not.toContain('<circle')
    expect(input).toContain(`width="${svg.body.match(/width="(\d+)"/)?.[1]}"`)
  })

  it('turns a click on the map into the point, marked, named and still editable, then records it', async () => {
    const map = await t.deps.services.tasking.meetingMap(meetingId, null)
    if (!map) throw new Error('no map of the meeting’s area')
    const aim = LABELS.get('Peckham') as [number, number]
    const [x, y] = map.projection.project(...aim).map(Math.round) as [number, number]
    const back = await manager.post(`/tasking/meetings/${meetingId}/taskings/point`, {
      ...answers(),
      'map.x': String(x),
      'map.y': String(y),
    })
    expect(back.statusCode).toBe(200)
    const latitude = Number(fieldValue(back.body, 'latitude'))
    const longitude = Number(fieldValue(back.body, 'longitude'))
    // Within half a pixel's diagonal of where the click was aimed.
    const pixel = metresBetween(map.projection.invert(x, y), map.projection.invert(x + 1, y))
    expect(metresBetween([longitude, latitude], aim)).toBeLessThan(pixel)
    expect(back.body).toMatch(/<input[^>]*value="point"[^>]*checked/)
    // The answers given before the click are kept.
    expect(back.body).toContain('Weapon sweep of the open spaces')
    const named = back.body.match(/Point chosen: ([^<]*)\./)?.[1] ?? ''
    expect(named).toContain(`${latitude}, ${longitude}, in Peckham ward, LSOA Southwark `)
    const lsoaName = named.match(/LSOA (Southwark \w+)/)?.[1] as string
    const lookup = await store.all<{ ward: string }>(
      'SELECT ward_name AS ward FROM lsoa_lookup WHERE lsoa21_name = $1',
      [lsoaName],
    )
    expect(lookup).toEqual([{ ward: 'Peckham' }])
    expect(fieldValue(back.body, 'place')).toBe(`Peckham ward, LSOA ${lsoaName}`)
    // The map comes back with the point marked.
    const src = back.body.match(/<input type="image"[^>]*src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&') ?? ''
    expect(src).toBe(
      `/tasking/meetings/${meetingId}/taskings/point-map.svg?latitude=${latitude}&longitude=${longitude}`,
    )
    expect((await manager.get(src)).body).toContain('<circle')

    const recorded = await manager.post(`/tasking/meetings/${meetingId}/taskings`, {
      ...answers(),
      placeKind: 'point',
      place: fieldValue(back.body, 'place') ?? '',
      latitude: String(latitude),
      longitude: String(longitude),
    })
    expect(recorded.statusCode).toBe(303)
    const kept = (await t.deps.services.tasking.listTaskings()).at(-1)
    expect(kept?.place).toEqual({
      kind: 'point',
      code: null,
      name: `Peckham ward, LSOA ${lsoaName}`,
      latitude,
      longitude,
    })
  })

  it('names a typed point the same way, keeps a description written by hand, and says what is missing', async () => {
    const aim = LABELS.get('Camberwell Green') as [number, number]
    const typed = await manager.post(`/tasking/meetings/${meetingId}/taskings/point`, {
      ...answers(),
      place: 'Outside the library',
      pointNamed: '',
      latitude: String(aim[1]),
      longitude: String(aim[0]),
    })
    expect(typed.statusCode).toBe(200)
    expect(typed.body).toMatch(/Point chosen: [^<]*, in Camberwell Green ward, LSOA Southwark \w+\./)
    expect(fieldValue(typed.body, 'place')).toBe('Outside the library')
    expect(typed.body).toContain('with the point chosen marked')

    const outside = await manager.post(`/tasking/meetings/${meetingId}/taskings/point`, {
      ...answers(),
      latitude: '51.508',
      longitude: '-0.128',
    })
    expect(outside.body).toContain('Point chosen: 51.508, -0.128, outside the area’s wards.')

    const missing = await manager.post(`/tasking/meetings/${meetingId}/taskings/point`, answers())
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Enter the point’s latitude, or choose it on the map')
    const offMap = await manager.post(`/tasking/meetings/${meetingId}/taskings/point`, {
      ...answers(),
      'map.x': '99999',
      'map.y': '3',
    })
    expect(offMap.statusCode).toBe(400)
    expect(offMap.body).toContain('Choose a point on the map')
  })

  it('is for those who record taskings only', async () => {
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    expect((await viewer.get(`/tasking/meetings/${meetingId}/taskings/point-map.svg`)).statusCode).toBe(403)
    expect(
      (await viewer.post(`/tasking/meetings/${meetingId}/taskings/point`, { 'map.x': '5', 'map.y': '5' }))
        .statusCode,
    ).toBe(403)
  })
})
