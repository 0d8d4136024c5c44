import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import { ForbiddenError } from '../../shared/errors.ts'

// Who may do what to one record of a plan. Services ask these before they change anything;
// pages ask them only to decide what to offer.

const UPDATE_DELIVERABLE = {
  action: 'update this deliverable',
  reason: 'Only this deliverable’s named lead or a partnership manager can update it.',
  advice: 'If you lead it, ask your Safer administrator to link your account to your name in the plans.',
}

/**
 * Partnership managers may change any deliverable; a lead only those that name, as a lead, the
 * person their account is linked to. Their own name and email address count for nothing.
 */
export function mayUpdateDeliverable(
  user: CurrentUser,
  deliverable: { leads: ReadonlyArray<{ personId: number }> },
): boolean {
  if (can(user.role, 'plans:manage')) return true
  if (!can(user.role, 'plans:update-own') || user.personId === null) return false
  return deliverable.leads.some((lead) => lead.personId === user.personId)
}

export function requireMayUpdateDeliverable(
  user: CurrentUser,
  deliverable: { leads: ReadonlyArray<{ personId: number }> },
) {
  if (!mayUpdateDeliverable(user, deliverable)) {
    throw new ForbiddenError(UPDATE_DELIVERABLE.action, UPDATE_DELIVERABLE.reason, UPDATE_DELIVERABLE.advice)
  }
}

const CHANGE_PLAN = {
  action: 'change this plan',
  reason:
    'Only partnership managers and administrators can add, move, rename or remove parts of a plan, or change who leads a deliverable.',
}

/** A plan's shape (themes, actions, which deliverables there are, who leads them) is the partnership manager's. */
export function mayChangePlan(user: CurrentUser): boolean {
  return can(user.role, 'plans:manage')
}

export function requireMayChangePlan(user: CurrentUser) {
  if (!mayChangePlan(user)) throw new ForbiddenError(CHANGE_PLAN.action, CHANGE_PLAN.reason)
}
