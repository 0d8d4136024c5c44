import type { AnyDb } from './helpers.ts'

// Governance's parts joined up. A decision record can be marked exempt, with its reason, so the
// public page leaves it out as it leaves out an exempt agenda item; and a duty's evidence can name
// a decision record from the register, beside the free reference kept for decisions not in Safer.
export function governanceJoins() {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema.alterTable('decision_records').addColumn('exempt_reason', 'text').execute()
      await db.schema
        .alterTable('statutory_duty_evidence')
        .addColumn('decision_id', 'integer', (c) => c.references('decision_records.id'))
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.alterTable('statutory_duty_evidence').dropColumn('decision_id').execute()
      await db.schema.alterTable('decision_records').dropColumn('exempt_reason').execute()
    },
  }
}
