// Benchmark: importing a generated action plan of 2,000 deliverables (from .xlsx and .csv),
// against two baselines in the same run: reading and parsing alone, and a bare row-by-row
// insert of the same deliverables into SQLite with prepared statements. See docs/benchmarks.md.
//
//   npx tsx bench/plan-import.ts [--deliverables N] [--repeats R]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SqliteDatabase from 'better-sqlite3'
import { loadConfig } from '../src/config.ts'
import { createDeps } from '../src/deps.ts'
import { exportPlanCsv, exportPlanXlsx } from '../src/modules/plans/export/index.ts'
import { parsePlanTable } from '../src/modules/plans/import/parse.ts'
import { readTable } from '../src/modules/plans/import/table.ts'
import type { PlanTree } from '../src/modules/plans/plan-tree.ts'
import { generatePlan } from './support/plan-generator.ts'
import { bytes, load, machine, ms, table } from './support/report.ts'

const { values } = parseArgs({ options: { deliverables: { type: 'string' }, repeats: { type: 'string' } } })
const DELIVERABLES = Number(values.deliverables ?? 2000)
const REPEATS = Number(values.repeats ?? 3)
const actor = { userId: null, label: 'benchmark', ip: null }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

async function fullImport(fileName: string, content: Buffer): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'safer-bench-'))
  const deps = await createDeps(loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, LOG_LEVEL: 'silent' }))
  try {
    return await time(async () => {
      const outcome = await deps.services.planImport.importPlan(actor, { fileName, content })
      if (!outcome.planId) throw new Error(`import failed: ${JSON.stringify(outcome.summary.errors)}`)
    })
  } finally {
    await deps.database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The floor: the same deliverables and leads written straight into SQLite, one prepared statement each. */
function bareInsert(tree: PlanTree): number {
  const dir = mkdtempSync(join(tmpdir(), 'safer-bench-'))
  const db = new SqliteDatabase(join(dir, 'bare.db'))
  db.pragma('journal_mode = WAL')
  db.exec(`create table deliverables (id integer primary key, action text, outcome text, start_on text, end_on text, supporting text, progress text, comment text, docs text, rag text);
           create table leads (deliverable_id integer, position integer, name text)`)
  const insertDeliverable = db.prepare('insert into deliverables (action, outcome, start_on, end_on, supporting, progress, comment, docs, rag) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insertLead = db.prepare('insert into leads values (?, ?, ?)')
  const start = performance.now()
  db.transaction(() => {
    for (const t of tree.themes)
      for (const a of t.actions)
        for (const d of a.deliverables) {
          const id = insertDeliverable.run(a.number, d.outcome, d.start, d.end, d.supportingOrganisations, d.progress, d.comment, d.documentReferences, d.rag).lastInsertRowid
          d.leads.forEach((lead, i) => {
            insertLead.run(id, i, lead)
          })
        }
  })()
  const elapsed = performance.now() - start
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return elapsed
}

const tree = generatePlan(DELIVERABLES)
const files = { xlsx: await exportPlanXlsx(tree), csv: Buffer.from(exportPlanCsv(tree), 'utf8') }
const m = machine()
console.log(`Plan import: ${DELIVERABLES} deliverables, median of ${REPEATS} runs. Node ${m.node}, ${m.cpu} × ${m.cores}. ${load()}`)

const rows: string[][] = []
const baseline = median(Array.from({ length: REPEATS }, () => bareInsert(tree)))
for (const [format, content] of Object.entries(files)) {
  const fileName = `generated.${format}`
  const parse: number[] = []
  const full: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    parse.push(await time(async () => parsePlanTable(await readTable(content, fileName))))
    full.push(await fullImport(fileName, content))
  }
  const p = median(parse)
  const f = median(full)
  rows.push([format, bytes(content.length), ms(p), ms(f), `${Math.round(DELIVERABLES / (f / 1000)).toLocaleString('en-GB')}/s`, `${(f / baseline).toFixed(1)}×`, `${(f / p).toFixed(1)}×`])
}
console.log(table(['file', 'size', 'read + parse', 'full import', 'deliverables/s', 'vs bare insert', 'vs parse'], rows))
console.log(`Bare SQLite insert of the same deliverables and leads (baseline): ${ms(baseline)}`)
console.log(`Peak resident memory: ${bytes(process.resourceUsage().maxRSS * 1024)}. ${load()}`)
