import type { Executor } from '../../../db/database.ts'

// Papers on agenda items, resolutions' links to the plan, and actions arising tied to deliverables.

export interface PaperValues {
  agenda_item_id: number
  kind: 'file' | 'link'
  title: string
  file_type: string | null
  size_bytes: number | null
  link_kind: string | null
  link_target_id: number | null
}

/** A meeting's papers, without their bytes. */
export async function listPapersOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom('agenda_papers as p')
    .innerJoin('agenda_items as i', 'i.id', 'p.agenda_item_id')
    .selectAll('p')
    .select(['i.meeting_id', 'i.exempt'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('p.agenda_item_id')
    .orderBy('p.id')
    .execute()
}

export async function findPaper(db: Executor, id: number) {
  return db
    .selectFrom('agenda_papers as p')
    .innerJoin('agenda_items as i', 'i.id', 'p.agenda_item_id')
    .selectAll('p')
    .select(['i.meeting_id', 'i.exempt'])
    .where('p.id', '=', id)
    .executeTakeFirst()
}

export async function paperContent(db: Executor, id: number): Promise<Buffer | null> {
  const row = await db
    .selectFrom('agenda_paper_files')
    .select('content')
    .where('paper_id', '=', id)
    .executeTakeFirst()
  return row ? Buffer.from(row.content) : null
}

export async function insertPaper(db: Executor, values: PaperValues, content: Buffer | null, now: string) {
  const row = await db
    .insertInto('agenda_papers')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (content) await db.insertInto('agenda_paper_files').values({ paper_id: row.id, content }).execute()
  return row.id
}

export async function deletePaper(db: Executor, id: number) {
  await db.deleteFrom('agenda_paper_files').where('paper_id', '=', id).execute()
  await db.deleteFrom('agenda_papers').where('id', '=', id).execute()
}

export async function findResolution(db: Executor, id: number) {
  return db
    .selectFrom('resolutions as r')
    .innerJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
    .select(['r.id', 'r.number', 'r.text', 'r.agenda_item_id', 'i.meeting_id', 'i.number as item_number'])
    .where('r.id', '=', id)
    .executeTakeFirst()
}

export async function listResolutionLinksOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom('resolution_plan_links as l')
    .innerJoin('resolutions as r', 'r.id', 'l.resolution_id')
    .innerJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
    .selectAll('l')
    .select(['r.number as resolution_number', 'r.agenda_item_id'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('l.id')
    .execute()
}

export async function hasResolutionLink(db: Executor, resolutionId: number, kind: string, targetId: number) {
  const row = await db
    .selectFrom('resolution_plan_links')
    .select('id')
    .where('resolution_id', '=', resolutionId)
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertResolutionLink(
  db: Executor,
  values: { resolution_id: number; target_kind: string; target_id: number; created: number },
  now: string,
) {
  const row = await db
    .insertInto('resolution_plan_links')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deliverableOfAction(db: Executor, actionId: number) {
  const row = await db
    .selectFrom('action_arising_deliverables')
    .select('deliverable_id')
    .where('action_arising_id', '=', actionId)
    .executeTakeFirst()
  return row?.deliverable_id ?? null
}

export async function deliverablesOfActions(db: Executor, actionIds: readonly number[]) {
  if (actionIds.length === 0) return new Map<number, number>()
  const rows = await db
    .selectFrom('action_arising_deliverables')
    .selectAll()
    .where('action_arising_id', 'in', actionIds)
    .execute()
  return new Map(rows.map((r) => [r.action_arising_id, r.deliverable_id]))
}

export async function setDeliverableOfAction(db: Executor, actionId: number, deliverableId: number | null) {
  await db.deleteFrom('action_arising_deliverables').where('action_arising_id', '=', actionId).execute()
  if (deliverableId !== null)
    await db
      .insertInto('action_arising_deliverables')
      .values({ action_arising_id: actionId, deliverable_id: deliverableId })
      .execute()
}
