import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api'
import { ANALYTICS_SCHEMA } from './analytics-schema.repository.ts'

/**
 * The analytics store: one DuckDB file, opened on first use and kept open (DuckDB lets one
 * process at a time write a file). Reads get a connection each, so concurrent page requests do not
 * queue behind one another; a write (an ingest) holds its own connection for its transaction.
 */
export interface AnalyticsStore {
  readonly path: string
  /** Rows as plain objects; BIGINT and HUGEINT values become numbers (counts stay far below 2^53). */
  all<T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>
  run(sql: string, params?: DuckDBValue[]): Promise<void>
  /** Runs fn on one connection inside BEGIN … COMMIT; anything thrown rolls the whole unit back. */
  transaction<T>(fn: (tx: StoreConnection) => Promise<T>): Promise<T>
  close(): void
}

export interface StoreConnection {
  all<T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]>
  run(sql: string, params?: DuckDBValue[]): Promise<void>
}

export class AnalyticsStoreBusyError extends Error {}

// DuckDB on two cores: both threads, and a memory ceiling well below the machine's so a big
// aggregate spills to disk instead of pressing on the web server.
const SETTINGS = { threads: '2', memory_limit: '1GB' }

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  return value
}

function connectionApi(connection: DuckDBConnection): StoreConnection {
  return {
    async all<T>(sql: string, params?: DuckDBValue[]) {
      const reader = await connection.runAndReadAll(sql, params)
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(row)) out[k] = plain(v)
        return out as T
      })
    },
    async run(sql: string, params?: DuckDBValue[]) {
      await connection.run(sql, params)
    },
  }
}

export function openAnalyticsStore(path: string): AnalyticsStore {
  let opening: Promise<DuckDBInstance> | null = null
  let instance: DuckDBInstance | null = null

  async function open(): Promise<DuckDBInstance> {
    if (instance) return instance
    opening ??= (async () => {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
      let created: DuckDBInstance
      try {
        // fromCache: two handles on one file in one process share one DuckDB instance.
        // The native module loads when the store is first opened, not when Safer starts.
        const { DuckDBInstance: Instance } = await import('@duckdb/node-api')
        created = await Instance.fromCache(path, SETTINGS)
      } catch (error) {
        const message = (error as Error).message
        if (/lock/i.test(message)) {
          throw new AnalyticsStoreBusyError(
            `The analytics store ${path} is open in another Safer process (usually the web server). ` +
              'Stop that process, or run this command where it is not running, then try again.',
          )
        }
        throw error
      }
      const connection = await created.connect()
      try {
        for (const statement of ANALYTICS_SCHEMA) await connection.run(statement)
      } finally {
        connection.closeSync()
      }
      instance = created
      return created
    })()
    try {
      return await opening
    } catch (error) {
      opening = null
      throw error
    }
  }

  async function withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await (await open()).connect()
    try {
      return await fn(connection)
    } finally {
      connection.closeSync()
    }
  }

  return {
    path,
    all: (sql, params) => withConnection((c) => connectionApi(c).all(sql, params)),
    run: (sql, params) => withConnection((c) => connectionApi(c).run(sql, params)),
    transaction: (fn) =>
      withConnection(async (c) => {
        await c.run('BEGIN TRANSACTION')
        try {
          const result = await fn(connectionApi(c))
          await c.run('COMMIT')
          return result
        } catch (error) {
          await c.run('ROLLBACK').catch(() => {})
          throw error
        }
      }),
    close() {
      instance?.closeSync()
      instance = null
      opening = null
    },
  }
}
