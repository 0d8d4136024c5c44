import type { Executor } from '../../db/database.ts'

// SQL for a plan's shape: its themes, actions and deliverables being added, renamed, renumbered,
// moved, archived and restored. Reads of the live plan are in plans.repository.ts.

export type ArchivableTable = 'plan_themes' | 'plan_actions' | 'deliverables'

export async function findTheme(db: Executor, id: number) {
  return db.selectFrom('plan_themes').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findAction(db: Executor, id: number) {
  return db
    .selectFrom('plan_actions')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .selectAll('plan_actions')
    .select(['plan_themes.plan_id', 'plan_themes.archived_at as theme_archived_at'])
    .where('plan_actions.id', '=', id)
    .executeTakeFirst()
}

export async function findDeliverablePlan(db: Executor, id: number) {
  return db
    .selectFrom('deliverables')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .select(['plan_themes.plan_id', 'deliverables.archived_at', 'deliverables.outcome'])
    .where('deliverables.id', '=', id)
    .executeTakeFirst()
}

export async function archivedState(db: Executor, table: ArchivableTable, id: number) {
  return (
    db
      // biome-ignore lint/suspicious/noExplicitAny: the three tables share these columns
      .selectFrom(table as any)
      .select(['archived_at', 'archived_reason', 'archived_by'])
      .where('id', '=', id)
      .executeTakeFirst() as Promise<
      { archived_at: string | null; archived_reason: string | null; archived_by: string | null } | undefined
    >
  )
}

/** The next position at the end of a list, counting archived rows so a restored one keeps its place. */
export async function nextPosition(
  db: Executor,
  table: ArchivableTable,
  parent: { column: 'plan_id' | 'theme_id' | 'action_id'; id: number },
) {
  const row = await db
    // biome-ignore lint/suspicious/noExplicitAny: the parent column belongs to the table named
    .selectFrom(table as any)
    .select((eb) => eb.fn.max('position').as('last'))
    .where(parent.column, '=', parent.id)
    .executeTakeFirst()
  const last = (row as { last: number | string | null } | undefined)?.last
  return last === null || last === undefined ? 0 : Number(last) + 1
}

export async function insertTheme(
  db: Executor,
  values: { plan_id: number; position: number; title: string; subtitle: string },
) {
  const row = await db
    .insertInto('plan_themes')
    .values({ ...values, notes: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateTheme(
  db: Executor,
  id: number,
  values: { title?: string; subtitle?: string; position?: number },
) {
  await db.updateTable('plan_themes').set(values).where('id', '=', id).execute()
}

export async function insertAction(
  db: Executor,
  values: { theme_id: number; position: number; number: string | null; locally_added: number; text: string },
) {
  return (await db.insertInto('plan_actions').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateAction(
  db: Executor,
  id: number,
  values: {
    number?: string | null
    locally_added?: number
    text?: string
    theme_id?: number
    position?: number
  },
) {
  await db.updateTable('plan_actions').set(values).where('id', '=', id).execute()
}

export async function insertDeliverable(
  db: Executor,
  values: {
    action_id: number
    position: number
    outcome: string
    start_on: string | null
    end_on: string | null
    supporting_organisations: string
    progress: string
    comment: string
    document_references: string
    rag: string
  },
  now: string,
) {
  const row = await db
    .insertInto('deliverables')
    .values({ ...values, source_row: null, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function replaceLeads(
  db: Executor,
  deliverableId: number,
  leads: Array<{ personId: number; name: string }>,
) {
  await db.deleteFrom('deliverable_leads').where('deliverable_id', '=', deliverableId).execute()
  if (leads.length === 0) return
  await db
    .insertInto('deliverable_leads')
    .values(
      leads.map((l, position) => ({
        deliverable_id: deliverableId,
        position,
        person_id: l.personId,
        name_as_written: l.name,
      })),
    )
    .execute()
}

export async function replaceLeadOrganisations(db: Executor, deliverableId: number, names: string[]) {
  await db.deleteFrom('deliverable_lead_organisations').where('deliverable_id', '=', deliverableId).execute()
  if (names.length === 0) return
  await db
    .insertInto('deliverable_lead_organisations')
    .values(names.map((name, position) => ({ deliverable_id: deliverableId, position, name })))
    .execute()
}

export async function archiveRow(
  db: Executor,
  table: ArchivableTable,
  id: number,
  values: { at: string; reason: string; by: string },
) {
  await db
    .updateTable(table)
    .set({ archived_at: values.at, archived_reason: values.reason, archived_by: values.by })
    .where('id', '=', id)
    .execute()
}

export async function restoreRow(db: Executor, table: ArchivableTable, id: number) {
  await db
    .updateTable(table)
    .set({ archived_at: null, archived_reason: null, archived_by: null })
    .where('id', '=', id)
    .execute()
}

const archivedColumns = ['archived_at', 'archived_reason', 'archived_by'] as const

/** What has been removed from a plan, each row that was itself archived, newest first. */
export async function archivedOf(db: Executor, planId: number) {
  const [themes, actions, deliverables] = await Promise.all([
    db
      .selectFrom('plan_themes')
      .select(['id', 'title', ...archivedColumns])
      .where('plan_id', '=', planId)
      .where('archived_at', 'is not', null)
      .orderBy('archived_at', 'desc')
      .execute(),
    db
      .selectFrom('plan_actions')
      .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
      .select([
        'plan_actions.id',
        'plan_actions.number',
        'plan_actions.text',
        'plan_themes.title as theme_title',
        'plan_actions.archived_at',
        'plan_actions.archived_reason',
        'plan_actions.archived_by',
      ])
      .where('plan_themes.plan_id', '=', planId)
      .where('plan_actions.archived_at', 'is not', null)
      .orderBy('plan_actions.archived_at', 'desc')
      .execute(),
    db
      .selectFrom('deliverables')
      .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
      .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
      .select([
        'deliverables.id',
        'deliverables.outcome',
        'plan_actions.number as action_number',
        'plan_themes.title as theme_title',
        'deliverables.archived_at',
        'deliverables.archived_reason',
        'deliverables.archived_by',
      ])
      .where('plan_themes.plan_id', '=', planId)
      .where('deliverables.archived_at', 'is not', null)
      .orderBy('deliverables.archived_at', 'desc')
      .execute(),
  ])
  return { themes, actions, deliverables }
}
