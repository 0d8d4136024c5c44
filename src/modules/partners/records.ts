import type { findPerson } from './repository.ts'
import type { Organisation as OrganisationRow, PartnershipTable } from './tables.ts'

// Partners as pages, the API and other modules see them: camelCase, never the database's rows.

export interface Organisation {
  id: number
  name: string
  shortName: string
  type: string
  createdAt: string
  updatedAt: string
  version: number
}

/** Someone plans and boards name: a lead, a board member, a contact. They need not be a user. */
export interface Person {
  id: number
  name: string
  jobTitle: string | null
  organisationId: number | null
  organisationName: string | null
  organisationShortName: string | null
  email: string | null
  createdAt: string
  updatedAt: string
  version: number
}

type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>

export function toOrganisation(o: OrganisationRow): Organisation {
  return {
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    type: o.type,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    version: o.version,
  }
}

export function toPerson(p: PersonRow): Person {
  return {
    id: p.id,
    name: p.name,
    jobTitle: p.job_title,
    organisationId: p.organisation_id,
    organisationName: p.organisation_name,
    organisationShortName: p.organisation_short_name,
    email: p.email,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    version: p.version,
  }
}

/** The partnership itself: what it is called and the local authority (ONS code) it serves. */
export interface Partnership {
  name: string
  areaCode: string
  areaName: string
  updatedAt: string
  version: number
}

export function toPartnership(p: PartnershipTable): Partnership {
  return {
    name: p.name,
    areaCode: p.area_code,
    areaName: p.area_name,
    updatedAt: p.updated_at,
    version: p.version,
  }
}
