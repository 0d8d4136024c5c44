import type { Executor } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'

// SQL for the record of reminder runs.

/** Starts a run; for a scheduled one, undefined when that window was already claimed. */
export async function startRun(
  db: Executor,
  values: { scheduledFor: string | null; startedAt: string; startedBy: string },
) {
  try {
    const row = await db
      .insertInto('reminder_runs')
      .values({
        scheduled_for: values.scheduledFor,
        started_at: values.startedAt,
        started_by: values.startedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  } catch (error) {
    if (isUniqueViolation(error, 'reminder_runs', 'scheduled_for')) return undefined
    throw error
  }
}

export async function finishRun(
  db: Executor,
  id: number,
  values: { finishedAt: string; sent: number; failed: number; skipped: number },
) {
  await db
    .updateTable('reminder_runs')
    .set({
      finished_at: values.finishedAt,
      sent: values.sent,
      failed: values.failed,
      skipped: values.skipped,
    })
    .where('id', '=', id)
    .execute()
}

/** The latest window a scheduled run claimed. */
export async function lastScheduledWindow(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('reminder_runs')
    .select('scheduled_for')
    .where('scheduled_for', 'is not', null)
    .orderBy('scheduled_for', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.scheduled_for ?? null
}

export async function recentRuns(db: Executor, limit: number) {
  return db.selectFrom('reminder_runs').selectAll().orderBy('id', 'desc').limit(limit).execute()
}
