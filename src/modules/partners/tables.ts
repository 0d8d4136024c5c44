import type { Generated, Insertable, Selectable } from 'kysely'

// The partners module's tables (migrations 0001_foundation and 0009_partnership), merged into the shared Database type.

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

/** The partnership's own settings (migration 0009_partnership): one row, id 1, once it is set up. */
export interface PartnershipTable {
  id: number
  name: string
  area_code: string
  area_name: string
  created_at: string
  updated_at: string
  version: number
}

declare module '../../db/types.ts' {
  interface Database {
    organisations: OrganisationTable
    people: PersonTable
    partnership: PartnershipTable
  }
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Person = Selectable<PersonTable>
