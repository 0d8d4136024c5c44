import type { AnalyticsStore, StoreConnection } from './store.ts'

// The store's load version: one number, raised in the same transaction as every write (an ingest,
// an areas import, placing stop-and-search points, emptying the store). Cached results are keyed
// by it, and it is read from the store itself, so a write by any process is seen.

export const LOAD_VERSION_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS load_version (version BIGINT NOT NULL)`,
  `INSERT INTO load_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM load_version)`,
]

export async function readLoadVersion(store: Pick<AnalyticsStore, 'all'>): Promise<number> {
  const [row] = await store.all<{ version: number }>('SELECT max(version) AS version FROM load_version')
  return row?.version ?? 0
}

async function raise(tx: StoreConnection) {
  await tx.run('UPDATE load_version SET version = version + 1')
}

/** The store with every transaction raising the load version before it commits. */
export function versionedStore(store: AnalyticsStore): AnalyticsStore {
  return {
    path: store.path,
    all: (sql, params) => store.all(sql, params),
    run: (sql, params) =>
      store.transaction(async (tx) => {
        await tx.run(sql, params)
        await raise(tx)
      }),
    transaction: (fn) =>
      store.transaction(async (tx) => {
        const result = await fn(tx)
        await raise(tx)
        return result
      }),
    close: () => store.close(),
  }
}
