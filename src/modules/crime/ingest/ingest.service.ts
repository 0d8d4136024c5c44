import { basename } from 'node:path'
import type { Db } from '../../../db/database.ts'
import type { Actor, AuditService } from '../../audit/service.ts'
import * as repo from '../repository.ts'
import type { AnalyticsStore } from '../store/store.ts'
import { rejectedLines } from './csv.repository.ts'
import { detectCrimeFormat, forceFromFileName, readHeaderLine, splitCsvLine } from './detect.ts'
import { type BadLine, CrimeFileError } from './file-errors.ts'
import { expandPaths, ingestOrder, monthFromFileName } from './files.ts'
import * as ingestRepo from './ingest.repository.ts'
import * as recordedRepo from './recorded.repository.ts'

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
  /** Files not loaded at all, each with the reason (its transaction rolled back). */
  failed: Array<{ file: string; error: string; badLines: BadLine[] }>
}

export interface IngestOptions {
  skipBadRows?: boolean
  onProgress?: (done: number, total: number, file: string) => void
}

const CRIME_FILE = /\.(csv|csv\.gz)$/i

/** Loads police.uk and Met recorded-crime files: one transaction per file, newest copy of a month wins. */
export function createIngestService(
  db: Db,
  store: AnalyticsStore,
  audit: AuditService,
  afterIngest: (kinds: Set<string>) => Promise<void>,
) {
  async function ingestFile(
    path: string,
    skipBadRows: boolean,
  ): Promise<{ report: FileReport; replaced: ReplacedMonthReport[] }> {
    const header = splitCsvLine(await readHeaderLine(path))
    const format = detectCrimeFormat(path, header)
    const name = basename(path)
    return store.transaction(async (tx) => {
      const fileId = await ingestRepo.nextFileId(tx)
      const rejects = `rejects_${fileId}`
      let stats: ingestRepo.FileStats
      let replaced: ReplacedMonthReport[]
      let force: string | null = null
      if (format.kind === 'street' || format.kind === 'outcomes' || format.kind === 'stop-search') {
        const table =
          format.kind === 'street'
            ? 'street_crimes'
            : format.kind === 'outcomes'
              ? 'outcomes'
              : 'stop_searches'
        if (table === 'stop_searches') {
          force = forceFromFileName(path)
          if (!force) {
            throw new CrimeFileError(
              path,
              'is a stop-and-search file, which names no force: keep its police.uk name, like 2024-03-metropolitan-stop-and-search.csv',
            )
          }
          await ingestRepo.loadStopSearch(
            tx,
            fileId,
            path,
            format.columns,
            rejects,
            force,
            monthFromFileName(path),
          )
        } else {
          await ingestRepo.loadStreetOrOutcomes(tx, table, fileId, path, format.columns, rejects)
        }
        const bad = await rejectedLines(tx, rejects, format.columns)
        checkBadLines(path, bad, skipBadRows)
        const removed = table === 'outcomes' ? await ingestRepo.removeExactDuplicateOutcomes(tx, fileId) : 0
        stats = await ingestRepo.fileStats(tx, table, fileId)
        if (table === 'outcomes') stats = { ...stats, duplicates: removed }
        await ingestRepo.insertSourceFile(tx, {
          fileId,
          name,
          path,
          kind: format.kind,
          force,
          rows: stats.rows + removed,
          keys: stats.keys,
        })
        // Comparing with older copies needs a scan; source_files says cheaply whether there are any.
        const older = await ingestRepo.hasOlderCopies(tx, format.kind, fileId)
        replaced = (older ? await ingestRepo.replaceOlderCopies(tx, table, format.kind, fileId) : []).map(
          (r) => ({
            file: name,
            kind: r.kind,
            area: r.force,
            month: r.month,
            previousRows: r.previousRows,
            rows: r.rows,
            changedOutcomes: r.changedOutcomes,
            previousFiles: r.previousFiles,
          }),
        )
        return {
          report: {
            file: name,
            kind: format.kind,
            months: stats.months,
            duplicates: stats.duplicates,
            noLocation: stats.noLocation,
            rows: stats.rows + removed,
            rejected: bad.length,
            badLines: bad,
          },
          replaced,
        }
      }
      const lines = await recordedRepo.loadRecorded(
        tx,
        format.kind,
        fileId,
        path,
        format.columns,
        format.monthColumns,
        rejects,
      )
      const bad = await rejectedLines(tx, rejects, format.columns)
      checkBadLines(path, bad, skipBadRows)
      const recorded = await recordedRepo.recordedStats(tx, fileId)
      replaced = (await recordedRepo.replaceOlderRecorded(tx, fileId)).flatMap((r) =>
        r.months.map((month) => ({
          file: name,
          kind: format.kind,
          area: r.areaType,
          month,
          previousRows: 0,
          rows: 0,
          changedOutcomes: 0,
          previousFiles: r.previousFiles,
        })),
      )
      await ingestRepo.insertSourceFile(tx, {
        fileId,
        name,
        path,
        kind: format.kind,
        force: null,
        rows: lines,
      })
      const report = {
        file: name,
        kind: format.kind,
        rows: lines,
        rejected: bad.length,
        months: recorded.months,
        duplicates: 0,
        noLocation: 0,
        badLines: bad,
      }
      return { report, replaced }
    })
  }

  function checkBadLines(path: string, bad: BadLine[], skipBadRows: boolean) {
    if (bad.length === 0 || skipBadRows) return
    throw new CrimeFileError(
      path,
      `${bad.length} ${bad.length === 1 ? 'line' : 'lines'} could not be read, so nothing from this file was loaded. ` +
        'Correct them, or run again with --skip-bad-rows to load the other lines:',
      bad,
    )
  }

  async function recordHistory(
    actor: Actor,
    path: string,
    report: FileReport,
    replaced: ReplacedMonthReport[],
  ) {
    const now = new Date().toISOString()
    await db.transaction().execute(async (trx) => {
      const id = await repo.insertIngest(trx, {
        file_name: report.file,
        path,
        kind: report.kind,
        rows: report.rows,
        rejected: report.rejected,
        duplicates: report.duplicates,
        no_location: report.noLocation,
        months: report.months.join(','),
        replaced: JSON.stringify(
          replaced.map(({ area, month, changedOutcomes, previousRows, rows }) => ({
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
          file: report.file,
          kind: report.kind,
          rows: report.rows,
          rejected: report.rejected,
          replacedMonths: replaced.length,
        },
      })
    })
  }

  /** Ingests files and folders (searched recursively); a file that fails leaves the others loaded. */
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
    const kinds = new Set<string>()
    for (const [index, path] of files.entries()) {
      options.onProgress?.(index, files.length, basename(path))
      try {
        const { report: file, replaced } = await ingestFile(path, options.skipBadRows ?? false)
        await recordHistory(actor, path, file, replaced)
        kinds.add(file.kind)
        report.files.push(file)
        report.rows += file.rows
        report.rejected += file.rejected
        report.duplicates += file.duplicates
        report.noLocation += file.noLocation
        report.replacedMonths.push(...replaced)
      } catch (error) {
        // A file DuckDB cannot read at all (not UTF-8, not a CSV) fails alone, like a file with bad columns.
        const problem =
          error instanceof CrimeFileError
            ? error
            : new CrimeFileError(path, `could not be loaded: ${(error as Error).message}`)
        report.failed.push({
          file: basename(path),
          error: `${basename(path)}: ${problem.reason}`,
          badLines: problem.badLines,
        })
      }
    }
    options.onProgress?.(files.length, files.length, '')
    if (kinds.size > 0) await afterIngest(kinds)
    return report
  }

  return { ingest }
}

export type IngestService = ReturnType<typeof createIngestService>
