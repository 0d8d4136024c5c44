import type { Executor } from '../../../db/database.ts'

// A panel's part-2 settings: one row per panel, made the first time one is set.

export const findSettings = (db: Executor, panelId: number) =>
  db.selectFrom('case_youth_asb_settings').selectAll().where('panel_id', '=', panelId).executeTakeFirst()

export type SettingsValues = Partial<{
  transition_lead_months: number | null
  asb_threshold: string | null
  asb_clock_days: string | null
}>

export async function saveSettings(db: Executor, panelId: number, values: SettingsValues, now: string) {
  const found = await findSettings(db, panelId)
  if (found)
    await db
      .updateTable('case_youth_asb_settings')
      .set({ ...values, updated_at: now, version: found.version + 1 })
      .where('id', '=', found.id)
      .execute()
  else
    await db
      .insertInto('case_youth_asb_settings')
      .values({ panel_id: panelId, ...values, created_at: now, updated_at: now, version: 1 })
      .execute()
}
