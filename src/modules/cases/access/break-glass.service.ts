import { NotFoundError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { mayReadAccessLog, requireMayBreakGlass, type Who } from '../policy.ts'
import { breakGlassInput } from '../referrals/schema.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import * as repo from './break-glass.repository.ts'

const REASON = 'break-glass.reason'

export interface BreakGlassAlert {
  id: number
  caseId: number
  panelId: number
  panelName: string
  openedBy: string
  organisationName: string
  openedAt: string
  expiresAt: string
  reason: string
}

export interface AccessLogEntry {
  at: string
  who: string
  action: string
  /** "member" or "break-glass" for a read; null for anything else. */
  access: string | null
}

const ACTIONS: Record<string, string> = {
  viewed: 'Viewed',
  'case.create': 'Referred',
  'case.status': 'Changed the status',
  'case.break-glass': 'Broke the glass',
  'case.refused': 'Was refused',
  'case.assessment': 'Added a Dash assessment',
  'case.meeting.read': 'Read at a panel meeting',
  'case.discussion': 'Recorded the panel’s discussion',
  'case.safety-plan': 'Changed the safety plan',
  'case.action': 'Agreed an action',
  'case.action.update': 'Updated an action',
  'case.actions.read': 'Read in my case actions',
}

/** Break glass: a written reason, a time limit, an audit entry and the chair told at once. */
export function createBreakGlassService(ctx: CasesContext, panels: PanelsService) {
  const { db, audit, cipher, users, now, breakGlassHours, notifyChair } = ctx

  async function breakGlass(
    who: Who,
    caseId: number,
    input: unknown,
  ): Promise<{ id: number; expiresAt: string }> {
    const { reason } = parseInput(breakGlassInput, input)
    const found = await referralsRepo.panelOfReferral(db, caseId)
    if (!found) throw new NotFoundError('Case')
    const panel = await panels.getPanel(found.panel_id)
    requireMayBreakGlass(who, panel)
    const user = await users.get((who.user as { id: number }).id)
    const opened = now()
    const expiresAt = new Date(opened.getTime() + breakGlassHours * 3_600_000).toISOString()
    const id = await db.transaction().execute(async (trx) => {
      const glass = await repo.insertGlass(trx, {
        referral_id: caseId,
        user_id: user.id,
        reason_sealed: cipher.seal(REASON, reason),
        opened_at: opened.toISOString(),
        expires_at: expiresAt,
      })
      await audit.record(trx, who.actor, {
        action: 'case.break-glass',
        entityType: 'case',
        entityId: caseId,
        after: { break_glass: glass, panel_id: panel.id, expires_at: expiresAt, reason: 'written' },
      })
      return glass
    })
    // The panel page and home flag it whatever happens to the e-mail; a mail server that is down
    // must not stop someone reading a case in an emergency.
    await notifyChair({
      chairName: panel.chair.name,
      chairEmail: panel.chair.email,
      panelName: panel.name,
      caseId,
      openedBy: `${user.name} (${user.organisationName})`,
      expiresAt,
    }).catch(() => undefined)
    return { id, expiresAt }
  }

  /** Break glass on the panels the user chairs that they have not yet marked seen. */
  async function alertsFor(user: Who['user']): Promise<BreakGlassAlert[]> {
    if (!user) return []
    return (await repo.unseenForChair(db, user.id)).map((g) => ({
      id: g.id,
      caseId: g.referral_id,
      panelId: g.panel_id,
      panelName: g.panel_name,
      openedBy: g.user_name,
      organisationName: g.organisation_name,
      openedAt: g.opened_at,
      expiresAt: g.expires_at,
      reason: cipher.open(REASON, g.reason_sealed),
    }))
  }

  async function markSeen(who: Who, glassId: number): Promise<void> {
    const glass = await repo.findGlass(db, glassId)
    if (!glass || !who.user || glass.chair_user_id !== who.user.id) throw new NotFoundError('Break glass')
    if (glass.seen_by_chair_at) return
    await db.transaction().execute(async (trx) => {
      await repo.markSeen(trx, glassId, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.break-glass.seen',
        entityType: 'case-break-glass',
        entityId: glassId,
      })
    })
  }

  /** "Who viewed this, when": the chair's alone. */
  async function accessLog(who: Who, caseId: number): Promise<AccessLogEntry[]> {
    const found = await referralsRepo.panelOfReferral(db, caseId)
    if (!found || !mayReadAccessLog(who.user, await panels.getPanel(found.panel_id)))
      throw new NotFoundError('Access log')
    const { rows } = await audit.search({ entityType: 'case', entityId: String(caseId) }, 1, 500)
    return rows.map((r) => {
      const detail = JSON.parse(r.detail) as { access?: string }
      return { at: r.at, who: r.actor, action: ACTIONS[r.action] ?? r.action, access: detail.access ?? null }
    })
  }

  return { breakGlass, breakGlassAlerts: alertsFor, markBreakGlassSeen: markSeen, accessLog }
}
