import type { Generated } from 'kysely'

// The crime module's tables in the operational database (migration 0003_crime), merged into the
// shared Database type here so the module's types live with the module.

export interface CrimeIngestTable {
  id: Generated<number>
  file_name: string
  path: string
  kind: string
  rows: number
  rejected: number
  duplicates: number
  no_location: number
  /** Comma-separated YYYY-MM */
  months: string
  /** JSON */
  replaced: string
  actor: string
  ingested_at: string
}

export interface CrimeDefinitionTable {
  id: Generated<number>
  key: string
  name: string
  description: string | null
  /** JSON array of police.uk crime types */
  police_uk_types: string
  /** JSON array of Home Office categories ("MAJOR / Minor" or a major category alone) */
  recorded_categories: string
  created_at: string
  updated_at: string
  version: number
}

declare module '../../db/types.ts' {
  interface Database {
    crime_ingests: CrimeIngestTable
    crime_definitions: CrimeDefinitionTable
  }
}
