import { barChart } from '../../../shared/charts/bar.ts'
import type { WordPart, WordSection } from '../../../shared/word.ts'
import { dayText, meetingWhen } from '../pages/common.ts'
import type { ActionArising, Meeting } from '../records.ts'
import { resolvedHeading } from '../rules/resolutions.ts'
import { itemLabel, type PackPaper, type PerformanceSource } from './sources.ts'

// The board pack's sections, each from data already read: the agenda, the last meeting's minutes
// with the matters arising, the performance dashboard and exception report, and the papers.

type Dashboard = Awaited<ReturnType<PerformanceSource['dashboard']>>
type Exceptions = Awaited<ReturnType<PerformanceSource['exceptions']>>

const owner = (a: ActionArising) =>
  [a.ownerName, a.ownerOrganisationName].filter(Boolean).join(', ') || 'No owner'

export function agendaSection(meeting: Meeting): WordSection {
  return {
    title: 'Agenda',
    parts: [
      {
        kind: 'table',
        textColumns: true,
        table: {
          caption: `Agenda of ${meeting.boardName}, ${meetingWhen(meeting.startsAt)}`,
          head: ['Item', 'Title', 'Presenter', 'Notes'],
          rows: meeting.items.map((i) => [
            `Item ${i.number}`,
            i.title,
            i.presenterName ?? '',
            [
              i.kind === 'standing' ? 'Standing item' : '',
              i.kind === 'matters-arising' ? 'Open actions from earlier meetings' : '',
              i.exempt ? `Exempt: ${i.exemptReason ?? ''}` : '',
            ]
              .filter(Boolean)
              .join('. '),
          ]),
        },
      },
    ],
  }
}

/** Open actions from earlier meetings, as on the meeting's own page. */
function mattersArisingParts(actions: ActionArising[], today: string): WordPart[] {
  if (actions.length === 0) return [{ kind: 'paragraph', text: 'No actions are open from earlier meetings.' }]
  return [
    {
      kind: 'table',
      textColumns: true,
      table: {
        caption: 'Matters arising: open actions from earlier meetings',
        head: ['Action', 'From', 'Owner', 'Due'],
        rows: actions.map((a) => [
          a.description,
          `Item ${a.itemNumber}, ${dayText(a.meetingStartsAt.slice(0, 10))}`,
          owner(a),
          `${dayText(a.dueDate) || 'No date'}${a.dueDate !== null && a.dueDate < today ? ' (overdue)' : ''}`,
        ]),
      },
    },
  ]
}

/**
 * The previous meeting's minutes item by item, with its resolutions as written; an exempt item's
 * discussion stays in the exempt minutes.
 */
export function minutesSection(previous: Meeting | null, meeting: Meeting, today: string): WordSection {
  const parts: WordPart[] = []
  if (!previous) parts.push({ kind: 'paragraph', text: 'This is the board’s first meeting held in Safer.' })
  else {
    parts.push({
      kind: 'paragraph',
      text: `Minutes of the meeting of ${previous.boardName} on ${meetingWhen(previous.startsAt)}.`,
    })
    for (const item of previous.items) {
      parts.push({ kind: 'heading', text: itemLabel(item) })
      if (item.presenterName) parts.push({ kind: 'paragraph', text: `Presented by ${item.presenterName}.` })
      if (item.exempt) {
        parts.push({ kind: 'paragraph', text: 'Exempt item: its minutes are held in the exempt minutes.' })
        continue
      }
      for (const paragraph of (item.discussion ?? '').split(/\n\s*\n/).filter((p) => p.trim()))
        parts.push({ kind: 'paragraph', text: paragraph.trim() })
      if (item.resolutions.length) {
        parts.push({
          kind: 'paragraph',
          text: resolvedHeading(item.resolutions.map((r) => r.number)),
          bold: true,
        })
        parts.push({ kind: 'bullets', items: item.resolutions.map((r) => `${r.number}) ${r.text}`) })
      }
    }
  }
  parts.push(
    { kind: 'heading', text: 'Matters arising' },
    ...mattersArisingParts(meeting.mattersArising, today),
  )
  return { title: 'Minutes of the last meeting and matters arising', parts }
}

const RATING_ORDER = ['red', 'amber', 'green', 'no-target', 'monitor']
const RATING_SHORT: Record<string, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'no-target': 'No target',
  monitor: 'Monitor only',
}

export const PERFORMANCE_ABSENT =
  'The performance module is not installed in this Safer, so the pack has no performance dashboard or exception report. Papers on performance can be added to the agenda instead.'

/** Indicators against their targets (a chart of how many stand at each rating, and its table), then the exceptions with why. */
export function performanceSection(
  figures: { dashboard: Dashboard; exceptions: Exceptions } | null,
): WordSection {
  const title = 'Performance dashboard and exception report'
  if (!figures) return { title, parts: [{ kind: 'paragraph', text: PERFORMANCE_ABSENT }] }
  const { dashboard, exceptions } = figures
  const parts: WordPart[] = []
  if (dashboard.length === 0) parts.push({ kind: 'paragraph', text: 'No indicators are defined yet.' })
  else {
    const bars = RATING_ORDER.map((r) => ({
      label: RATING_SHORT[r] as string,
      value: dashboard.filter((d) => d.rag === r).length,
    })).filter((b) => b.value > 0)
    const chartTitle = 'Indicators by rating against target'
    parts.push(
      {
        kind: 'chart',
        chart: {
          title: chartTitle,
          svg: barChart('pack-ratings', chartTitle, bars),
          table: {
            caption: chartTitle,
            head: ['Rating', 'Indicators'],
            rows: bars.map((b) => [b.label, String(b.value)]),
          },
        },
      },
      {
        kind: 'table',
        textColumns: true,
        table: {
          caption: 'Performance dashboard: each indicator’s latest figure',
          head: ['Indicator', 'Period', 'Value', 'Target', 'Rating', 'Direction'],
          rows: dashboard.map((d) => [d.name, d.period, d.value, d.target, d.ragText, d.directionText]),
        },
      },
    )
  }
  parts.push({ kind: 'heading', text: 'Exception report' })
  if (exceptions.indicators.length === 0 && exceptions.deliverables.length === 0)
    parts.push({
      kind: 'paragraph',
      text: 'No exceptions: no indicator or deliverable needs the board’s attention.',
    })
  if (exceptions.indicators.length)
    parts.push({
      kind: 'table',
      textColumns: true,
      table: {
        caption: 'Indicators by exception',
        head: ['Indicator', 'Value', 'Why it is here'],
        rows: exceptions.indicators.map((e) => [e.name, e.display, e.reasons.join('; ')]),
      },
    })
  if (exceptions.deliverables.length)
    parts.push({
      kind: 'table',
      textColumns: true,
      table: {
        caption: 'Deliverables by exception',
        head: ['Plan and theme', 'Deliverable', 'Why it is here'],
        rows: exceptions.deliverables.map((e) => [
          `${e.plan.title}: ${e.theme}`,
          e.outcome,
          e.reasons.join('; '),
        ]),
      },
    })
  return { title, parts }
}

/** What the agenda holds, item by item, and each item's papers; an exempt item's papers are left out. */
export function papersSection(meeting: Meeting, papers: Map<number, PackPaper[]>): WordSection {
  const rows = meeting.items.map((item) => {
    const listed = papers.get(item.id) ?? []
    const what = item.exempt
      ? 'Exempt: papers not included'
      : listed.length
        ? listed.map((p) => `${p.title} (${p.detail})`).join('; ')
        : 'No papers'
    return [`Item ${item.number}`, item.title, what]
  })
  return {
    title: 'Papers',
    parts: [
      {
        kind: 'table',
        textColumns: true,
        table: { caption: 'Papers on the agenda', head: ['Item', 'Title', 'Papers'], rows },
      },
    ],
  }
}
