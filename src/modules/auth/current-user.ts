import type { CurrentUser } from '../../access/current-user.ts'
import type { Role } from '../../access/roles.ts'

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
