// The assessment's sections, one function each: what each says about the area and period.

import { barChart } from '../../../shared/charts/bar.ts'
import { formatNumber } from '../../../shared/svg.ts'
import type { ResolvedQuery } from '../analysis/analysis.service.ts'
import { comparisonPeriods, monthLabel, periodLabel } from '../analysis/months.ts'
import { compareCounts } from '../analysis/statistics.ts'
import { lineChart } from '../charts/line.ts'
import { deprivationView, hotspotsView, stopSearchView } from '../pages/insights.view.ts'
import { categoryName } from '../pages/names.ts'
import { describeChange, fmt, formatRate } from '../pages/page-data.ts'
import { SOURCE_LABELS } from '../query-types.ts'
import type { CrimeService } from '../service.ts'
import type { AssessmentSection } from './model.ts'

export async function volumeSection(crime: CrimeService, q: ResolvedQuery) {
  const total = await crime.analysis.total(q)
  const change = await crime.analysis.change(q, total)
  const rate = q.area.type === 'force' ? null : await crime.analysis.rateFor(q, total).catch(() => null)
  const lastYear = { ...q, ...comparisonPeriods(q).lastYear }
  const now = await crime.analysis.count(q, 'crime_type')
  const before = new Map((await crime.analysis.count(lastYear, 'crime_type')).map((r) => [r.key, r.count]))
  const monthly = await crime.analysis.monthly(q)
  const typeRows = now.map((r) => {
    const c = compareCounts(r.count, before.get(r.key) ?? 0)
    return [
      categoryName(r.label),
      formatNumber(r.count),
      formatNumber(c.comparison),
      c.percent === null ? '–' : `${c.percent > 0 ? '+' : ''}${fmt(c.percent)}%`,
      change.lastYear.comparable === false ? 'Not comparable' : c.significant ? 'Yes' : 'No',
    ]
  })
  const section: AssessmentSection = {
    id: 'volume',
    title: 'Volume and trend by crime type',
    paragraphs: [
      `${formatNumber(total)} crimes were recorded${rate ? `, ${formatRate(rate.ratePer1000)} per 1,000 residents (ONS mid-${rate.populationYear} population ${formatNumber(rate.population)})` : ''}.`,
      `Against the same months a year earlier: ${describeChange(change.lastYear)}. Against the previous ${monthly.length} months: ${describeChange(change.previous)}.`,
    ],
    charts: [
      {
        title: 'Crimes by month',
        svg: lineChart(
          'a-monthly',
          'Crimes by month',
          monthly.map((m) => m.month),
          [{ name: 'Crimes in the month', values: monthly.map((m) => (m.loaded ? m.count : null)) }],
        ),
        table: {
          caption: 'Crimes by month, with the rolling 12-month total',
          head: ['Month', 'Crimes', 'Rolling 12 months'],
          rows: monthly.map((m) => [
            monthLabel(m.month),
            m.loaded ? formatNumber(m.count) : 'not loaded',
            m.rollingComplete ? formatNumber(m.rolling12) : '–',
          ]),
        },
      },
      {
        title: 'Crimes by type',
        svg: barChart(
          'a-types',
          'Crimes by type',
          now.map((r) => ({ label: categoryName(r.label), value: r.count })),
        ),
        table: {
          caption: `Crimes by type, against ${periodLabel(lastYear.from, lastYear.to)}`,
          head: ['Crime type', 'This period', 'A year earlier', 'Change', 'Significant'],
          rows: typeRows,
        },
      },
    ],
    tables: [],
  }
  return {
    section,
    summary: [
      `${formatNumber(total)} crimes; ${describeChange(change.lastYear).replace(/^(Up|Down)/, (w) => w.toLowerCase())} on a year earlier.`,
    ],
  }
}

/** "Serious violence", or the definition's own name where it starts so ("Serious violence (Southwark)"), or "Serious violence (knife crime)". */
function svTitle(name: string): string {
  if (/^serious violence\b/i.test(name)) return `Serious violence${name.slice('serious violence'.length)}`
  return `Serious violence (${name.toLowerCase()})`
}

export async function seriousViolenceSection(crime: CrimeService, q: ResolvedQuery) {
  const total = await crime.analysis.total(q)
  const change = await crime.analysis.change(q, total)
  const monthly = await crime.analysis.monthly(q)
  const byType = await crime.analysis.count({ ...q }, 'crime_type')
  const section: AssessmentSection = {
    id: 'serious-violence',
    // The definition's name only where it says something the title does not, and never the title twice.
    title: svTitle(q.categoryLabel),
    paragraphs: [
      `The partnership's local definition counts: ${(q.categories ?? []).map(categoryName).join(', ')}.`,
      `${formatNumber(total)} offences in the period. Against a year earlier: ${describeChange(change.lastYear)}.`,
    ],
    charts: [
      {
        title: 'Serious violence by month',
        svg: lineChart(
          'a-sv',
          'Serious violence by month',
          monthly.map((m) => m.month),
          [{ name: 'Offences in the month', values: monthly.map((m) => (m.loaded ? m.count : null)) }],
        ),
        table: {
          caption: 'Serious violence by month',
          head: ['Month', 'Offences'],
          rows: monthly.map((m) => [monthLabel(m.month), m.loaded ? formatNumber(m.count) : 'not loaded']),
        },
      },
    ],
    tables: [
      {
        caption: 'Serious violence by category',
        head: ['Category', 'Offences'],
        rows: byType.map((r) => [categoryName(r.label), formatNumber(r.count)]),
      },
    ],
  }
  return {
    section,
    summary: [
      `Serious violence: ${formatNumber(total)} offences; ${describeChange(change.lastYear).replace(/^(Up|Down)/, (w) => w.toLowerCase())}.`,
    ],
  }
}

/**
 * Hotspots need crimes placed in LSOAs. The Met's LSOA figures start in 2024; for earlier periods the
 * police.uk records (which carry an LSOA each) place crime instead.
 */
export async function hotspotSource(
  crime: CrimeService,
  q: ResolvedQuery,
  policeUk: ResolvedQuery,
): Promise<ResolvedQuery> {
  if (q.source !== 'recorded') return q
  const placed = (await crime.analysis.count(q, 'lsoa')).reduce((s, r) => s + r.count, 0)
  return placed >= (await crime.analysis.total(q)) / 2 ? q : policeUk
}

export async function hotspotsSection(crime: CrimeService, q: ResolvedQuery | null) {
  if (!q) return null
  const h = hotspotsView(await crime.pages.hotspots(q))
  const charts = []
  if (h.wardMap)
    charts.push({
      title: 'Crime by ward',
      svg: h.wardMap,
      table: { caption: 'Crimes by ward', head: ['Ward', 'Crimes', 'Per 1,000'], rows: h.wardRows },
    })
  if (h.lsoaMap)
    charts.push({
      title: 'Crime by LSOA',
      svg: h.lsoaMap,
      table: {
        caption: 'The 20 LSOAs with the most crime',
        head: ['LSOA', 'Crimes', 'Per 1,000'],
        rows: h.lsoaRows.slice(0, 20),
      },
    })
  const tables = charts.length
    ? []
    : [{ caption: 'Crimes by ward', head: ['Ward', 'Crimes', 'Per 1,000'], rows: h.wardRows }]
  if (h.locations.length)
    tables.push({
      caption: 'The 10 places with the most police.uk crime',
      head: ['Place', 'Crimes'],
      rows: h.locations,
    })
  const section: AssessmentSection = {
    id: 'hotspots',
    title: 'Hotspots',
    paragraphs: [
      `From ${SOURCE_LABELS[q.source]}${q.categories ? ` (${categoryName(q.categoryLabel)})` : ''}. ${h.concentration.top5}; ${h.concentration.top10}. Maps are shaded by ${h.valueLabel}.`,
    ],
    charts,
    tables,
  }
  const top = h.wardRows[0]
  return {
    section,
    summary: [
      top ? `Most crime in ${top[0]} ward (${top[1]}). ${h.concentration.top10}.` : h.concentration.top10,
    ],
  }
}

export async function deprivationSection(crime: CrimeService, q: ResolvedQuery): Promise<AssessmentSection> {
  const d = deprivationView(await crime.pages.deprivation(q))
  return {
    id: 'deprivation',
    title: 'Deprivation',
    paragraphs: [
      'Crime rate by the national IMD 2019 decile of each LSOA (decile 1 is the most deprived tenth of England).',
    ],
    charts: [
      {
        title: 'Crime rate by IMD decile',
        svg: d.svg,
        table: {
          caption: 'Crime rate by IMD 2019 decile',
          head: ['Decile', 'LSOAs', 'Population', 'Crimes', 'Per 1,000'],
          rows: d.rows,
        },
      },
    ],
    tables: [],
  }
}

export async function stopSearchSection(crime: CrimeService, q: ResolvedQuery) {
  const s = stopSearchView(await crime.pages.stopSearch(q))
  if (s.empty) {
    const none = `No stop-and-search records are loaded for ${q.area.name} in ${periodLabel(q.from, q.to)}.`
    return {
      section: { id: 'stop-search', title: 'Stop and search', paragraphs: [none], charts: [], tables: [] },
      summary: [],
    }
  }
  const pick = (key: string) => s.sections.find((x) => x.key === key)
  const object = pick('object')
  const section: AssessmentSection = {
    id: 'stop-search',
    title: 'Stop and search',
    paragraphs: [
      `${s.summary.total} stops and searches; ${s.summary.arrests} arrests (${s.summary.arrestRate}). ${s.summary.section60} under section 60 of the Criminal Justice and Public Order Act 1994.`,
    ],
    charts: object
      ? [
          {
            title: 'Stops and searches by object of search',
            svg: object.svg,
            table: {
              caption: 'By object of search',
              head: ['Object', 'Searches', 'Share', 'Arrest rate'],
              rows: object.rows,
            },
          },
        ]
      : [],
    tables: ['outcome', 'legislation', 'age', 'officerEthnicity'].flatMap((k) => {
      const x = pick(k)
      return x
        ? [
            {
              caption: `By ${x.label.toLowerCase()}`,
              head: [x.label, 'Searches', 'Share', 'Arrest rate'],
              rows: x.rows,
            },
          ]
        : []
    }),
  }
  return {
    section,
    summary: [
      `Stop and search: ${s.summary.total} searches, arrest rate ${s.summary.arrestRate}, ${s.summary.section60} under section 60.`,
    ],
  }
}

export async function outcomesSection(crime: CrimeService, q: ResolvedQuery): Promise<AssessmentSection> {
  const o = await crime.insights.outcomes(q)
  return {
    id: 'outcomes',
    title: 'Outcomes',
    paragraphs: [
      `The latest outcome police.uk records for each of the ${formatNumber(o.total)} crimes it published for the area.`,
    ],
    charts: [
      {
        title: 'Latest outcome',
        svg: barChart(
          'a-outcomes',
          'Latest outcome of each crime',
          o.rows.map((r) => ({ label: r.outcome, value: r.count })),
        ),
        table: {
          caption: 'Latest outcome of each crime',
          head: ['Outcome', 'Crimes', 'Share'],
          rows: o.rows.map((r) => [r.outcome, formatNumber(r.count), `${fmt(r.percent)}%`]),
        },
      },
    ],
    tables: [],
  }
}
