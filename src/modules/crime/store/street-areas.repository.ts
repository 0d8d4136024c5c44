import type { StoreConnection } from './store.ts'

// Each street crime's 2021 LSOA, ward and local authority, resolved from its published LSOA code
// through lsoa_map once, when it is loaded, instead of in every query; re-resolved in the same
// transaction whenever an areas import rebuilds lsoa_map, so they always equal the lookup join.

const RESOLVE = `UPDATE street_crimes s SET lsoa21_code = m.lsoa21_code, ward_code = m.ward_code, lad_code = m.lad_code
  FROM lsoa_map m WHERE m.code = s.lsoa_code`

export const STREET_AREA_SCHEMA = [
  'ALTER TABLE street_crimes ADD COLUMN IF NOT EXISTS lsoa21_code VARCHAR',
  'ALTER TABLE street_crimes ADD COLUMN IF NOT EXISTS ward_code VARCHAR',
  'ALTER TABLE street_crimes ADD COLUMN IF NOT EXISTS lad_code VARCHAR',
  // A store loaded before these columns existed gains them here (a scan, and nothing to do, after).
  `${RESOLVE} AND s.lad_code IS NULL AND m.lad_code IS NOT NULL`,
]

/**
 * The areas of street crimes just loaded and committed (file ids from first to last). On committed
 * rows this UPDATE measured several times cheaper than joining lsoa_map inside the load's
 * INSERT … SELECT; on the load's own uncommitted rows DuckDB's UPDATE is far slower still.
 */
export async function resolveLoadedStreetAreas(tx: StoreConnection, first: number, last: number) {
  await tx.run(`${RESOLVE} AND s.file_id BETWEEN ${first} AND ${last}`)
}

/** After lsoa_map is rebuilt: every row whose resolved areas differ from the lookup's is corrected. */
export async function resolveStreetAreas(tx: StoreConnection) {
  await tx.run(
    `${RESOLVE} AND (s.lsoa21_code IS DISTINCT FROM m.lsoa21_code OR s.ward_code IS DISTINCT FROM m.ward_code
       OR s.lad_code IS DISTINCT FROM m.lad_code)`,
  )
  await tx.run(
    `UPDATE street_crimes SET lsoa21_code = NULL, ward_code = NULL, lad_code = NULL
     WHERE lsoa21_code IS NOT NULL AND lsoa_code NOT IN (SELECT code FROM lsoa_map)`,
  )
}
