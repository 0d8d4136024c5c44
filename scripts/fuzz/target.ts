// The importers under fuzzing, on a fresh SQLite database and DuckDB store: feed one input, and
// check that it was either taken or refused in the project's own words naming the file, that a
// refusal changed nothing, and how long and how much memory it took.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { loadConfig } from '../../src/config.ts'
import { createDeps, type Deps } from '../../src/deps.ts'
import type { Actor } from '../../src/modules/audit/service.ts'
import { PlanExistsError } from '../../src/modules/plans/import.service.ts'

const ACTOR: Actor = { userId: null, label: 'fuzz', ip: null }

export type Verdict = 'accepted' | 'refused'

export interface FeedResult {
  importer: 'plan' | 'crime'
  file: string
  bytes: number
  verdict: Verdict
  message: string
  ms: number
  rssMb: number
}

/** A broken promise of the importers: the fuzzer stops and prints the input that broke it. */
export class FuzzFailure extends Error {}

export interface FuzzTarget {
  feedPlan(file: string, content: Buffer): Promise<FeedResult>
  feedCrime(file: string, content: Buffer): Promise<FeedResult>
  close(): Promise<void>
}

/** Cells as a workbook: the partnership's own layout, typed into a sheet. */
export async function workbookOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1')
  // A sheet has at most 16,384 columns and 1,048,576 rows: a damaged file past those is cut to fit.
  rows.slice(0, 1_048_576).forEach((cells, r) => {
    cells.slice(0, 16_384).forEach((text, c) => {
      if (text !== '') sheet.getCell(r + 1, c + 1).value = text
    })
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export async function createFuzzTarget(limits: {
  maxMs: number
  maxRssGrowthMb: number
}): Promise<FuzzTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'safer-fuzz-'))
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SESSION_SECRET: 'fuzz-'.padEnd(40, 'x'),
  })
  const deps: Deps = await createDeps(config)
  const baseRss = process.memoryUsage().rss
  let seq = 0

  async function state(): Promise<string> {
    const tables = await sql<{
      name: string
    }>`select name from sqlite_master where type = 'table' order by name`.execute(deps.database.db)
    const counts: string[] = []
    for (const { name } of tables.rows) {
      const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(
        deps.database.db,
      )
      counts.push(`${name}=${row.rows[0]?.n}`)
    }
    // The crime store through the crime service's own summary: rows and months per source and area.
    counts.push(`duckdb=${JSON.stringify(await deps.services.crime.coverage())}`)
    return counts.join(' ')
  }

  async function measure(
    importer: FeedResult['importer'],
    file: string,
    content: Buffer,
    run: () => Promise<{ verdict: Verdict; message: string }>,
  ): Promise<FeedResult> {
    const before = await state()
    const started = performance.now()
    let outcome: { verdict: Verdict; message: string }
    try {
      outcome = await run()
    } catch (error) {
      throw new FuzzFailure(`${importer} importer crashed on ${file}: ${(error as Error).stack}`)
    }
    const ms = performance.now() - started
    const rssMb = process.memoryUsage().rss / 1024 / 1024
    if (outcome.verdict === 'refused') {
      if (!outcome.message.includes(file))
        throw new FuzzFailure(`${importer} refused ${file} without naming it: ${outcome.message}`)
      const after = await state()
      if (after !== before)
        throw new FuzzFailure(
          `${importer} refused ${file} but the stores changed:\n before ${before}\n after  ${after}`,
        )
    }
    if (ms > limits.maxMs)
      throw new FuzzFailure(`${importer} took ${Math.round(ms)} ms on ${file} (${content.length} bytes)`)
    if (rssMb - baseRss / 1024 / 1024 > limits.maxRssGrowthMb)
      throw new FuzzFailure(`${importer} grew memory to ${Math.round(rssMb)} MB on ${file}`)
    return { importer, file, bytes: content.length, ...outcome, ms, rssMb }
  }

  return {
    feedPlan: (file, content) =>
      measure('plan', file, content, async () => {
        try {
          const { summary, planId } = await deps.services.planImport.importPlan(ACTOR, {
            fileName: file,
            content,
            title: 'Fuzzed plan',
            replace: true,
          })
          if (planId !== null) return { verdict: 'accepted', message: '' }
          return { verdict: 'refused', message: summary.errors.map((e) => e.message).join('; ') }
        } catch (error) {
          if (error instanceof PlanExistsError)
            return { verdict: 'refused', message: `${file}: ${error.message}` }
          throw error
        }
      }),
    feedCrime: (file, content) => {
      const folder = join(dir, `in-${++seq}`)
      const path = join(folder, file)
      return measure('crime', file, content, async () => {
        rmSync(folder, { recursive: true, force: true })
        await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }))
        writeFileSync(path, content)
        try {
          const report = await deps.services.crime.ingest(ACTOR, [path])
          const failed = report.failed[0]
          if (failed) return { verdict: 'refused', message: failed.error }
          return { verdict: 'accepted', message: '' }
        } finally {
          rmSync(folder, { recursive: true, force: true })
        }
      })
    },
    async close() {
      deps.services.crime.close()
      await deps.database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
