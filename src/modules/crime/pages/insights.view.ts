import { barChart } from '../../../shared/charts/bar.ts'
import { formatNumber } from '../../../shared/svg.ts'
import type { InsightsService } from '../analysis/insights.service.ts'
import { choropleth } from '../charts/choropleth.ts'
import { lineChart } from '../charts/line.ts'
import { fmt, formatRate } from './page-data.ts'
import type { HotspotsPage } from './pages.service.ts'

// View data for the hotspots, deprivation and stop-and-search pages (and the assessment's sections):
// shapes figures already gathered, rounding for display (rates to two decimals, percentages to one).

/** "34.3% of crime in the top 5% of LSOAs (9 LSOAs)", or "(1 LSOA)": the count agrees with its noun. */
export function topShare(c: { share: number; areas: number }, fraction: string): string {
  return `${fmt(c.share)}% of crime in the top ${fraction} of LSOAs (${c.areas} ${c.areas === 1 ? 'LSOA' : 'LSOAs'})`
}

export function hotspotsView(page: HotspotsPage) {
  const { query: q, hotspots: h, wardShapes, lsoaShapes } = page
  const byWard = new Map(h.wards.map((w) => [w.code, w]))
  const byLsoa = new Map(h.lsoas.map((l) => [l.code, l]))
  const rateOrCount = (x: { count: number; ratePer1000: number | null } | undefined) =>
    x ? (x.ratePer1000 ?? x.count) : null
  const usesRate = h.lsoas.some((l) => l.ratePer1000 !== null)
  const valueLabel = usesRate ? 'crimes per 1,000 residents' : 'crimes'
  return {
    concentration: {
      lsoas: h.concentration.lsoas,
      top5: topShare(h.concentration.top5, '5%'),
      top10: topShare(h.concentration.top10, '10%'),
    },
    populationYear: h.populationYear,
    wardMap: wardShapes.length
      ? choropleth(
          'ward-map',
          `Map of wards in ${q.area.name} shaded by ${valueLabel}`,
          wardShapes.map((s) => ({ ...s, value: rateOrCount(byWard.get(s.code)) })),
          { valueLabel },
        )
      : '',
    wardRows: h.wards.map((w) => [w.name, formatNumber(w.count), formatRate(w.ratePer1000)]),
    lsoaMap: lsoaShapes.length
      ? choropleth(
          'lsoa-map',
          `Map of LSOAs in ${q.area.name} shaded by ${valueLabel}`,
          lsoaShapes.map((s) => {
            const ward = byLsoa.get(s.code)?.wardName
            return { ...s, value: rateOrCount(byLsoa.get(s.code)), context: ward ? `${ward} ward` : null }
          }),
          { valueLabel },
        )
      : '',
    lsoaRows: h.lsoas.map((l) => [
      `${l.name} (${l.code})${l.wardName ? `, ${l.wardName} ward` : ''}`,
      formatNumber(l.count),
      formatRate(l.ratePer1000),
    ]),
    locations: h.locations.map((l) => [l.label, formatNumber(l.count)]),
    locationsSvg: barChart(
      'locations',
      'Streets and places with the most crime',
      h.locations.map((l) => ({ label: l.label, value: l.count })),
    ),
    valueLabel,
  }
}

export function deprivationView(d: Awaited<ReturnType<InsightsService['deprivation']>>) {
  return {
    svg: barChart(
      'imd',
      'Crimes per 1,000 residents by IMD 2019 decile',
      d.rows.map((r) => ({ label: `Decile ${r.decile}`, value: r.ratePer1000 ?? 0 })),
    ),
    rows: d.rows.map((r) => [
      `Decile ${r.decile}${r.decile === 1 ? ' (most deprived)' : r.decile === 10 ? ' (least deprived)' : ''}`,
      String(r.lsoas),
      formatNumber(r.population),
      formatNumber(r.count),
      formatRate(r.ratePer1000),
    ]),
    unmatched: d.unmatchedLsoas,
    populationYear: d.populationYear,
  }
}

export function stopSearchView(s: Awaited<ReturnType<InsightsService['stopSearch']>>) {
  const sections = Object.entries(s.breakdowns).map(([key, b]) => ({
    key,
    label: b.label,
    svg: barChart(
      `ss-${key}`,
      `Stops and searches by ${b.label.toLowerCase()}`,
      b.rows.slice(0, 12).map((r) => ({ label: r.key, value: r.count })),
    ),
    rows: b.rows.map((r) => [r.key, formatNumber(r.count), `${fmt(r.percent)}%`, `${fmt(r.arrestRate)}%`]),
  }))
  return {
    summary: {
      total: formatNumber(s.summary.total),
      arrests: formatNumber(s.summary.arrests),
      arrestRate: `${fmt(s.summary.arrestRate)}%`,
      linkedRate: s.summary.linkedRate === null ? 'Not published' : `${fmt(s.summary.linkedRate)}%`,
      section60: formatNumber(s.summary.section60),
      noLocation: formatNumber(s.summary.noLocation),
    },
    monthly: {
      svg: lineChart(
        'ss-monthly',
        'Stops and searches and arrests by month',
        s.byMonth.map((m) => m.key),
        [
          { name: 'Stops and searches', values: s.byMonth.map((m) => m.count) },
          { name: 'Arrests', values: s.byMonth.map((m) => m.arrests), dashed: true },
        ],
      ),
      rows: s.byMonth.map((m) => [m.key, formatNumber(m.count), formatNumber(m.arrests)]),
    },
    sections,
    empty: s.summary.total === 0,
  }
}
