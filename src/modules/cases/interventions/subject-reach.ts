import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import type { CasesContext } from '../context.ts'
import { isPanelMember, type Who } from '../policy.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'

// Need to know for what a panel records about a subject (ADR 0036): an episode or an outcome event
// belongs to the panel that recorded it. It is read by whoever may read one of that panel's cases
// naming the subject (its members, or someone whose break glass on such a case is open), and
// recorded or changed by that panel's members only. The policy itself is policy.ts's, asked through
// the referrals service for each case, so break glass and its expiry are honoured the same way.

export interface SubjectReach {
  subjectId: number
  /** Panels whose records on this subject the user may read, with how. */
  readable: Array<{ id: number; name: string; by: 'member' | 'break-glass'; glassId: number | null }>
  /** Panels the user sits on that hold a case naming the subject: where they may record. */
  recordable: Array<{ id: number; name: string }>
  /** The cases read through. */
  cases: number[]
}

export function subjectReach(ctx: CasesContext, referrals: Pick<ReferralsService, 'caseAccessOf'>) {
  const { db } = ctx

  async function reach(who: Who, subjectId: number): Promise<SubjectReach> {
    const rows = await referralsRepo.referralsOfSubjects(db, [subjectId])
    const readable = new Map<number, SubjectReach['readable'][number]>()
    const recordable = new Map<number, { id: number; name: string }>()
    const cases: number[] = []
    for (const caseId of [...new Set(rows.map((r) => r.referral_id))]) {
      const { panel, granted } = await referrals.caseAccessOf(who, caseId)
      // The system (demo, samples) records for every panel holding the subject, and reads nothing.
      if (who.user === null) recordable.set(panel.id, { id: panel.id, name: panel.name })
      if (!granted) continue
      cases.push(caseId)
      const glassId = granted.by === 'break-glass' ? granted.glass.id : null
      if (!readable.has(panel.id) || granted.by === 'member')
        readable.set(panel.id, { id: panel.id, name: panel.name, by: granted.by, glassId })
      if (isPanelMember(who.user, panel)) recordable.set(panel.id, { id: panel.id, name: panel.name })
    }
    return { subjectId, readable: [...readable.values()], recordable: [...recordable.values()], cases }
  }

  /** The reach of someone who may read the subject; anyone else is told "not found", and it is logged. */
  async function requireReadable(who: Who, subjectId: number): Promise<SubjectReach> {
    const found = await reach(who, subjectId)
    if (found.readable.length === 0) {
      await ctx.audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case-subject',
        entityId: subjectId,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Person')
    }
    return found
  }

  /** The panels someone may record for about a subject; none, and the subject is "not found" to them. */
  async function requireRecordable(who: Who, subjectId: number): Promise<SubjectReach['recordable']> {
    const { recordable } = await reach(who, subjectId)
    if (recordable.length === 0) throw new NotFoundError('Person')
    return recordable
  }

  return { reach, requireReadable, requireRecordable }
}

/** The panel named, if the user may record for it, or else their only one. */
export function recordingPanel(recordable: SubjectReach['recordable'], panelId: number | null): number {
  if (panelId !== null) {
    if (!recordable.some((p) => p.id === panelId))
      throw new ValidationError({ panelId: 'Select one of your panels holding a case naming this person' })
    return panelId
  }
  if (recordable.length > 1) throw new ValidationError({ panelId: 'Select the panel recording it' })
  return (recordable[0] as { id: number }).id
}

export type SubjectReacher = ReturnType<typeof subjectReach>
