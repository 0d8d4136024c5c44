import { ValidationError } from '../../../shared/errors.ts'
import type { WordPart, WordReport, WordSection } from '../../../shared/word.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import { dayText } from '../pages/common.ts'
import { PERFORMANCE_ABSENT } from './pack-sections.ts'
import { planSummaryParts } from './plan-summary.ts'
import { itemLabel, type PackSources, type YearDecision } from './sources.ts'

// The annual report on a strategy (seed 000, resolution 3: "an annual report to cabinet on the
// progress of the strategy"): its priorities with the indicators linked to each, its plans' RAG by
// theme, and the decisions of the year. The year is the calendar year.

export function checkYear(year: unknown): number {
  const text = String(year ?? '').trim()
  if (!/^\d{4}$/.test(text) || Number(text) < 1990 || Number(text) > 2100)
    throw new ValidationError({ year: 'Enter the year as four digits, like 2026' })
  return Number(text)
}

/** The year's resolutions as the minutes record them, board by board, in date order. */
export async function resolutionsOfYear(sources: Pick<PackSources, 'governance'>, year: number) {
  const decisions: YearDecision[] = []
  const meetings = (await sources.governance.listMeetings()).filter(
    (m) => m.startsAt.startsWith(`${year}-`) && m.status !== 'cancelled',
  )
  for (const summary of meetings.reverse()) {
    const meeting = await sources.governance.getMeeting(summary.id)
    for (const item of meeting.items)
      for (const r of item.resolutions)
        decisions.push({
          date: meeting.startsAt.slice(0, 10),
          madeBy: `${meeting.boardName}, ${itemLabel(item)}`,
          number: r.number,
          text: r.text,
        })
  }
  return decisions
}

async function prioritiesSection(sources: PackSources, strategyId: number): Promise<WordSection> {
  const strategy = await sources.strategies.get(strategyId)
  const performance = sources.performance()
  const dashboard = performance ? await performance.dashboard() : null
  const parts: WordPart[] = []
  if (!dashboard) parts.push({ kind: 'paragraph', text: PERFORMANCE_ABSENT })
  if (strategy.priorities.length === 0)
    parts.push({ kind: 'paragraph', text: 'The strategy has no priorities recorded.' })
  for (const priority of strategy.priorities) {
    parts.push({ kind: 'heading', text: priority.title })
    if (priority.description) parts.push({ kind: 'paragraph', text: priority.description })
    if (priority.keyRecommendations.length)
      parts.push(
        { kind: 'paragraph', text: 'Key recommendations', bold: true },
        { kind: 'bullets', items: priority.keyRecommendations },
      )
    if (!dashboard) continue
    const linked = dashboard.filter((d) => d.priorityIds.includes(priority.id))
    parts.push(
      linked.length
        ? {
            kind: 'table',
            textColumns: true,
            table: {
              caption: `Indicators for ${priority.title}`,
              head: ['Indicator', 'Period', 'Value', 'Target', 'Rating', 'Direction'],
              rows: linked.map((d) => [d.name, d.period, d.value, d.target, d.ragText, d.directionText]),
            },
          }
        : { kind: 'paragraph', text: 'No indicator is linked to this priority.' },
    )
  }
  return { title: 'Priorities and their indicators', parts }
}

export async function buildAnnualReport(
  sources: PackSources,
  strategyId: number,
  year: number,
  made: { madeAt: string; madeBy: string },
): Promise<WordReport> {
  const strategy = await sources.strategies.get(strategyId)
  const plans: WordPart[] = []
  if (strategy.plans.length === 0)
    plans.push({ kind: 'paragraph', text: 'No action plan is linked to this strategy.' })
  for (const [n, linked] of strategy.plans.entries())
    plans.push(
      ...planSummaryParts(await sources.plans.getPlan(linked.id), `annual-plan-${n + 1}`, { lists: false }),
    )
  const decisions = [...(await resolutionsOfYear(sources, year)), ...(await sources.decisions(year))].sort(
    (a, b) => a.date.localeCompare(b.date),
  )
  return {
    title: `${strategy.title}: annual report ${year}`,
    cover: [
      `Strategy: ${strategy.title}${strategy.period ? ` (${strategy.period})` : ''}`,
      `Year: 1 January to 31 December ${year}`,
      ...(strategy.adoptedOn
        ? [`Adopted ${dayText(strategy.adoptedOn)}${strategy.adoptedBy ? ` by ${strategy.adoptedBy}` : ''}`]
        : []),
      `Made ${formatDateTime(made.madeAt)} by ${made.madeBy}, from the figures and plans held in Safer at that moment.`,
    ],
    description: `Annual report on ${strategy.title}, ${year}`,
    sections: [
      await prioritiesSection(sources, strategyId),
      { title: 'Action plans: RAG by theme', parts: plans },
      {
        title: `Decisions in ${year}`,
        parts: decisions.length
          ? [
              {
                kind: 'table',
                textColumns: true,
                table: {
                  caption: `Decisions in ${year}`,
                  head: ['Date', 'Made by', 'Number', 'Decision'],
                  rows: decisions.map((d) => [dayText(d.date), d.madeBy, d.number, d.text]),
                },
              },
            ]
          : [{ kind: 'paragraph', text: `No decisions are recorded for ${year}.` }],
      },
    ],
  }
}
