import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import type { Actor } from '../audit/service.ts'

// Every signed-in partner reads the trackers: they exist to be shared. Analysts, partnership
// managers and administrators keep them; the services ask before any change.

/** Who acts: the audit log's actor, and the signed-in user (null for the command line and the demo). */
export interface Who {
  actor: Actor
  user: Pick<CurrentUser, 'role'> | null
}

export const mayManageTrackers = (user: Pick<CurrentUser, 'role'> | null) =>
  user === null || can(user.role, 'trackers:manage')

export function requireMayManage(who: Who, what: string) {
  if (!mayManageTrackers(who.user))
    throw new ForbiddenError(
      what,
      'Only analysts, partnership managers and administrators can change the events, tension, police activity and critical incident trackers.',
      'If something here is wrong or missing, tell your analyst.',
    )
}
