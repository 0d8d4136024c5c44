import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Db } from '../../../db/database.ts'
import type { Actor, AuditService } from '../../audit/service.ts'
import { rejectedLines } from '../ingest/csv.repository.ts'
import { readHeaderLine, splitCsvLine } from '../ingest/detect.ts'
import { type BadLine, CrimeFileError } from '../ingest/file-errors.ts'
import { expandPaths } from '../ingest/files.ts'
import * as repo from '../repository.ts'
import type { AnalyticsStore } from '../store/store.ts'
import { detectAreaFormat, yearFromFileName } from './area-formats.ts'
import * as areasRepo from './areas.repository.ts'
import { areaIndex, bboxOf, type Geometry, parseBoundaries, polygonsOf } from './geo.ts'

export interface AreaFileReport {
  file: string
  kind: string
  rows: number
  rejected: number
}

export interface AreasReport {
  files: AreaFileReport[]
  failed: Array<{ file: string; error: string; badLines: BadLine[] }>
  /** Stop-and-search locations placed in an LSOA after the import. */
  placedPoints: number
}

/** ONS lookups, population, IMD and boundaries: one transaction per file, derived tables rebuilt after. */
export function createAreasService(db: Db, store: AnalyticsStore, audit: AuditService) {
  async function importFile(path: string): Promise<AreaFileReport> {
    const name = basename(path)
    if (/\.(geo)?json$/i.test(path)) {
      let parsed: ReturnType<typeof parseBoundaries>
      try {
        parsed = parseBoundaries(readFileSync(path, 'utf8'))
      } catch (error) {
        throw new CrimeFileError(path, (error as Error).message)
      }
      await store.transaction(async (tx) => {
        await areasRepo.storeBoundaries(tx, parsed.features)
        // New shapes may place stop-and-search points differently.
        if (parsed.areaType === 'lsoa21') await areasRepo.clearPointPlacements(tx)
      })
      return { file: name, kind: `boundaries-${parsed.areaType}`, rows: parsed.features.length, rejected: 0 }
    }
    const format = detectAreaFormat(path, splitCsvLine(await readHeaderLine(path)))
    const year = format.kind === 'population-lsoa11-ages' ? yearFromFileName(path) : null
    if (format.kind === 'population-lsoa11-ages' && year === null) {
      throw new CrimeFileError(
        path,
        'is a population estimate, but its name does not say which year (like …_mid2019.csv)',
      )
    }
    return store.transaction(async (tx) => {
      const rejects = `area_rejects_${Date.now()}`
      await areasRepo.stageAreaFile(tx, path, format, rejects)
      const bad = await rejectedLines(tx, rejects, format.columns)
      if (bad.length > 0) {
        throw new CrimeFileError(
          path,
          `${bad.length} ${bad.length === 1 ? 'line' : 'lines'} could not be read, so nothing from this file was imported:`,
          bad,
        )
      }
      const rows = await areasRepo.storeAreaFile(tx, format, rejects, year)
      await areasRepo.dropStaged(tx, rejects)
      return { file: name, kind: format.kind, rows, rejected: 0 }
    })
  }

  /** Places every stop-and-search location not yet placed in its 2021 LSOA (needs LSOA boundaries). */
  async function placeStopSearches(): Promise<number> {
    return store.transaction(async (tx) => {
      if (!(await areasRepo.hasLsoaBoundaries(tx))) return 0
      const points = await areasRepo.unplacedPoints(tx)
      if (points.length === 0) return 0
      const shapes = (await areasRepo.lsoaShapes(tx)).map((s) => {
        const polygons = polygonsOf(JSON.parse(s.geometry) as Geometry)
        return { code: s.code, polygons, bbox: bboxOf(polygons) }
      })
      const index = areaIndex(shapes)
      const placed = points.map((p) => ({ ...p, lsoa: index.locate(p.longitude, p.latitude) }))
      await areasRepo.storePointPlacements(tx, placed)
      return placed.filter((p) => p.lsoa).length
    })
  }

  async function importAreas(actor: Actor, paths: string[]): Promise<AreasReport> {
    const report: AreasReport = { files: [], failed: [], placedPoints: 0 }
    for (const path of expandPaths(paths)) {
      try {
        const file = await importFile(path)
        report.files.push(file)
        await db.transaction().execute(async (trx) => {
          const id = await repo.insertIngest(trx, {
            file_name: file.file,
            path,
            kind: file.kind,
            rows: file.rows,
            rejected: 0,
            duplicates: 0,
            no_location: 0,
            months: '',
            replaced: '[]',
            actor: actor.label,
            ingested_at: new Date().toISOString(),
          })
          await audit.record(trx, actor, {
            action: 'areas.import',
            entityType: 'crime_ingest',
            entityId: id,
            detail: { file: file.file, kind: file.kind, rows: file.rows },
          })
        })
      } catch (error) {
        const problem =
          error instanceof CrimeFileError
            ? error
            : new CrimeFileError(path, `could not be imported: ${(error as Error).message}`)
        report.failed.push({
          file: basename(path),
          error: `${basename(path)}: ${problem.reason}`,
          badLines: problem.badLines,
        })
      }
    }
    if (report.files.length > 0) {
      await store.transaction((tx) => areasRepo.rebuildDerived(tx))
      report.placedPoints = await placeStopSearches()
    }
    return report
  }

  return { importAreas, placeStopSearches }
}

export type AreasService = ReturnType<typeof createAreasService>
