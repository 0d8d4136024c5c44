import { can } from '../../../access/permissions.ts'
import { ForbiddenError, NotFoundError } from '../../../shared/errors.ts'
import type { Panel } from '../panels/panel.ts'
import { isPanelChair, isPanelMember, mayManagePanels, type Who } from '../policy.ts'
import { isSystemReaderFor } from './system-read.ts'

// Who may exercise the rights over case data (docs/adr/0031). Like policy.ts, asked by the services
// before anything is read or changed, so pages and the command line cannot differ.

/**
 * The panels whose closed cases the reader may review for deletion: all of them for an
 * administrator or partnership manager (who set panels up) and the command line's retention
 * reader; a chair, their own. The list shows no content, so this opens none.
 */
export function retentionPanels(who: Who, panels: readonly Panel[]): Panel[] {
  if (isSystemReaderFor(who, 'retention')) return [...panels]
  if (who.user && can(who.user.role, 'cases:view') && mayManagePanels(who.user)) return [...panels]
  // Anyone else on the risk panels sees the cases of the panels they chair: often none.
  if (who.user && can(who.user.role, 'cases:view')) return panels.filter((p) => isPanelChair(who.user, p))
  throw new ForbiddenError(
    'review cases for deletion',
    'Only panel chairs, administrators and partnership managers review closed cases past retention.',
  )
}

export type SubjectAccessBasis = 'chair' | 'data-protection' | 'system'

/**
 * A subject access export: the chair of a panel holding a case naming the subject, or a holder of
 * cases:subject-access (the administrator acting as data protection officer), who need not sit on
 * any panel: a deliberate act, which the service records as such. Null when neither.
 */
export function subjectAccessBasis(who: Who, panelsOfSubject: readonly Panel[]): SubjectAccessBasis | null {
  if (isSystemReaderFor(who, 'subject-access')) return 'system'
  if (!who.user) return null
  if (can(who.user.role, 'cases:view') && panelsOfSubject.some((p) => isPanelChair(who.user, p)))
    return 'chair'
  if (can(who.user.role, 'cases:subject-access')) return 'data-protection'
  return null
}

export function requireSubjectAccess(who: Who, panelsOfSubject: readonly Panel[]): SubjectAccessBasis {
  const basis = subjectAccessBasis(who, panelsOfSubject)
  // Refused like a case read: "not found", which says nothing a search would not.
  if (!basis) throw new NotFoundError('Subject')
  return basis
}

/** Editing or merging a subject is for members of a panel holding one of their cases (break glass reads only). */
export const mayChangeSubject = (who: Who, panelsOfSubject: readonly Panel[]) =>
  who.user !== null &&
  can(who.user.role, 'cases:view') &&
  panelsOfSubject.some((p) => isPanelMember(who.user, p))
