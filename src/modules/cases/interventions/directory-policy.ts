import { ForbiddenError } from '../../../shared/errors.ts'
import { isPanelChair, mayManagePanels, type PanelAccess, type Who } from '../policy.ts'

// The interventions directory names no subject (ADR 0036): every signed-in partner reads it, so that
// anyone may find a service to refer to. It is kept by those who set panels up (administrators and
// partnership managers) and by the panels' chairs, who know the services their panels use.

export const mayManageDirectory = (user: Who['user'], panels: readonly PanelAccess[]) =>
  mayManagePanels(user) || panels.some((p) => isPanelChair(user, p))

export function requireMayManageDirectory(who: Who, panels: readonly PanelAccess[], what: string): void {
  if (!mayManageDirectory(who.user, panels))
    throw new ForbiddenError(
      what,
      'Only administrators, partnership managers and the chairs of risk panels keep the interventions directory.',
      'Ask your partnership manager.',
    )
}
