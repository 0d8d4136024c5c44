import type { Executor } from '../../db/database.ts'
import { latestUpdateOn, liveOnly } from './plans.repository.ts'

// SQL for single deliverables: their context, edits, and progress updates.

const placeColumns = [
  'plan_actions.number as action_number',
  'plan_actions.text as action_text',
  'plan_actions.locally_added',
  'plan_themes.title as theme_title',
  'plans.id as plan_id',
  'plans.title as plan_title',
] as const

export async function findDeliverable(db: Executor, id: number) {
  return db
    .selectFrom('deliverables')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .innerJoin('plans', 'plans.id', 'plan_themes.plan_id')
    .selectAll('deliverables')
    .select(placeColumns)
    .select((eb) => latestUpdateOn(eb).as('latest_update_on'))
    .where('deliverables.id', '=', id)
    .executeTakeFirst()
}

export async function leadsOfDeliverable(db: Executor, id: number) {
  return db
    .selectFrom('deliverable_leads')
    .select(['person_id', 'name_as_written'])
    .where('deliverable_id', '=', id)
    .orderBy('position')
    .execute()
}

export async function leadOrganisationsOfDeliverable(db: Executor, id: number) {
  return db
    .selectFrom('deliverable_lead_organisations')
    .select(['name'])
    .where('deliverable_id', '=', id)
    .orderBy('position')
    .execute()
}

export async function updatesOf(db: Executor, id: number) {
  return db
    .selectFrom('deliverable_updates')
    .selectAll()
    .where('deliverable_id', '=', id)
    .orderBy('update_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function insertUpdate(
  db: Executor,
  values: {
    deliverable_id: number
    update_on: string
    author_user_id: number | null
    author_name: string
    text: string
    rag: string
    created_at: string
  },
) {
  return (await db.insertInto('deliverable_updates').values(values).returning('id').executeTakeFirstOrThrow())
    .id
}

export interface DeliverableChanges {
  action_id?: number
  position?: number
  outcome?: string
  start_on?: string | null
  end_on?: string | null
  supporting_organisations?: string
  progress?: string
  comment?: string
  document_references?: string
  rag?: string
}

/** Changes a deliverable only if it is still at the version the editor read. */
export async function updateDeliverable(
  db: Executor,
  id: number,
  version: number,
  changes: DeliverableChanges,
  now: string,
) {
  const result = await db
    .updateTable('deliverables')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The live deliverables a person leads (archived ones are no longer anybody's work). */
export async function deliverablesLedBy(db: Executor, personId: number) {
  const q = db
    .selectFrom('deliverable_leads')
    .innerJoin('deliverables', 'deliverables.id', 'deliverable_leads.deliverable_id')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .innerJoin('plans', 'plans.id', 'plan_themes.plan_id')
    .selectAll('deliverables')
    .select(placeColumns)
    .select((eb) => latestUpdateOn(eb).as('latest_update_on'))
    .where('deliverable_leads.person_id', '=', personId)
    .orderBy('plans.title')
    .orderBy('plan_themes.position')
    .orderBy('plan_actions.position')
    .orderBy('deliverables.position')
  return liveOnly(q, ['deliverables', 'plan_actions', 'plan_themes']).execute()
}
