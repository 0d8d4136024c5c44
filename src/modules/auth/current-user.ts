import type { Role } from './permissions.ts'

/** The signed-in person as every adapter sees them. */
export interface CurrentUser {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number
  organisationName: string
  /** The person in the plans this user is, as an administrator linked them; null if none. */
  personId: number | null
}

export function toCurrentUser(row: {
  id: number
  email: string
  name: string
  role: string
  organisation_id: number
  organisation_name: string
  person_id: number | null
}): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    personId: row.person_id,
  }
}
