import { AREA_TABLES, FACT_TABLES } from './analytics-schema.repository.ts'
import type { AnalyticsStore } from './store.ts'

// SQL about what the analytics store holds as a whole, rather than about any one area or period.

/** True when any of the Met's recorded crime is loaded. */
export async function hasRecordedCrime(store: AnalyticsStore): Promise<boolean> {
  const [row] = await store.all<{ n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM recorded_crimes LIMIT 1)',
  )
  return (row?.n ?? 0) > 0
}

/** True when no crime records are loaded (police.uk street crime or recorded crime). */
export async function holdsNoCrimes(store: AnalyticsStore): Promise<boolean> {
  const [row] = await store.all<{ n: number }>(
    'SELECT (SELECT count(*) FROM street_crimes) + (SELECT count(*) FROM recorded_crimes) AS n',
  )
  return (row?.n ?? 0) === 0
}

/** Deletes every record and area, in one transaction. */
export async function emptyStore(store: AnalyticsStore): Promise<void> {
  await store.transaction(async (tx) => {
    for (const table of [...FACT_TABLES, ...AREA_TABLES]) await tx.run(`DELETE FROM ${table}`)
  })
}
