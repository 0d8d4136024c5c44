import { basename } from 'node:path'
import type { Db } from '../../../db/database.ts'
import type { Actor, AuditService } from '../../audit/service.ts'
import * as repo from '../repository.ts'
import type { AnalyticsStore } from '../store/store.ts'
import {
  BadLinesError,
  type LoadedFile,
  type LoadedReplacement,
  loadFiles,
  type PlannedFile,
} from './bulk-load.ts'
import { readCsv } from './csv.repository.ts'
import { detectCrimeFormat, forceFromFileName, readHeaderLine, splitCsvLine } from './detect.ts'
import { type BadLine, CrimeFileError } from './file-errors.ts'
import { expandPaths, ingestOrder, monthFromFileName } from './files.ts'

export interface FileReport {
  file: string
  kind: string
  rows: number
  rejected: number
  months: string[]
  duplicates: number
  noLocation: number
  /** With --skip-bad-rows: the lines left out, and why. */
  badLines: BadLine[]
}

export interface ReplacedMonthReport {
  file: string
  kind: string
  area: string
  month: string
  previousRows: number
  rows: number
  changedOutcomes: number
  previousFiles: string[]
}

export interface IngestReport {
  files: FileReport[]
  rows: number
  rejected: number
  duplicates: number
  noLocation: number
  replacedMonths: ReplacedMonthReport[]
  /**
   * Files not loaded, each with the reason. Any file refused refuses the whole ingest (nothing is
   * loaded): the files refused come first, then every other file, saying it was held back.
   */
  failed: Array<{ file: string; error: string; badLines: BadLine[] }>
}

export interface IngestOptions {
  skipBadRows?: boolean
  onProgress?: (done: number, total: number, file: string) => void
}

const CRIME_FILE = /\.(csv|csv\.gz)$/i

type Failure = IngestReport['failed'][number]

const failure = (error: unknown, path: string): Failure => {
  // A file DuckDB cannot read at all (not UTF-8, not a CSV) is refused like a file with bad columns.
  const problem =
    error instanceof CrimeFileError
      ? error
      : new CrimeFileError(path, `could not be loaded: ${(error as Error).message}`)
  return { file: basename(path), error: `${basename(path)}: ${problem.reason}`, badLines: problem.badLines }
}

const badLinesFailure = (path: string, bad: BadLine[]): Failure =>
  failure(
    new CrimeFileError(
      path,
      `${bad.length} ${bad.length === 1 ? 'line' : 'lines'} could not be read, so nothing from this file was loaded. ` +
        'Correct them, or run again with --skip-bad-rows to load the other lines:',
      bad,
    ),
    path,
  )

/**
 * Loads police.uk and Met recorded-crime files, all of one ingest in one transaction: every file
 * loads, or none does. The newest copy of a month wins.
 */
export function createIngestService(
  db: Db,
  store: AnalyticsStore,
  audit: AuditService,
  afterIngest: (kinds: Set<string>) => Promise<void>,
) {
  /** Recognises a file from its header; throws CrimeFileError when Safer cannot load it. */
  async function plan(path: string): Promise<PlannedFile> {
    const format = detectCrimeFormat(path, splitCsvLine(await readHeaderLine(path)))
    const force = format.kind === 'stop-search' ? forceFromFileName(path) : null
    if (format.kind === 'stop-search' && !force) {
      throw new CrimeFileError(
        path,
        'is a stop-and-search file, which names no force: keep its police.uk name, like 2024-03-metropolitan-stop-and-search.csv',
      )
    }
    return {
      path,
      name: basename(path),
      format,
      force,
      month: format.kind === 'stop-search' ? monthFromFileName(path) : null,
    }
  }

  /** After the bulk load failed outright: which files DuckDB cannot read on their own. */
  async function unreadable(planned: PlannedFile[]): Promise<Array<{ path: string; failure: Failure }>> {
    const found: Array<{ path: string; failure: Failure }> = []
    for (const p of planned) {
      try {
        await store.all(`SELECT count(*) FROM ${readCsv(p.path, p.format.columns, 'probe_rejects')}`)
      } catch (error) {
        found.push({ path: p.path, failure: failure(error, p.path) })
      }
    }
    return found
  }

  async function recordHistory(actor: Actor, files: LoadedFile[], replaced: LoadedReplacement[]) {
    const now = new Date().toISOString()
    await db.transaction().execute(async (trx) => {
      for (const f of files) {
        const own = replaced.filter((r) => r.fileId === f.fileId)
        const id = await repo.insertIngest(trx, {
          file_name: f.planned.name,
          path: f.planned.path,
          kind: f.planned.format.kind,
          rows: f.rows,
          rejected: f.badLines.length,
          duplicates: f.duplicates,
          no_location: f.noLocation,
          months: f.months.join(','),
          replaced: JSON.stringify(
            own.map(({ area, month, changedOutcomes, previousRows, rows }) => ({
              area,
              month,
              changedOutcomes,
              previousRows,
              rows,
            })),
          ),
          actor: actor.label,
          ingested_at: now,
        })
        await audit.record(trx, actor, {
          action: 'crime.ingest',
          entityType: 'crime_ingest',
          entityId: id,
          detail: {
            file: f.planned.name,
            kind: f.planned.format.kind,
            rows: f.rows,
            rejected: f.badLines.length,
            replacedMonths: own.length,
          },
        })
      }
    })
  }

  /** Ingests files and folders (searched recursively), all or nothing. */
  async function ingest(actor: Actor, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
    const files = ingestOrder(expandPaths(paths, CRIME_FILE))
    const report: IngestReport = {
      files: [],
      rows: 0,
      rejected: 0,
      duplicates: 0,
      noLocation: 0,
      replacedMonths: [],
      failed: [],
    }
    const planned: PlannedFile[] = []
    const refused: Array<{ path: string; failure: Failure }> = []
    for (const [index, path] of files.entries()) {
      options.onProgress?.(index, files.length, basename(path))
      try {
        planned.push(await plan(path))
      } catch (error) {
        refused.push({ path, failure: failure(error, path) })
      }
    }
    // Every file the ingest was given is named: the refused ones with why, the others as held back.
    const refuse = (refused: Array<{ path: string; failure: Failure }>) => {
      const paths = new Set(refused.map((r) => r.path))
      const others = planned.filter((p) => !paths.has(p.path))
      const because =
        refused.length === 1 ? 'another file was refused' : `${refused.length} other files were refused`
      const held = others.map((p) => ({
        file: p.name,
        error: `${p.name}: not loaded, because ${because} (an ingest loads every file or none)`,
        badLines: [],
      }))
      const inOrder = files.flatMap((path) => refused.filter((r) => r.path === path).map((r) => r.failure))
      return { ...report, failed: [...inOrder, ...held] }
    }
    if (refused.length > 0) return refuse(refused)
    if (planned.length === 0) return report

    let loaded: Awaited<ReturnType<typeof loadFiles>>
    try {
      loaded = await store.transaction((tx) => loadFiles(tx, planned, options.skipBadRows ?? false))
    } catch (error) {
      if (error instanceof BadLinesError) {
        return refuse([...error.byFile].map(([path, bad]) => ({ path, failure: badLinesFailure(path, bad) })))
      }
      const found = await unreadable(planned)
      if (found.length === 0) throw error
      return refuse(found)
    }
    await recordHistory(actor, loaded.files, loaded.replaced)
    const nameOf = new Map(loaded.files.map((f) => [f.fileId, f.planned.name]))
    for (const f of loaded.files) {
      report.files.push({
        file: f.planned.name,
        kind: f.planned.format.kind,
        rows: f.rows,
        rejected: f.badLines.length,
        months: f.months,
        duplicates: f.duplicates,
        noLocation: f.noLocation,
        badLines: f.badLines,
      })
      report.rows += f.rows
      report.rejected += f.badLines.length
      report.duplicates += f.duplicates
      report.noLocation += f.noLocation
    }
    report.replacedMonths = loaded.replaced.map(({ fileId, ...r }) => ({
      file: nameOf.get(fileId) ?? '',
      ...r,
    }))
    options.onProgress?.(files.length, files.length, '')
    await afterIngest(new Set(loaded.files.map((f) => f.planned.format.kind)))
    return report
  }

  return { ingest }
}

export type IngestService = ReturnType<typeof createIngestService>
