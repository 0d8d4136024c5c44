import type { DuckDBValue } from '@duckdb/node-api'
import { readLoadVersion } from './load-version.repository.ts'
import type { AnalyticsStore } from './store.ts'

// Crime pages ask the same aggregates again and again over data that changes only when a file is
// loaded. Each read's rows are kept, keyed by the SQL, its parameters and the store's load version,
// so the first read after any write misses and asks DuckDB again.

export interface ResultCacheOptions {
  /** Most results kept; the least recently used goes first. */
  limit?: number
}

const keyOf = (version: number, sql: string, params?: DuckDBValue[]) =>
  `${version}\u0000${sql}\u0000${JSON.stringify(params ?? [], (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`

/** Reads through a bounded cache; writes go straight to the store (and raise its load version). */
export function cachedReads(store: AnalyticsStore, options: ResultCacheOptions = {}): AnalyticsStore {
  const limit = options.limit ?? 500
  let version = -1
  // Promises, so that two requests asking the same thing at once share one query.
  const results = new Map<string, Promise<unknown[]>>()
  // Reads asked for while one is in flight share it: under twenty page requests at once, each
  // running a dozen cached queries, one version read at a time instead of hundreds queued on DuckDB.
  let reading: Promise<number> | null = null
  const loadVersion = () => {
    reading ??= readLoadVersion(store).finally(() => {
      reading = null
    })
    return reading
  }

  async function all<T>(sql: string, params?: DuckDBValue[]): Promise<T[]> {
    const now = await loadVersion()
    if (now !== version) {
      results.clear()
      version = now
    }
    const key = keyOf(now, sql, params)
    let found = results.get(key)
    if (found) {
      results.delete(key)
      results.set(key, found)
    } else {
      found = store.all<T>(sql, params)
      results.set(key, found)
      found.catch(() => results.delete(key))
      if (results.size > limit) results.delete(results.keys().next().value as string)
    }
    // Callers may sort or change what they get: each has its own copy.
    return structuredClone((await found) as T[])
  }

  return {
    path: store.path,
    all,
    run: (sql, params) => store.run(sql, params),
    transaction: (fn) => store.transaction(fn),
    close: () => store.close(),
  }
}
