import type { AnyDb } from './helpers.ts'

/**
 * A typed-in indicator's comparator series gets its own name ("London average", "Similar
 * boroughs"), chosen when the indicator is defined. Until now every such series was called
 * "Comparator", so an indicator without a name keeps that one.
 */
export function indicatorComparatorSeries() {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema.alterTable('indicators').addColumn('comparator_series', 'text').execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.alterTable('indicators').dropColumn('comparator_series').execute()
    },
  }
}
