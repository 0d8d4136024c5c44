import { endDay, isCalendarDate, type PlanDate, startDay } from './plan-dates.ts'
import type { Rag } from './rag.ts'

// Computed every time from the dates, the RAG and the last update: never stored, so they are
// never out of date.

export interface DeliverableFlags {
  /** The end has passed and the deliverable is not complete. */
  overdue: boolean
  /** No progress update (or, before the first, no change since it was added) for the stale period. */
  stale: boolean
  /** The end date is before the start date. */
  endBeforeStart: boolean
  /**
   * No progress update at all and not complete. Its own flag, because "No update" counts from when
   * the deliverable was added, so a plan imported last month looks up to date though nobody has
   * reported on it.
   */
  neverUpdated: boolean
}

export const FLAG_LABELS: Record<keyof DeliverableFlags, string> = {
  overdue: 'Overdue',
  stale: 'No update',
  endBeforeStart: 'End before start',
  neverUpdated: 'Never updated',
}

export interface FlagInput {
  start: PlanDate | null
  end: PlanDate | null
  rag: Rag
  /** YYYY-MM-DD of the latest progress update, if any. */
  latestUpdateOn: string | null
  /** ISO timestamp the deliverable was added. */
  createdAt: string
}

const DAY_MS = 86_400_000

/** today is YYYY-MM-DD in Europe/London. */
export function flagsFor(d: FlagInput, today: string, staleDays: number): DeliverableFlags {
  const complete = d.rag === 'blue'
  const lastActivity = d.latestUpdateOn ?? d.createdAt.slice(0, 10)
  return {
    overdue: !complete && isCalendarDate(d.end) && endDay(d.end) < today,
    stale: !complete && Date.parse(today) - Date.parse(lastActivity) > staleDays * DAY_MS,
    endBeforeStart: isCalendarDate(d.start) && isCalendarDate(d.end) && endDay(d.end) < startDay(d.start),
    neverUpdated: !complete && d.latestUpdateOn === null,
  }
}

/** A deliverable's status as a service hands it to pages and e-mails: which one it is, and its words. */
export interface DeliverableStatus {
  kind: Rag | keyof DeliverableFlags
  text: string
}

const FLAG_ORDER = Object.keys(FLAG_LABELS) as Array<keyof DeliverableFlags>

/** The flags that are set, in a fixed order, with their words. */
export const flagStatuses = (flags: DeliverableFlags): DeliverableStatus[] =>
  FLAG_ORDER.filter((flag) => flags[flag]).map((flag) => ({ kind: flag, text: FLAG_LABELS[flag] }))
