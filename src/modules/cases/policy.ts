import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts'
import type { Actor } from '../audit/service.ts'

// Need to know (docs/adr/0027). Case content is for the members of the panel holding the case, and
// for someone who has broken the glass on that case until it expires; nobody else, whatever their
// role: an administrator sets panels up and manages users, and reads no case unless a member. The
// services ask here before every read and change, so the pages, the API and the command line cannot
// differ; a refused read answers "not found", so it gives away nothing a search would not.

/** Who acts: the audit log's actor, the signed-in user (null for the system: samples, demo), the path read through. */
export interface Who {
  actor: Actor
  user: Pick<CurrentUser, 'id' | 'role'> | null
  /** The page or API path, recorded with each read. */
  via?: string
}

/** What the policy needs to know of a panel. */
export interface PanelAccess {
  chairUserId: number
  memberUserIds: readonly number[]
}

/** A break-glass opening: its user and when it ends (ISO). */
export interface Glass {
  id: number
  userId: number
  expiresAt: string
}

export type CaseAccess = { by: 'member' } | { by: 'break-glass'; glass: Glass }

export const isPanelMember = (user: Who['user'], panel: PanelAccess): boolean =>
  user !== null && (panel.chairUserId === user.id || panel.memberUserIds.includes(user.id))

export const isPanelChair = (user: Who['user'], panel: PanelAccess): boolean =>
  user !== null && panel.chairUserId === user.id

/** An open break-glass opening of the user's on this case at `now`, if any. */
export function openGlass(user: Who['user'], glasses: readonly Glass[], now: Date): Glass | undefined {
  if (!user) return undefined
  return glasses.find((g) => g.userId === user.id && Date.parse(g.expiresAt) > now.getTime())
}

/** How the user may read a case, or null: membership first, then an unexpired break glass. */
export function caseAccess(
  user: Who['user'],
  panel: PanelAccess,
  glasses: readonly Glass[],
  now: Date,
): CaseAccess | null {
  if (!user || !can(user.role, 'cases:view')) return null
  if (isPanelMember(user, panel)) return { by: 'member' }
  const glass = openGlass(user, glasses, now)
  return glass ? { by: 'break-glass', glass } : null
}

export function requireCaseAccess(
  user: Who['user'],
  panel: PanelAccess,
  glasses: readonly Glass[],
  now: Date,
): CaseAccess {
  const access = caseAccess(user, panel, glasses, now)
  if (!access) throw new NotFoundError('Case')
  return access
}

/** Changing a case (accepting, declining, recording it heard, closing) is for the panel's members only: break glass reads. */
export function requireMayChangeCase(who: Who, panel: PanelAccess): void {
  if (who.user === null) return
  if (!can(who.user.role, 'cases:view') || !isPanelMember(who.user, panel)) throw new NotFoundError('Case')
}

/** The access log ("who viewed this") is the chair's. */
export const mayReadAccessLog = (user: Who['user'], panel: PanelAccess) => isPanelChair(user, panel)

export const mayManagePanels = (user: Who['user']) => user === null || can(user.role, 'cases:manage-panels')

export function requireMayManagePanels(who: Who, what: string): void {
  if (!mayManagePanels(who.user))
    throw new ForbiddenError(
      what,
      'Only administrators and partnership managers set up risk panels.',
      'Ask your partnership manager.',
    )
}

/** Referring a case, and breaking the glass, are for practitioners: not an administrator, whose job is the accounts. */
export const mayRefer = (user: Who['user']) => user === null || can(user.role, 'cases:refer')

export function requireMayRefer(who: Who, what: string): void {
  if (!mayRefer(who.user))
    throw new ForbiddenError(
      what,
      'Only practitioners (caseworkers, leads and partnership managers) can do this.',
    )
}

/** Break glass is for someone who may refer and is not already a member (a member needs none). */
export function requireMayBreakGlass(who: Who, panel: PanelAccess): void {
  requireMayRefer(who, 'open a case by break glass')
  if (who.user === null || isPanelMember(who.user, panel))
    throw new ForbiddenError(
      'open a case by break glass',
      'You are a member of the panel holding this case, so you can read it already.',
    )
}

/** Meetings, actions and the SafeLives return are the panel's own: its members alone, never the system, never break glass. */
export function requirePanelMember(who: Who, panel: PanelAccess, what = 'Meeting'): void {
  if (!who.user || !can(who.user.role, 'cases:view') || !isPanelMember(who.user, panel))
    throw new NotFoundError(what)
}
