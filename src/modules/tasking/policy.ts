import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import type { Actor } from '../audit/service.ts'

// Everyone signed in reads the tasking meetings: partners act on them. Analysts write the briefing
// and its commentary; they, partnership managers and administrators schedule meetings and record
// taskings and their outcomes (ADR 0032). The services ask before any change.

/**
 * Who acts: the audit log's actor, and the signed-in user (null for the command line and the demo).
 * The user's id decides whether a cohort is named (membership of its panel); without it, it is not.
 */
export interface Who {
  actor: Actor
  user: (Pick<CurrentUser, 'role'> & Partial<Pick<CurrentUser, 'id'>>) | null
  /** The page or API path read through, recorded with a cohort's read. */
  via?: string
}

export const mayManageTasking = (user: Pick<CurrentUser, 'role'> | null) =>
  user === null || can(user.role, 'tasking:manage')

export function requireMayManage(who: Who, what: string) {
  if (!mayManageTasking(who.user))
    throw new ForbiddenError(
      what,
      'Only analysts, partnership managers and administrators can change tasking meetings and taskings.',
      'If a tasking here is wrong, tell the partnership’s analyst.',
    )
}
