import type { AnalyticsStore } from '../../src/modules/crime/store/store.ts'

// Every statement a store handle runs, with its time: what one request costs in round trips.

export interface Statement {
  sql: string
  /** When it was asked (performance.now()). */
  at: number
  ms: number
}

export function loggingStore(store: AnalyticsStore, log: Statement[]): AnalyticsStore {
  const timed = async <T>(sql: string, run: () => Promise<T>) => {
    const start = performance.now()
    try {
      return await run()
    } finally {
      log.push({ sql: sql.replace(/\s+/g, ' ').trim(), at: start, ms: performance.now() - start })
    }
  }
  return {
    path: store.path,
    all: (sql, params) => timed(sql, () => store.all(sql, params)),
    run: (sql, params) => timed(sql, () => store.run(sql, params)),
    transaction: (fn) => store.transaction(fn),
    close: () => store.close(),
  }
}
