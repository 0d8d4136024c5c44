import type { DuckDBValue } from '@duckdb/node-api'
import { ident, readCsv } from '../ingest/csv.repository.ts'
import type { StoreConnection } from '../store/store.ts'
import type { DetectedAreaFile } from './area-formats.ts'
import type { BoundaryFeature } from './geo.ts'

// SQL for the ONS and GLA area tables. A file replaces the rows it covers (by code and year),
// so importing a newer lookup or estimate updates those areas and leaves the others alone.

const staged = (rejects: string) => ident(`${rejects}_rows`)

export async function stageAreaFile(
  tx: StoreConnection,
  path: string,
  format: DetectedAreaFile,
  rejects: string,
) {
  await tx.run(
    `CREATE TEMP TABLE ${staged(rejects)} AS SELECT * FROM ${readCsv(path, format.columns, rejects)}`,
  )
}

/** Moves the staged rows into their table; returns how many area rows were written. */
export async function storeAreaFile(
  tx: StoreConnection,
  format: DetectedAreaFile,
  rejects: string,
  year: number | null,
): Promise<number> {
  const s = staged(rejects)
  const count = async (table: string, where = '') =>
    (await tx.all<{ n: number }>(`SELECT count(*) AS n FROM ${table} ${where}`))[0]?.n ?? 0
  switch (format.kind) {
    case 'lookup-lsoa21':
      await tx.run(`INSERT OR REPLACE INTO lsoa_lookup SELECT DISTINCT ON (lsoa21_code) lsoa21_code, lsoa21_name, ward_code, ward_name, lad_code, lad_name
        FROM ${s} WHERE lsoa21_code IS NOT NULL`)
      return count(s, 'WHERE lsoa21_code IS NOT NULL')
    case 'lookup-lsoa11':
      await tx.run(`DELETE FROM lsoa11_lookup WHERE lsoa11_code IN (SELECT lsoa11_code FROM ${s})`)
      await tx.run(`INSERT INTO lsoa11_lookup SELECT lsoa11_code, lsoa11_name, lsoa21_code, lsoa21_name, change, lad_code, lad_name
        FROM ${s} WHERE lsoa11_code IS NOT NULL`)
      return count(s, 'WHERE lsoa11_code IS NOT NULL')
    case 'population-lsoa21': {
      const selects = format.years.map(
        (y) => `SELECT lsoa21_code, ${y.year} AS year, ${ident(y.column)} AS population FROM ${s}`,
      )
      await tx.run(
        `INSERT OR REPLACE INTO population SELECT * FROM (${selects.join(' UNION ALL ')}) WHERE lsoa21_code IS NOT NULL AND population IS NOT NULL`,
      )
      return count(s, 'WHERE lsoa21_code IS NOT NULL')
    }
    case 'population-lsoa11-ages':
      await tx.run(
        `INSERT OR REPLACE INTO population_lsoa11_ages SELECT lsoa11_code, ${Number(year)}, persons, aged_0_15, aged_16_29, aged_30_44, aged_45_64, aged_65_plus
         FROM ${s} WHERE lsoa11_code IS NOT NULL`,
      )
      return count(s, 'WHERE lsoa11_code IS NOT NULL')
    case 'imd':
      await tx.run(`INSERT OR REPLACE INTO imd SELECT lsoa11_code, lad_code, score, rank, decile, income_decile, employment_decile,
        education_decile, health_decile, crime_decile, housing_decile, environment_decile FROM ${s} WHERE lsoa11_code IS NOT NULL`)
      return count(s, 'WHERE lsoa11_code IS NOT NULL')
    case 'imd-population':
      await tx.run(
        `INSERT OR REPLACE INTO imd_population SELECT lsoa11_code, total, aged_0_15, aged_16_59, aged_60_plus FROM ${s} WHERE lsoa11_code IS NOT NULL`,
      )
      return count(s, 'WHERE lsoa11_code IS NOT NULL')
    default:
      throw new Error(`Not a CSV area kind: ${format.kind}`)
  }
}

export async function dropStaged(tx: StoreConnection, rejects: string) {
  await tx.run(`DROP TABLE IF EXISTS ${staged(rejects)}`)
}

export async function storeBoundaries(tx: StoreConnection, features: BoundaryFeature[]) {
  const BATCH = 200
  for (let i = 0; i < features.length; i += BATCH) {
    const batch = features.slice(i, i + BATCH)
    const params: DuckDBValue[] = []
    const rows = batch.map((f) => {
      params.push(
        f.areaType,
        f.code,
        f.name,
        JSON.stringify(f.geometry),
        f.bbox.minLon,
        f.bbox.minLat,
        f.bbox.maxLon,
        f.bbox.maxLat,
      )
      const n = params.length
      return `(${Array.from({ length: 8 }, (_, k) => `$${n - 7 + k}`).join(', ')})`
    })
    await tx.run(`INSERT OR REPLACE INTO boundaries VALUES ${rows.join(', ')}`, params)
  }
}

/**
 * Rebuilds the derived area tables. Police.uk uses 2021 LSOA codes, with some older 2011 codes
 * still in use: a 2011 code that was split maps to the first of its 2021 parts. Each 2021 LSOA
 * takes the IMD 2019 decile of its 2011 predecessor (for merged LSOAs, the mean of theirs, rounded).
 */
export async function rebuildDerived(tx: StoreConnection) {
  await tx.run('DELETE FROM lsoa_map')
  await tx.run(`INSERT INTO lsoa_map
    SELECT lsoa21_code, lsoa21_code, ward_code, lad_code FROM lsoa_lookup
    UNION ALL
    SELECT o.lsoa11_code, min(o.lsoa21_code), min(l.ward_code), min(l.lad_code)
    FROM lsoa11_lookup o LEFT JOIN lsoa_lookup l ON l.lsoa21_code = o.lsoa21_code
    WHERE o.lsoa11_code NOT IN (SELECT lsoa21_code FROM lsoa_lookup) GROUP BY o.lsoa11_code`)
  await tx.run('DELETE FROM lsoa21_imd')
  await tx.run(`INSERT INTO lsoa21_imd
    SELECT l.lsoa21_code, round(avg(i.decile))::INTEGER, avg(i.score)
    FROM lsoa11_lookup l JOIN imd i ON i.lsoa11_code = l.lsoa11_code GROUP BY l.lsoa21_code`)
}

export async function clearPointPlacements(tx: StoreConnection) {
  await tx.run('DELETE FROM point_lsoa')
}

export async function unplacedPoints(
  tx: StoreConnection,
): Promise<Array<{ latitude: number; longitude: number }>> {
  return tx.all(`SELECT DISTINCT s.latitude, s.longitude FROM stop_searches s
    ANTI JOIN point_lsoa p ON p.latitude = s.latitude AND p.longitude = s.longitude
    WHERE s.latitude IS NOT NULL AND s.longitude IS NOT NULL`)
}

export async function storePointPlacements(
  tx: StoreConnection,
  placed: Array<{ latitude: number; longitude: number; lsoa: string | null }>,
) {
  const BATCH = 500
  for (let i = 0; i < placed.length; i += BATCH) {
    const params: DuckDBValue[] = []
    const rows = placed.slice(i, i + BATCH).map((p) => {
      params.push(p.latitude, p.longitude, p.lsoa)
      return `($${params.length - 2}, $${params.length - 1}, $${params.length})`
    })
    await tx.run(`INSERT OR REPLACE INTO point_lsoa VALUES ${rows.join(', ')}`, params)
  }
}

export async function lsoaShapes(tx: StoreConnection): Promise<Array<{ code: string; geometry: string }>> {
  return tx.all(`SELECT code, geometry FROM boundaries WHERE area_type = 'lsoa21'`)
}

export async function hasLsoaBoundaries(tx: StoreConnection) {
  const [row] = await tx.all<{ n: number }>(`SELECT count(*) AS n FROM boundaries WHERE area_type = 'lsoa21'`)
  return (row?.n ?? 0) > 0
}
