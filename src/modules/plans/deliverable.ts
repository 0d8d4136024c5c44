import { type DeliverableFlags, flagsFor } from './flags.ts'
import type { PlanDate } from './plan-dates.ts'
import type { Rag } from './rag.ts'

// A deliverable as services hand it to pages, the API and the command line: camelCase, dates as
// the plan's own strings, and its flags worked out here, once, for the day asked about.

/** The columns every read of a deliverable carries, as the repositories select them. */
export interface DeliverableRow {
  id: number
  version: number
  outcome: string
  start_on: string | null
  end_on: string | null
  supporting_organisations: string
  progress: string
  comment: string
  document_references: string
  rag: string
  source_row: number | null
  created_at: string
  updated_at: string
  latest_update_on: string | null
}

export interface DeliverableRecord {
  id: number
  version: number
  outcome: string
  start: PlanDate | null
  end: PlanDate | null
  supportingOrganisations: string
  progress: string
  comment: string
  documentReferences: string
  rag: Rag
  sourceRow: number | null
  createdAt: string
  updatedAt: string
  /** YYYY-MM-DD of the latest progress update, if there is one. */
  latestUpdateOn: string | null
  flags: DeliverableFlags
}

/** Where a deliverable sits: its plan, theme and action. */
export interface DeliverablePlace {
  plan: { id: number; title: string }
  theme: string
  action: { number: string | null; locallyAdded: boolean; text: string }
}

export interface DeliverableLead {
  /** As the plan writes it: "Det Supt Helen Lyons". */
  name: string
  personId: number
}

export interface ProgressUpdate {
  id: number
  updateOn: string
  authorName: string
  text: string
  rag: Rag
  createdAt: string
}

/** One deliverable whole, for its page and the API. */
export interface Deliverable extends DeliverableRecord, DeliverablePlace {
  leads: DeliverableLead[]
  leadOrganisations: string[]
  /** Newest first. */
  updates: ProgressUpdate[]
  actionId: number
  /** Set when it has been removed from the plan (it still has a page, and can be restored). */
  archived: { at: string; reason: string; by: string } | null
}

/** A deliverable in someone's list of their own ("My actions"). */
export type LedDeliverable = DeliverableRecord & DeliverablePlace

/** A deliverable as stored when a save found it changed by someone else: what a 409 carries. */
export interface StoredDeliverable extends DeliverableRecord, DeliverablePlace {
  actionId: number
  /** From 0, within its action. */
  position: number
}

export function toDeliverable(row: DeliverableRow, today: string, staleDays: number): DeliverableRecord {
  const record = {
    id: row.id,
    version: row.version,
    outcome: row.outcome,
    start: row.start_on,
    end: row.end_on,
    supportingOrganisations: row.supporting_organisations,
    progress: row.progress,
    comment: row.comment,
    documentReferences: row.document_references,
    rag: row.rag as Rag,
    sourceRow: row.source_row,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latestUpdateOn: row.latest_update_on ?? null,
  }
  return { ...record, flags: flagsFor(record, today, staleDays) }
}

interface PlaceRow {
  plan_id: number
  plan_title: string
  theme_title: string
  action_number: string | null
  locally_added: number
  action_text: string
}

export function placeOf(row: PlaceRow): DeliverablePlace {
  return {
    plan: { id: row.plan_id, title: row.plan_title },
    theme: row.theme_title,
    action: { number: row.action_number, locallyAdded: row.locally_added === 1, text: row.action_text },
  }
}

export function toStoredDeliverable(
  row: DeliverableRow & PlaceRow & { action_id: number; position: number },
  today: string,
  staleDays: number,
): StoredDeliverable {
  return {
    ...toDeliverable(row, today, staleDays),
    ...placeOf(row),
    actionId: row.action_id,
    position: row.position,
  }
}

export function toProgressUpdate(u: {
  id: number
  update_on: string
  author_name: string
  text: string
  rag: string
  created_at: string
}): ProgressUpdate {
  return {
    id: u.id,
    updateOn: u.update_on,
    authorName: u.author_name,
    text: u.text,
    rag: u.rag as Rag,
    createdAt: u.created_at,
  }
}
