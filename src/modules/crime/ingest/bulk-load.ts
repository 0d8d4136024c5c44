import type { StoreConnection } from '../store/store.ts'
import { rejectedLines, rejectedLinesByFile } from './csv.repository.ts'
import type { DetectedCrimeFile } from './detect.ts'
import type { BadLine } from './file-errors.ts'
import * as ingestRepo from './ingest.repository.ts'
import * as recordedRepo from './recorded.repository.ts'
import { type Replacement, replaceOlderCopies } from './replace.repository.ts'

// One ingest's files loaded in one transaction: the police.uk files of each kind and layout in a
// single scan, then the checks, outcome de-duplication and republished months set-wise.

/** A file recognised from its header, ready to load. */
export interface PlannedFile {
  path: string
  name: string
  format: DetectedCrimeFile
  /** Stop and search: the force and month its police.uk name gives. */
  force: string | null
  month: string | null
}

export interface LoadedFile {
  planned: PlannedFile
  fileId: number
  rows: number
  months: string[]
  duplicates: number
  noLocation: number
  badLines: BadLine[]
}

export interface LoadedReplacement {
  fileId: number
  kind: string
  area: string
  month: string
  previousRows: number
  rows: number
  changedOutcomes: number
  previousFiles: string[]
}

/** Thrown inside the transaction when files have unreadable lines and they may not be skipped. */
export class BadLinesError extends Error {
  constructor(readonly byFile: Map<string, BadLine[]>) {
    super(`${byFile.size} files have lines that could not be read`)
  }
}

const TABLES: Record<string, ingestRepo.PoliceUkTable> = {
  street: 'street_crimes',
  outcomes: 'outcomes',
  'stop-search': 'stop_searches',
}

/** Loads every planned file inside tx; throws BadLinesError (so tx rolls back) unless bad lines may be skipped. */
export async function loadFiles(
  tx: StoreConnection,
  planned: PlannedFile[],
  skipBadRows: boolean,
): Promise<{ files: LoadedFile[]; replaced: LoadedReplacement[] }> {
  const ids = (await ingestRepo.nextFileIds(tx, planned.length)).sort((a, b) => a - b)
  const files: LoadedFile[] = planned.map((p, i) => ({
    planned: p,
    fileId: ids[i] as number,
    rows: 0,
    months: [],
    duplicates: 0,
    noLocation: 0,
    badLines: [],
  }))
  const bad = new Map<string, BadLine[]>()
  const replaced: LoadedReplacement[] = []

  // Files of one kind with their columns in the same order are read by one read_csv.
  const groups = new Map<string, LoadedFile[]>()
  for (const f of files) {
    if (!TABLES[f.planned.format.kind]) continue
    const layout = `${f.planned.format.kind}:${f.planned.format.columns.map((c) => c.name).join(',')}`
    groups.set(layout, [...(groups.get(layout) ?? []), f])
  }
  for (const group of groups.values()) {
    const { format } = (group[0] as LoadedFile).planned
    const table = TABLES[format.kind] as ingestRepo.PoliceUkTable
    const rejects = `rejects_${(group[0] as LoadedFile).fileId}`
    const staged = group.map((f) => ({ path: f.planned.path, fileId: f.fileId }))
    if (table === 'stop_searches') {
      const withForce = group.map((f) => ({
        path: f.planned.path,
        fileId: f.fileId,
        force: f.planned.force ?? '',
        month: f.planned.month,
      }))
      await ingestRepo.loadStopSearch(tx, withForce, format.columns, rejects)
    } else await ingestRepo.loadStreetOrOutcomes(tx, table, staged, format.columns, rejects)
    for (const [path, lines] of await rejectedLinesByFile(tx, rejects, format.columns)) bad.set(path, lines)
  }

  // Recorded-crime files differ in their month columns, so each is read on its own, in order.
  for (const f of files) {
    if (TABLES[f.planned.format.kind]) continue
    const { format, path } = f.planned
    const rejects = `rejects_${f.fileId}`
    f.rows = await recordedRepo.loadRecorded(
      tx,
      format.kind,
      f.fileId,
      path,
      format.columns,
      format.monthColumns,
      rejects,
    )
    const lines = await rejectedLines(tx, rejects, format.columns)
    if (lines.length) bad.set(path, lines)
    f.months = (await recordedRepo.recordedStats(tx, f.fileId)).months
    for (const r of await recordedRepo.replaceOlderRecorded(tx, f.fileId)) {
      for (const month of r.months) {
        replaced.push({
          fileId: f.fileId,
          kind: format.kind,
          area: r.areaType,
          month,
          previousRows: 0,
          rows: 0,
          changedOutcomes: 0,
          previousFiles: r.previousFiles,
        })
      }
    }
    // The next recorded file names this one as the copy it replaces, through source_files.
    await ingestRepo.insertSourceFiles(tx, [
      { fileId: f.fileId, name: f.planned.name, path, kind: format.kind, force: null, rows: f.rows },
    ])
  }

  if (bad.size > 0 && !skipBadRows) throw new BadLinesError(bad)
  for (const f of files) f.badLines = bad.get(f.planned.path) ?? []

  const policeUk: ingestRepo.SourceFileRow[] = []
  for (const [kind, table] of Object.entries(TABLES)) {
    const ofKind = files.filter((f) => f.planned.format.kind === kind)
    if (ofKind.length === 0) continue
    const ids = ofKind.map((f) => f.fileId)
    const removed =
      table === 'outcomes'
        ? await ingestRepo.removeExactDuplicateOutcomes(tx, ids)
        : new Map<number, number>()
    const stats = await ingestRepo.fileStats(tx, table, ids)
    const keys = new Map<number, string[]>()
    for (const f of ofKind) {
      const s = stats.get(f.fileId) as ingestRepo.FileStats
      const dropped = removed.get(f.fileId) ?? 0
      Object.assign(f, {
        rows: s.rows + dropped,
        months: s.months,
        duplicates: table === 'outcomes' ? dropped : s.duplicates,
        noLocation: s.noLocation,
      })
      keys.set(f.fileId, s.keys)
      policeUk.push({
        fileId: f.fileId,
        name: f.planned.name,
        path: f.planned.path,
        kind,
        force: f.planned.force,
        rows: f.rows,
        keys: s.keys,
      })
    }
    replaced.push(...(await replaceRepublished(tx, kind, table, ofKind, keys)))
  }
  await ingestRepo.insertSourceFiles(tx, policeUk)
  return { files, replaced }
}

/**
 * Each force-month's copies in load order (files loaded before, then this ingest's, oldest
 * release first): each new copy replaces the one before it, so the last one loaded wins.
 */
async function replaceRepublished(
  tx: StoreConnection,
  kind: string,
  table: ingestRepo.PoliceUkTable,
  files: LoadedFile[],
  keys: Map<number, string[]>,
): Promise<LoadedReplacement[]> {
  const newIds = new Set(files.map((f) => f.fileId))
  const names = new Map(files.map((f) => [f.fileId, f.planned.name]))
  const holders = new Map<string, number[]>()
  const hold = (key: string, fileId: number) => holders.set(key, [...(holders.get(key) ?? []), fileId])
  const allKeys = [...new Set([...keys.values()].flat())]
  const wanted = new Set(allKeys)
  for (const old of await ingestRepo.filesHoldingKeys(tx, kind, allKeys)) {
    if (newIds.has(old.fileId)) continue
    names.set(old.fileId, old.name)
    for (const key of old.keys) if (wanted.has(key)) hold(key, old.fileId)
  }
  for (const f of files) for (const key of keys.get(f.fileId) ?? []) hold(key, f.fileId)
  const steps: Replacement[] = []
  for (const [key, ids] of holders) {
    const cut = key.lastIndexOf('|')
    for (let i = 1; i < ids.length; i++) {
      const next = ids[i] as number
      if (newIds.has(next))
        steps.push({
          force: key.slice(0, cut),
          month: key.slice(cut + 1),
          previous: ids[i - 1] as number,
          next,
        })
    }
  }
  return (await replaceOlderCopies(tx, table, steps)).map((r) => ({
    fileId: r.next,
    kind,
    area: r.force || '(none)',
    month: r.month,
    previousRows: r.previousRows,
    rows: r.rows,
    changedOutcomes: r.changedOutcomes,
    previousFiles: [names.get(r.previous) ?? `file ${r.previous}`],
  }))
}
