import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// The performance framework: indicators, their targets, values (with every correction kept) and
// comparator series. A value is one per indicator and period; a correction moves the old value
// into indicator_corrections with its reason, so nothing typed is ever lost.
export function performance(dialect: DatabaseDialect) {
  // SQLite's real is a double; PostgreSQL's real is single precision, too coarse for money.
  const number = dialect === 'postgres' ? 'double precision' : 'real'
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('indicators'), dialect)
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('definition', 'text', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('rate_per', 'integer')
          .addColumn('polarity', 'text', (c) => c.notNull())
          .addColumn('frequency', 'text', (c) => c.notNull())
          .addColumn('owner_organisation_id', 'integer', (c) => c.references('organisations.id'))
          /** JSON arrays of strategy priority ids and plan action ids. */
          .addColumn('priority_ids', 'text', (c) => c.notNull())
          .addColumn('action_ids', 'text', (c) => c.notNull())
          .addColumn('baseline', number)
          .addColumn('baseline_period', 'text')
          .addColumn('tolerance', number, (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          /** JSON: the crime query a computed indicator is counted from. */
          .addColumn('computed_spec', 'text')
          /** The crime store's load version the computed values were last refreshed from. */
          .addColumn('computed_version', 'text'),
      ).execute()

      await withId(db.schema.createTable('indicator_targets'), dialect)
        .addColumn('indicator_id', 'integer', (c) =>
          c.notNull().references('indicators.id').onDelete('cascade'),
        )
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('target', number, (c) => c.notNull())
        .addUniqueConstraint('indicator_targets_period', ['indicator_id', 'period'])
        .execute()

      await withId(db.schema.createTable('indicator_values'), dialect)
        .addColumn('indicator_id', 'integer', (c) =>
          c.notNull().references('indicators.id').onDelete('cascade'),
        )
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('value', number, (c) => c.notNull())
        .addColumn('numerator', number)
        .addColumn('denominator', number)
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('computed', 'integer', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_by_user_id', 'integer')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('indicator_values_period', ['indicator_id', 'period'])
        .execute()

      await withId(db.schema.createTable('indicator_corrections'), dialect)
        .addColumn('indicator_id', 'integer', (c) =>
          c.notNull().references('indicators.id').onDelete('cascade'),
        )
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('old_value', number, (c) => c.notNull())
        .addColumn('old_numerator', number)
        .addColumn('old_denominator', number)
        .addColumn('old_note', 'text', (c) => c.notNull())
        .addColumn('old_entered_by', 'text', (c) => c.notNull())
        .addColumn('old_entered_at', 'text', (c) => c.notNull())
        .addColumn('new_value', number, (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('corrected_by', 'text', (c) => c.notNull())
        .addColumn('corrected_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('indicator_corrections_indicator')
        .on('indicator_corrections')
        .columns(['indicator_id', 'period'])
        .execute()

      await withId(db.schema.createTable('indicator_comparators'), dialect)
        .addColumn('indicator_id', 'integer', (c) =>
          c.notNull().references('indicators.id').onDelete('cascade'),
        )
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('value', number, (c) => c.notNull())
        .addUniqueConstraint('indicator_comparators_period', ['indicator_id', 'series', 'period'])
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'indicator_comparators',
        'indicator_corrections',
        'indicator_values',
        'indicator_targets',
        'indicators',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
