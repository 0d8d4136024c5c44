import type { Executor } from '../../../db/database.ts'
import '../iom/tables.ts'

// The cohort report's reads of the IOM cohort: who was accepted when, and when they left. The
// outcome events come through the outcomes service, which opens their sealed columns.

export const membershipsOfPanel = (db: Executor, panelId: number) =>
  db
    .selectFrom('iom_cohort_memberships')
    .select(['subject_id', 'cohort', 'selected_on', 'deselected_on'])
    .where('panel_id', '=', panelId)
    .orderBy('subject_id')
    .orderBy('selected_on')
    .execute()

/** What changes a panel's reports: its memberships and outcome events, as a few numbers. */
export async function changeMarks(db: Executor, panelId: number) {
  const events = await db
    .selectFrom('case_outcome_events')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('id').as('last')])
    .where('panel_id', '=', panelId)
    .executeTakeFirstOrThrow()
  const cohort = await db
    .selectFrom('iom_cohort_memberships')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('updated_at').as('last')])
    .where('panel_id', '=', panelId)
    .executeTakeFirstOrThrow()
  return {
    events: `${Number(events.n)}.${events.last ?? 0}`,
    memberships: `${Number(cohort.n)}.${cohort.last ?? ''}`,
  }
}
