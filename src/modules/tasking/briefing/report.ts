import { barChart } from '../../../shared/charts/bar.ts'
import type { ReportDocument, ReportSection, ReportTable } from '../../../shared/report/docx.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import type { CommentarySection } from '../schema.ts'
import { type HotspotShapes, hotspotMap } from './hotspot-map.ts'
import type { BriefingFigures, ChangeRow, HotspotRow } from './model.ts'
import { monthText, periodText } from './months.ts'

// The briefing as a report: the meeting page and the Word document both show this, so what the
// meeting reads on screen is what it receives. Figures are rounded here, for display only.

export interface BriefingSection extends ReportSection {
  id: CommentarySection
  commentary: string | null
}

export interface BriefingReport extends ReportDocument {
  sections: BriefingSection[]
}

const whole = (n: number | null) => (n === null ? 'Not loaded' : n.toLocaleString('en-GB'))
const rate = (n: number | null) => (n === null ? 'No population' : n.toFixed(1))
const percent = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${Math.round(n)}%`)

export const AGAINST_TEXT = {
  'previous-three-months': 'Three months to the meeting month against the three months before',
  'last-year': 'The meeting month against the same month last year',
} as const

function hotspotTable(caption: string, rows: HotspotRow[], lsoa: boolean): ReportTable {
  return {
    caption,
    head: lsoa ? ['LSOA', 'Ward', 'Crimes', 'Rate per 1,000'] : ['Ward', 'Crimes', 'Rate per 1,000'],
    rows: rows.map((r) =>
      lsoa
        ? [r.name, r.wardName ?? '', whole(r.count), rate(r.ratePer1000)]
        : [r.name, whole(r.count), rate(r.ratePer1000)],
    ),
  }
}

/** What a change row says: a figure only where the two periods are like for like. */
export function changeVerdict(c: ChangeRow): string {
  if (!c.comparable) return `Not comparable: ${c.reason ?? 'the two periods’ data differ'}`
  const p = c.pValue === null ? '' : ` (p = ${c.pValue < 0.001 ? '< 0.001' : c.pValue.toFixed(3)})`
  return c.significant ? `Significant change${p}` : `No significant change${p}`
}

function changeTable(changes: ChangeRow[]): ReportTable {
  return {
    caption: 'Changes, only where the periods’ data are like for like',
    head: ['What', 'Compared', 'Now', 'Then', 'Change', 'Verdict'],
    rows: changes.map((c) => [
      c.subject,
      `${periodText(c.current.from, c.current.to)} against ${periodText(c.previous.from, c.previous.to)}`,
      whole(c.current.total),
      whole(c.previous.total),
      c.comparable ? percent(c.changePercent) : 'Not comparable',
      changeVerdict(c),
    ]),
  }
}

/**
 * The briefing as a report. Given the area's boundaries, the hotspots are drawn on a map of every
 * LSOA and ward shaded by its crimes, beside the hotspot table; without them, as a bar chart.
 */
export function briefingReport(
  f: BriefingFigures,
  commentary: Partial<Record<CommentarySection, string>>,
  shapes: HotspotShapes = { wards: [], lsoas: [] },
): BriefingReport {
  const month = monthText(f.month)
  const asAt = `Crime data: ${f.sourceLabel}, latest month held ${f.dataAsAt.latestMonth ? monthText(f.dataAsAt.latestMonth) : 'none'}${f.dataAsAt.loadedAt ? `, last loaded ${formatDateTime(f.dataAsAt.loadedAt)}` : ''}.`
  const significant = f.changes.filter((c) => c.comparable && c.significant)
  const notComparable = f.changes.filter((c) => !c.comparable)
  const lsoaChart = f.hotspots.lsoas.length
    ? [
        {
          title: `Crimes by LSOA, ${month}: the ${f.hotspots.lsoas.length} highest`,
          svg:
            hotspotMap('briefing-lsoas', `Crimes by LSOA, ${month}`, f, 'lsoas', shapes.lsoas) ??
            barChart(
              'briefing-lsoas',
              `Crimes by LSOA, ${month}`,
              f.hotspots.lsoas.map((l) => ({ label: l.name, value: l.count })),
            ),
          table: hotspotTable(`Hotspot LSOAs, ${month}`, f.hotspots.lsoas, true),
        },
      ]
    : []
  const wardChart = f.hotspots.wards.length
    ? [
        {
          title: `Crimes by ward, ${month}: the ${f.hotspots.wards.length} highest`,
          svg:
            hotspotMap('briefing-wards', `Crimes by ward, ${month}`, f, 'wards', shapes.wards) ??
            barChart(
              'briefing-wards',
              `Crimes by ward, ${month}`,
              f.hotspots.wards.map((w) => ({ label: w.name, value: w.count })),
            ),
          table: hotspotTable(`Hotspot wards, ${month}`, f.hotspots.wards, false),
        },
      ]
    : []
  const typeChart =
    f.violence.total === null
      ? []
      : [
          {
            title: `Serious violence by crime type, ${month}`,
            svg: barChart(
              'briefing-violence',
              `Serious violence by crime type, ${month}`,
              f.violence.byType.map((t) => ({ label: t.type, value: t.count ?? 0 })),
            ),
            table: {
              caption: `Serious violence by crime type, ${month}`,
              head: ['Crime type', 'Crimes'],
              rows: f.violence.byType.map((t) => [t.type, whole(t.count)]),
            },
          },
        ]
  const sections: BriefingSection[] = [
    {
      id: 'summary',
      title: 'Summary',
      paragraphs: [
        `${f.area.name}, ${month}: ${f.total === null ? `no crime data is loaded for ${month}` : `${whole(f.total)} crimes recorded`}.`,
        asAt,
        `Figures generated ${formatDateTime(f.generatedAt)} and kept with the meeting as they were then.`,
      ],
      bullets: [
        `${significant.length} significant ${significant.length === 1 ? 'change' : 'changes'} of ${f.changes.length} comparisons`,
        ...(notComparable.length
          ? [`${notComparable.length} not comparable: the data differ between the periods`]
          : []),
      ],
      charts: [],
      tables: [],
      commentary: commentary.summary ?? null,
    },
    {
      id: 'hotspots',
      title: 'Hotspots',
      paragraphs: [
        f.populationYear
          ? `Rates use the ONS mid-${f.populationYear} population estimates.`
          : 'No population estimates are loaded, so there are no rates.',
        ...(lsoaChart.length ? [] : [`No crimes are recorded for ${month} in ${f.area.name}.`]),
      ],
      charts: [...lsoaChart, ...wardChart],
      tables: [],
      commentary: commentary.hotspots ?? null,
    },
    {
      id: 'changes',
      title: 'Significant changes',
      paragraphs: [
        'Each comparison is made only where both periods rest on the same data month for month (as on the crime pages); otherwise it is not comparable and has no figure.',
        ...(f.changeTest ? [`Test: ${f.changeTest}.`] : []),
      ],
      bullets: significant.map(
        (c) =>
          `${c.subject}: ${percent(c.changePercent)} (${whole(c.current.total)} against ${whole(c.previous.total)}), ${AGAINST_TEXT[c.against].toLowerCase()}`,
      ),
      charts: [],
      tables: [changeTable(f.changes)],
      commentary: commentary.changes ?? null,
    },
    {
      id: 'violence',
      title: 'Serious violence',
      paragraphs: [
        `The partnership’s serious violence definition for tasking names: ${f.violence.types.join(', ')}.`,
        `${whole(f.violence.total)} such crimes in ${month}.`,
      ],
      charts: typeChart,
      tables: f.violence.lsoas.length
        ? [hotspotTable(`Serious violence hotspot LSOAs, ${month}`, f.violence.lsoas, true)]
        : [],
      commentary: commentary.violence ?? null,
    },
  ]
  return {
    title: `Violence intelligence briefing: ${f.area.name}`,
    period: month,
    generatedAt: f.generatedAt,
    description: `Tasking meeting intelligence briefing for ${f.area.name}, ${month}`,
    prepared: `Prepared with Safer from published crime data. ${asAt}`,
    sections,
  }
}

/** The report as the Word document renders it: the analyst's commentary closes each section. */
export function withCommentary(report: BriefingReport): ReportDocument {
  return {
    ...report,
    sections: report.sections.map((s) => ({
      ...s,
      closing: s.commentary
        ? { title: 'Analyst’s commentary', paragraphs: s.commentary.split(/\r?\n\s*\r?\n/) }
        : undefined,
    })),
  }
}
