import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { type DatabaseDialect, dialectOf, sqlitePathOf } from '../config.ts'
import type { Database } from './types.ts'

export type Db = Kysely<Database>
/** A repository function takes either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>

export interface DatabaseHandle {
  db: Db
  dialect: DatabaseDialect
  /** Raw better-sqlite3 handle, for online backup; undefined on PostgreSQL. */
  sqlite?: SqliteDatabase.Database
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL only: run everything in this schema (tests use one schema per file). */
  schema?: string
}

export function openDatabase(databaseUrl: string, options: OpenOptions = {}): DatabaseHandle {
  const dialect = dialectOf(databaseUrl)
  if (dialect === 'sqlite') {
    const path = sqlitePathOf(databaseUrl)
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    const sqlite = new SqliteDatabase(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    return { db, dialect, sqlite, close: () => db.destroy() }
  }
  // pg returns int8 (COUNT(*)) as text by default; counts here stay far below 2^53.
  pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  })
  // An idle pooled connection that the server ends (a restart, a failover, an idle timeout, an
  // administrator's pg_terminate_backend) is reported as an 'error' event on the pool, and an 'error'
  // event nobody listens for kills the process. The pool has already dropped that connection and
  // opens a new one for the next query, so there is nothing more to do than to hear it.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect, close: () => db.destroy() }
}

export async function checkDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
