import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import type { Actor } from '../audit/service.ts'

// Everyone signed in reads the partnership's governance; partnership managers and administrators
// set up boards, schedule meetings and keep the minutes. The services ask before any change.

/** Who acts: the audit log's actor, and the signed-in user (null for the command line and the demo). */
export interface Who {
  actor: Actor
  user: Pick<CurrentUser, 'role'> | null
}

export const mayManageGovernance = (user: Pick<CurrentUser, 'role'> | null) =>
  user === null || can(user.role, 'governance:manage')

export function requireMayManage(who: Who, what: string) {
  if (!mayManageGovernance(who.user))
    throw new ForbiddenError(
      what,
      'Only partnership managers and administrators can change boards, meetings and minutes.',
      'If a record here is wrong, tell your partnership manager.',
    )
}
