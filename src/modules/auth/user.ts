import type { Role } from '../../access/roles.ts'
import type { UserRow } from './repository.ts'

/** A user account as pages, the API and the command line see it: never the password hash. */
export interface User {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number
  organisationName: string
  organisationShortName: string
  /** The person in the plans this user is, as an administrator linked them. */
  personId: number | null
  personName: string | null
  disabledAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationShortName: row.organisation_short_name,
    personId: row.person_id,
    personName: row.person_name,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

/** What an administrator may change, as the audit log records it before and after. */
export function auditedFields(u: User) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    organisation_id: u.organisationId,
    person_id: u.personId,
    disabled_at: u.disabledAt,
  }
}
