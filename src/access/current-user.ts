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

/**
 * Just the CurrentUser of a fuller record, such as an account as the auth module gives it: for acting
 * as someone in code that is not a request (the demo, the reminders, tests).
 */
export function asCurrentUser(u: CurrentUser): CurrentUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    personId: u.personId,
  }
}
