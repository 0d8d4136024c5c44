import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId } from './helpers.ts'

// Governance papers: files and links on agenda items, resolutions tied to the plan actions and
// deliverables they change or create, and actions arising tied to a plan deliverable. Plan records
// are named by id without a foreign key: the plans module owns them and is asked through its service.
export function governancePapers(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('agenda_papers'), dialect)
        .addColumn('agenda_item_id', 'integer', (c) =>
          c.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        /** file or link. */
        .addColumn('kind', 'text', (c) => c.notNull())
        /** A file's name as uploaded, or a link target's title when it was added. */
        .addColumn('title', 'text', (c) => c.notNull())
        /** pdf, docx or xlsx, for a file. */
        .addColumn('file_type', 'text')
        .addColumn('size_bytes', 'integer')
        /** plan, plan-summary, indicator-set or exception-report, for a link. */
        .addColumn('link_kind', 'text')
        .addColumn('link_target_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('agenda_papers_item').on('agenda_papers').column('agenda_item_id').execute()

      // The bytes apart from the list, so listing a meeting's papers never reads them (ADR 0029).
      await db.schema
        .createTable('agenda_paper_files')
        .addColumn('paper_id', 'integer', (c) =>
          c.primaryKey().references('agenda_papers.id').onDelete('cascade'),
        )
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('resolution_plan_links'), dialect)
        .addColumn('resolution_id', 'integer', (c) =>
          c.notNull().references('resolutions.id').onDelete('cascade'),
        )
        /** action or deliverable: the plans module's record the resolution changes or created. */
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('target_id', 'integer', (c) => c.notNull())
        /** 1 when the resolution created the deliverable; 0 when it changes an existing one. */
        .addColumn('created', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('resolution_plan_links_target', ['resolution_id', 'target_kind', 'target_id'])
        .execute()

      await db.schema
        .createTable('action_arising_deliverables')
        .addColumn('action_arising_id', 'integer', (c) =>
          c.primaryKey().references('actions_arising.id').onDelete('cascade'),
        )
        .addColumn('deliverable_id', 'integer', (c) => c.notNull())
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'action_arising_deliverables',
        'resolution_plan_links',
        'agenda_paper_files',
        'agenda_papers',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
