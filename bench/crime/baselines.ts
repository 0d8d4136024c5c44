import { createReadStream, rmSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { DuckDBInstance } from '@duckdb/node-api'
import SqliteDatabase from 'better-sqlite3'
import { splitCsvLine } from '../../src/modules/crime/ingest/detect.ts'
import { POLICE_UK_FORMATS } from '../../src/modules/crime/ingest/formats.ts'

// The two baselines the crime ingest is measured against, over the same files.

const STREET = POLICE_UK_FORMATS.find((f) => f.kind === 'street')?.columns ?? []
const columns = `{${STREET.map((c) => `'${c.name}': '${c.type}'`).join(', ')}}`

/** The limit: DuckDB's own CSV reader into a table in a DuckDB file, columns given, nothing checked. */
export async function bareDuckDbLoad(files: string[], path: string): Promise<number> {
  rmSync(path, { force: true })
  const instance = await DuckDBInstance.create(path, { threads: '2', memory_limit: '1GB' })
  const c = await instance.connect()
  const list = files.map((f) => `'${f}'`).join(', ')
  await c.run(
    `CREATE TABLE street AS SELECT * FROM read_csv([${list}], header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns}, dateformat = '%Y-%m')`,
  )
  const reader = await c.runAndReadAll('SELECT count(*) AS n FROM street')
  const n = Number(reader.getRowObjectsJS()[0]?.n ?? 0)
  c.closeSync()
  instance.closeSync()
  return n
}

/**
 * The same load split as Safer splits it, one INSERT and one transaction per file, with no checks:
 * separates what one-transaction-per-file costs from what Safer's checks cost.
 */
export async function perFileDuckDbLoad(files: string[], path: string): Promise<number> {
  rmSync(path, { force: true })
  const instance = await DuckDBInstance.create(path, { threads: '2', memory_limit: '1GB' })
  const c = await instance.connect()
  await c.run(`CREATE TABLE street (${STREET.map((col) => `${col.name} ${col.type}`).join(', ')})`)
  for (const file of files) {
    await c.run('BEGIN TRANSACTION')
    await c.run(
      `INSERT INTO street SELECT * FROM read_csv('${file}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns}, dateformat = '%Y-%m')`,
    )
    await c.run('COMMIT')
  }
  const reader = await c.runAndReadAll('SELECT count(*) AS n FROM street')
  const n = Number(reader.getRowObjectsJS()[0]?.n ?? 0)
  c.closeSync()
  instance.closeSync()
  return n
}

/** What an application without a columnar store would do: parse each line and insert it, one file per transaction. */
export async function rowByRowSqlite(files: string[], path: string): Promise<number> {
  rmSync(path, { force: true })
  const db = new SqliteDatabase(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(
    `CREATE TABLE street (${STREET.map((c) => `${c.name} ${c.type === 'DOUBLE' ? 'REAL' : 'TEXT'}`).join(', ')})`,
  )
  const insert = db.prepare(`INSERT INTO street VALUES (${STREET.map(() => '?').join(', ')})`)
  let n = 0
  for (const file of files) {
    const rows: string[][] = []
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
    let header = true
    for await (const line of lines) {
      if (header) {
        header = false
        continue
      }
      // The plain split where no field is quoted (most lines), the careful one where one is.
      if (line) rows.push(line.includes('"') ? splitCsvLine(line) : line.split(','))
    }
    db.transaction(() => {
      for (const r of rows) {
        insert.run(r.map((v, i) => (v === '' ? null : STREET[i]?.type === 'DOUBLE' ? Number(v) : v)))
        n++
      }
    })()
  }
  db.close()
  return n
}
