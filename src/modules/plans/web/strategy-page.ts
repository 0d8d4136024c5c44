import { formatPlanDate } from '../../../shared/plan-dates.ts'
import { paths } from '../paths.ts'
import { STRATEGY_STATUSES } from '../schema.ts'
import type { Priority, Strategy, StrategyRecord } from '../strategy.ts'
import { changedFields, lines, text } from './conflict.ts'
import { partsOf } from './date-parts.ts'
import { summaryRows } from './summary-rows.ts'

export type { Priority, Strategy }

export const STATUS_LABELS: Record<(typeof STRATEGY_STATUSES)[number], string> = {
  draft: 'Draft',
  adopted: 'Adopted',
  superseded: 'Superseded',
}
export const statusItems = (selected: unknown) =>
  STRATEGY_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: s === selected }))
const statusText = (status: unknown) => STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? text(status)

/** One strategy as its page shows it. */
export function strategyPage(s: Strategy) {
  return {
    title: s.title,
    facts: summaryRows([
      ['Period', s.period || 'Not recorded'],
      ['Status', statusText(s.status)],
      ['Adopted on', formatPlanDate(s.adoptedOn) || 'Not recorded'],
      ['Adopted by', s.adoptedBy || 'Not recorded'],
    ]),
    vision: s.vision,
    strategicAims: s.strategicAims,
    priorities: s.priorities.map((p) => ({ ...p, editHref: paths.plans.editPriority(p.id) })),
    leadership: s.leadership.map((l) => ({ name: l.name, organisation: l.organisation, role: l.role })),
    plans: s.plans.map((p) => ({ title: p.title, period: p.period, href: paths.plans.show(p.id) })),
  }
}

/** The strategy form's values from the stored strategy. */
export function strategyFormValues(s: Strategy) {
  const adopted = partsOf(s.adoptedOn)
  return {
    title: s.title,
    period: s.period ?? '',
    status: s.status,
    'adoptedOn-day': adopted.day,
    'adoptedOn-month': adopted.month,
    'adoptedOn-year': adopted.year,
    adoptedBy: s.adoptedBy ?? '',
    vision: s.vision ?? '',
    strategicAims: s.strategicAims.join('\n'),
    version: String(s.version),
  }
}

export function priorityFormValues(p: Priority) {
  return {
    title: p.title,
    description: p.description ?? '',
    objectives: p.objectives.join('\n'),
    focus: p.focus.join('\n'),
    keyRecommendations: p.keyRecommendations.join('\n'),
    version: String(p.version),
  }
}

/** A 409's stored strategy against what was sent. */
export function strategyChanges(
  current: Pick<StrategyRecord, 'title' | 'period' | 'status' | 'adoptedOn' | 'adoptedBy' | 'vision'>,
  sent: Record<string, string>,
  sentAdoptedOn: string,
) {
  return changedFields([
    { label: 'Title', theirs: text(current.title), yours: text(sent.title) },
    { label: 'Period', theirs: text(current.period), yours: text(sent.period) },
    { label: 'Status', theirs: statusText(current.status), yours: statusText(sent.status) },
    {
      label: 'Adopted on',
      theirs: formatPlanDate(current.adoptedOn),
      yours: formatPlanDate(sentAdoptedOn || null),
    },
    { label: 'Adopted by', theirs: text(current.adoptedBy), yours: text(sent.adoptedBy) },
    { label: 'Vision', theirs: text(current.vision), yours: text(sent.vision) },
  ])
}

/** A 409's stored priority against what was sent. */
export function priorityChanges(
  current: Pick<Priority, 'title' | 'description' | 'objectives' | 'focus' | 'keyRecommendations'>,
  sent: Record<string, string>,
) {
  return changedFields([
    { label: 'Title', theirs: text(current.title), yours: text(sent.title) },
    { label: 'Description', theirs: text(current.description), yours: text(sent.description) },
    { label: 'Objectives', theirs: lines(current.objectives), yours: text(sent.objectives) },
    { label: 'Focus', theirs: lines(current.focus), yours: text(sent.focus) },
    {
      label: 'Key recommendations',
      theirs: lines(current.keyRecommendations),
      yours: text(sent.keyRecommendations),
    },
  ])
}
