import type { Role } from './roles.ts'

/** The signed-in person as every adapter sees them. */
export interface CurrentUser {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number
  organisationName: string
}
