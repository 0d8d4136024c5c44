import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import type { Indicator } from './indicator.ts'

// Who may do what to one indicator. Everyone signed in reads them (they are aggregate figures, no
// one's personal data); the owner organisation's users and partnership managers enter values;
// partnership managers and administrators define indicators. Services ask these before any change.

/** Partnership managers and administrators: they define indicators and may enter any value. */
export const mayDefineIndicators = (user: Pick<CurrentUser, 'role'>) => can(user.role, 'performance:define')

export function mayEnterValues(
  user: Pick<CurrentUser, 'role' | 'organisationId'>,
  indicator: Pick<Indicator, 'ownerOrganisationId' | 'source'>,
): boolean {
  // A computed indicator's values come from the crime store and nowhere else.
  if (indicator.source === 'computed') return false
  if (mayDefineIndicators(user)) return true
  return can(user.role, 'performance:enter') && indicator.ownerOrganisationId === user.organisationId
}

export function requireMayEnterValues(
  user: Pick<CurrentUser, 'role' | 'organisationId'>,
  indicator: Pick<Indicator, 'ownerOrganisationId' | 'source' | 'name'>,
) {
  if (mayEnterValues(user, indicator)) return
  if (indicator.source === 'computed')
    throw new ForbiddenError(
      `enter values for ${indicator.name}`,
      'Its values are counted from Safer’s crime data after each load, not typed in.',
    )
  throw new ForbiddenError(
    `enter values for ${indicator.name}`,
    'Only users of the organisation that owns this indicator, and partnership managers, can enter its values.',
    'If your organisation reports this figure, ask a partnership manager to make it the indicator’s owner.',
  )
}

export function requireMayDefineIndicators(user: Pick<CurrentUser, 'role'>) {
  if (!mayDefineIndicators(user))
    throw new ForbiddenError(
      'define indicators',
      'Only partnership managers and administrators can define indicators and set their targets.',
    )
}
