import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { type AnalyticsStore, openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import type { BriefingFigures } from '../../src/modules/tasking/briefing/model.ts'
import { escapeXml, formatNumber } from '../../src/shared/svg.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { openDocx } from '../helpers/docx.ts'
import { Browser } from '../helpers/session.ts'

// The briefing's hotspot map, on the demo crime extract (Southwark's recorded crime by LSOA): every
// LSOA and ward of the area drawn from the crime store's boundaries, each shaded by the month's
// count as a direct query on the store gives it, with the hotspot table beside the map on the page
// and the map as a picture followed by its table in the Word document.

const SOUTHWARK = 'E09000028'

describe.each(DIALECTS)('the briefing’s hotspot map on %s', (dialect) => {
  let t: TestApp
  let store: AnalyticsStore
  let meetingId: number
  let figures: BriefingFigures

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    await loadCrimeDemo(t.deps.services, TEST_ACTOR)
    store = openAnalyticsStore(t.deps.services.crime.storePath)
    const operator = { actor: TEST_ACTOR, user: null }
    meetingId = await t.deps.services.tasking.scheduleMeeting(operator, {
      month: '2025-09',
      meetingDate: '2025-10-14',
    })
    figures = (await t.deps.services.tasking.generateBriefing(operator, meetingId)).figures
  }, 300_000)
  afterAll(async () => {
    await store?.close()
    await t?.close()
  })

  it('keeps every LSOA’s and ward’s count for the month, as a direct query on the store gives them', async () => {
    const direct = await store.all<{ code: string; ward: string; n: number }>(
      `SELECT l.lsoa21_code AS code, l.ward_code AS ward, coalesce(sum(r.count), 0)::INTEGER AS n
       FROM lsoa_lookup l LEFT JOIN recorded_crimes r
         ON r.area_code = l.lsoa21_code AND r.area_type = 'lsoa' AND r.month = DATE '2025-09-01'
       WHERE l.lad_code = '${SOUTHWARK}' GROUP BY 1, 2`,
    )
    const lsoas = new Map(figures.areaCounts?.lsoas.map((l) => [l.code, l.count]))
    expect(lsoas.size).toBe(direct.length)
    for (const d of direct) expect(lsoas.get(d.code), d.code).toBe(d.n)
    const wards = new Map<string, number>()
    for (const d of direct) wards.set(d.ward, (wards.get(d.ward) ?? 0) + d.n)
    expect(new Map(figures.areaCounts?.wards.map((w) => [w.code, w.count]))).toEqual(wards)
    expect([...lsoas.values()].reduce((a, b) => a + b, 0)).toBe(figures.total)
  })

  it('draws the map of every LSOA and ward beside the hotspot table on the meeting page', async () => {
    const shapes = await store.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM boundaries WHERE area_type = 'lsoa21'
         AND code IN (SELECT lsoa21_code FROM lsoa_lookup WHERE lad_code = '${SOUTHWARK}')`,
    )
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const page = await viewer.get(`/tasking/meetings/${meetingId}`)
    expect(page.statusCode).toBe(200)
    const lsoaMap =
      page.body.match(/<svg[^>]*aria-labelledby="briefing-lsoas-title[\s\S]*?<\/svg>/)?.[0] ?? ''
    expect(lsoaMap).toContain('Map of')
    expect(lsoaMap.match(/<path /g)?.length).toBe(shapes[0]?.n)
    // Each hotspot's shape says its count, and the table beside the map lists the hotspots.
    for (const h of figures.hotspots.lsoas)
      expect(lsoaMap).toContain(escapeXml(`${h.name} (${h.wardName}): ${formatNumber(h.count)} crimes`))
    const after = page.body.slice(page.body.indexOf('id="briefing-lsoas-title"'))
    expect(after.indexOf('Hotspot LSOAs, September 2025')).toBeGreaterThan(0)
    expect(after.indexOf('Hotspot LSOAs, September 2025')).toBeLessThan(
      after.indexOf('id="briefing-wards-title"'),
    )
    const wardMap =
      page.body.match(/<svg[^>]*aria-labelledby="briefing-wards-title[\s\S]*?<\/svg>/)?.[0] ?? ''
    expect(wardMap.match(/<path /g)?.length).toBe(figures.areaCounts?.wards.length)
  })

  it('puts the maps in the Word document as pictures, each followed by its table', async () => {
    const file = await t.deps.services.tasking.exportMeetingBriefing(
      TEST_ACTOR,
      await t.deps.services.tasking.getMeeting(meetingId),
    )
    const doc = openDocx(file.content)
    // Each map goes in as its SVG (with a PNG for older Word): the LSOA map has a shape per LSOA.
    const maps = doc.names
      .filter((n) => n.startsWith('word/media/') && n.endsWith('.svg'))
      .map((n) => doc.part(n))
      .filter((svg) => svg.includes('Map of'))
    expect(maps).toHaveLength(2)
    expect(maps.some((svg) => svg.match(/<path /g)?.length === figures.areaCounts?.lsoas.length)).toBe(true)
    const lsoaTable = doc.text.indexOf('Hotspot LSOAs, September 2025')
    expect(lsoaTable).toBeGreaterThan(0)
    for (const h of figures.hotspots.lsoas)
      expect(doc.text.indexOf(h.name, lsoaTable)).toBeGreaterThan(lsoaTable)
  })
})
