import type { Role } from './roles.ts'

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

/** Finds who is asking, from an API token or a session id: what the auth module gives src/http. */
export interface Authenticator {
  resolveToken(token: string): Promise<CurrentUser | null>
  resolveSession(sessionId: string): Promise<CurrentUser | null>
}
