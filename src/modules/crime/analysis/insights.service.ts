import { ValidationError } from '../../../shared/errors.ts'
import * as places from '../areas/places.repository.ts'
import type { Area } from '../query-types.ts'
import type { AnalyticsStore } from '../store/store.ts'
import type { AnalysisService, ResolvedQuery } from './analysis.service.ts'
import { concentration, ratePer1000 } from './statistics.ts'
import {
  outcomeLinkPublished,
  STOP_SEARCH_DIMENSIONS,
  type StopSearchDimension,
  stopSearchBreakdown,
  stopSearchByMonth,
  stopSearchSummary,
} from './stop-search.repository.ts'

const TOP = 10

/** A percentage, exact: pages round it for display. */
const share = (part: number, whole: number) => (whole === 0 ? 0 : (part * 100) / whole)

/** Hotspots, concentration, outcomes, stop and search and deprivation, built on the counts. */
export function createInsightsService(store: AnalyticsStore, analysis: AnalysisService) {
  function needOnsArea(area: Area, what: string) {
    if (area.type === 'force')
      throw new ValidationError({ area: `${what} needs a local authority or ward, not a police force` })
  }

  /** Every LSOA in the area with its count and rate, most crime first (areas with none included). */
  async function lsoaTable(q: ResolvedQuery) {
    needOnsArea(q.area, 'An LSOA breakdown')
    const year = await analysis.populationYearFor(q)
    const lsoas = await places.lsoasIn(store, q.area, year)
    const counted = new Map((await analysis.count(q, 'lsoa')).map((r) => [r.key, r.count]))
    return {
      populationYear: year,
      rows: lsoas
        .map((l) => {
          const count = counted.get(l.code) ?? 0
          return { ...l, count, ratePer1000: l.population ? ratePer1000(count, l.population) : null }
        })
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    }
  }

  async function hotspots(q: ResolvedQuery) {
    const lsoas = await lsoaTable(q)
    const wards = new Map<string, { code: string; name: string; count: number; population: number }>()
    for (const l of lsoas.rows) {
      if (!l.wardCode) continue
      const w = wards.get(l.wardCode) ?? {
        code: l.wardCode,
        name: l.wardName ?? l.wardCode,
        count: 0,
        population: 0,
      }
      w.population += l.population ?? 0
      wards.set(l.wardCode, w)
    }
    for (const r of await analysis.count(q, 'ward')) {
      const w = r.key ? wards.get(r.key) : undefined
      if (w) w.count = r.count
    }
    const wardRows = [...wards.values()]
      .map((w) => ({ ...w, ratePer1000: ratePer1000(w.count, w.population) }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    const locations =
      q.source === 'police-uk'
        ? (await analysis.count(q, 'location')).filter((r) => r.key !== 'No location').slice(0, TOP)
        : []
    const counts = lsoas.rows.map((l) => l.count)
    return {
      populationYear: lsoas.populationYear,
      lsoas: lsoas.rows,
      wards: wardRows,
      locations,
      concentration: {
        lsoas: counts.length,
        top5: concentration(counts, 0.05),
        top10: concentration(counts, 0.1),
      },
    }
  }

  async function outcomes(q: ResolvedQuery) {
    if (q.source !== 'police-uk')
      throw new ValidationError({ source: 'Outcomes are published with police.uk records only' })
    const rows = await analysis.count(q, 'outcome')
    const all = rows.reduce((s, r) => s + r.count, 0)
    return {
      total: all,
      rows: rows.map((r) => ({ outcome: r.label, count: r.count, percent: share(r.count, all) })),
    }
  }

  async function stopSearch(area: Area, from: string, to: string) {
    const summary = await stopSearchSummary(store, area, from, to)
    const breakdowns: Record<
      string,
      {
        label: string
        rows: Array<{ key: string; count: number; arrests: number; percent: number; arrestRate: number }>
      }
    > = {}
    for (const [dimension, { label }] of Object.entries(STOP_SEARCH_DIMENSIONS)) {
      const rows = await stopSearchBreakdown(store, area, from, to, dimension as StopSearchDimension)
      breakdowns[dimension] = {
        label,
        rows: rows.map((r) => ({
          ...r,
          percent: share(r.count, summary.total),
          arrestRate: share(r.arrests, r.count),
        })),
      }
    }
    return {
      summary: {
        ...summary,
        arrestRate: share(summary.arrests, summary.total),
        /** null where no force in the data publishes the link (the Met marks every search False). */
        linkedRate: (await outcomeLinkPublished(store, from, to))
          ? share(summary.linked, summary.total)
          : null,
      },
      breakdowns,
      byMonth: await stopSearchByMonth(store, area, from, to),
    }
  }

  /** Crime rate by national IMD 2019 decile of the area's LSOAs (1 = most deprived tenth of England). */
  async function deprivation(q: ResolvedQuery) {
    const lsoas = await lsoaTable(q)
    const deciles = new Map<number, { decile: number; lsoas: number; population: number; count: number }>()
    for (const l of lsoas.rows) {
      if (l.imdDecile === null) continue
      const d = deciles.get(l.imdDecile) ?? { decile: l.imdDecile, lsoas: 0, population: 0, count: 0 }
      d.lsoas++
      d.population += l.population ?? 0
      d.count += l.count
      deciles.set(l.imdDecile, d)
    }
    const rows = [...deciles.values()]
      .sort((a, b) => a.decile - b.decile)
      .map((d) => ({ ...d, ratePer1000: ratePer1000(d.count, d.population) }))
    const unmatched = lsoas.rows.filter((l) => l.imdDecile === null).length
    return { populationYear: lsoas.populationYear, rows, unmatchedLsoas: unmatched }
  }

  return { lsoaTable, hotspots, outcomes, stopSearch, deprivation }
}

export type InsightsService = ReturnType<typeof createInsightsService>
