import type { Generated, Insertable, Selectable } from 'kysely'

// The partners module's tables (migration 0001_foundation), merged into the shared Database type.

export interface OrganisationTable {
  id: Generated<number>
  name: string
  short_name: string
  type: string
  created_at: string
  updated_at: string
  version: number
  /** Set when merged into another record of the same table (migration 0011); NULL while in use. */
  merged_into_id: number | null
  merged_at: string | null
  /** Who merged it, as the audit log names them. */
  merged_by: string | null
}

export interface PersonTable {
  id: Generated<number>
  name: string
  job_title: string | null
  organisation_id: number | null
  email: string | null
  created_at: string
  updated_at: string
  version: number
  /** Set when merged into another record of the same table (migration 0011); NULL while in use. */
  merged_into_id: number | null
  merged_at: string | null
  /** Who merged it, as the audit log names them. */
  merged_by: string | null
}

declare module '../../db/types.ts' {
  interface Database {
    organisations: OrganisationTable
    people: PersonTable
  }
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Person = Selectable<PersonTable>
