import type { Role } from './permissions.ts'

/** The signed-in person as every adapter sees them. */
export interface CurrentUser {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number
  organisationName: string
}

export function toCurrentUser(row: {
  id: number
  email: string
  name: string
  role: string
  organisation_id: number
  organisation_name: string
}): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
  }
}
