import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Strategies, their priorities, and action plans: themes → actions → deliverables, with
// progress updates. Lists inside a priority (objectives, focus, key recommendations) and a
// theme's notes are JSON arrays in text: they are read and written whole, never queried.
export function plans(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('strategies'), dialect)
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('period', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('adopted_on', 'text')
          .addColumn('adopted_by', 'text')
          .addColumn('vision', 'text'),
      ).execute()

      await withTimestamps(
        withId(db.schema.createTable('priorities'), dialect)
          .addColumn('strategy_id', 'integer', (c) =>
            c.notNull().references('strategies.id').onDelete('cascade'),
          )
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('description', 'text')
          .addColumn('objectives', 'text', (c) => c.notNull())
          .addColumn('focus', 'text', (c) => c.notNull())
          .addColumn('key_recommendations', 'text', (c) => c.notNull()),
      ).execute()

      await withTimestamps(
        withId(db.schema.createTable('plans'), dialect)
          .addColumn('strategy_id', 'integer', (c) => c.references('strategies.id').onDelete('set null'))
          .addColumn('title', 'text', (c) => c.notNull().unique())
          .addColumn('period', 'text')
          .addColumn('owning_board', 'text')
          .addColumn('source_file', 'text')
          .addColumn('source_sha256', 'text'),
      ).execute()

      // Aims and the senior leadership structure belong to a strategy or, when a plan stands alone, to the plan.
      await withId(db.schema.createTable('strategic_aims'), dialect)
        .addColumn('strategy_id', 'integer', (c) => c.references('strategies.id').onDelete('cascade'))
        .addColumn('plan_id', 'integer', (c) => c.references('plans.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('leadership_members'), dialect)
        .addColumn('strategy_id', 'integer', (c) => c.references('strategies.id').onDelete('cascade'))
        .addColumn('plan_id', 'integer', (c) => c.references('plans.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        .addColumn('name_as_written', 'text', (c) => c.notNull())
        .addColumn('initials', 'text')
        .addColumn('organisation', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('plan_themes'), dialect)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('subtitle', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('plan_actions'), dialect)
        .addColumn('theme_id', 'integer', (c) => c.notNull().references('plan_themes.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('locally_added', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('deliverables'), dialect)
          .addColumn('action_id', 'integer', (c) =>
            c.notNull().references('plan_actions.id').onDelete('cascade'),
          )
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('start_on', 'text')
          .addColumn('end_on', 'text')
          .addColumn('supporting_organisations', 'text', (c) => c.notNull())
          .addColumn('progress', 'text', (c) => c.notNull())
          .addColumn('comment', 'text', (c) => c.notNull())
          .addColumn('document_references', 'text', (c) => c.notNull())
          .addColumn('rag', 'text', (c) => c.notNull())
          .addColumn('source_row', 'integer'),
      ).execute()
      await db.schema.createIndex('deliverables_action').on('deliverables').column('action_id').execute()

      await db.schema
        .createTable('deliverable_leads')
        .addColumn('deliverable_id', 'integer', (c) =>
          c.notNull().references('deliverables.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        .addColumn('name_as_written', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deliverable_leads_pk', ['deliverable_id', 'position'])
        .execute()
      await db.schema
        .createIndex('deliverable_leads_person')
        .on('deliverable_leads')
        .column('person_id')
        .execute()

      await db.schema
        .createTable('deliverable_lead_organisations')
        .addColumn('deliverable_id', 'integer', (c) =>
          c.notNull().references('deliverables.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deliverable_lead_organisations_pk', ['deliverable_id', 'position'])
        .execute()

      await withId(db.schema.createTable('deliverable_updates'), dialect)
        .addColumn('deliverable_id', 'integer', (c) =>
          c.notNull().references('deliverables.id').onDelete('cascade'),
        )
        .addColumn('update_on', 'text', (c) => c.notNull())
        .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('rag', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('deliverable_updates_deliverable')
        .on('deliverable_updates')
        .column('deliverable_id')
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'deliverable_updates',
        'deliverable_lead_organisations',
        'deliverable_leads',
        'deliverables',
        'plan_actions',
        'plan_themes',
        'leadership_members',
        'strategic_aims',
        'plans',
        'priorities',
        'strategies',
      ]) {
        await db.schema.dropTable(table).execute()
      }
    },
  }
}
