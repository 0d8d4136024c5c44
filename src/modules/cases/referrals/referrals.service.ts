import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import * as glassRepo from '../access/break-glass.repository.ts'
import type { AssessmentsService } from '../assessments/assessments.service.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Panel } from '../panels/panel.ts'
import { caseAccess, isPanelMember, requireMayChangeCase, requireMayRefer, type Who } from '../policy.ts'
import type { DashResult } from '../rules/dash.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import type { Candidate } from '../subjects/subject.ts'
import type { Case, CaseSummary, Signpost } from './case.ts'
import { CONSENT_DECISION, caseReader, DECLINE_REASON, REASONS, RISK } from './case-reader.ts'
import { moveProblem } from './lifecycle.ts'
import * as repo from './referrals.repository.ts'
import { moveInput, type ReferralInput, referralInput } from './schema.ts'

export interface SubjectMatches {
  /** The subject's place on the referral, from 0. */
  index: number
  candidates: Array<Candidate & { panels: Omit<Signpost, 'caseIds'>[] }>
}

const STALE = 'Someone else changed this case after you opened it. Reload it, then try again.'

/** Referrals: made with their subjects matched (never merged silently), read and moved on under need to know. */
export function createReferralsService(
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
  assessments?: Pick<AssessmentsService, 'precheck' | 'store'>,
) {
  const { db, audit, cipher, users, now } = ctx
  const reader = caseReader(ctx, subjects)
  const today = () => londonToday(now())

  /** Whether and how the user may read a case; an unknown case and a refused one alike are "not found". */
  async function access(who: Who, id: number) {
    const found = await repo.panelOfReferral(db, id)
    if (!found) throw new NotFoundError('Case')
    const panel = await panels.getPanel(found.panel_id)
    const glasses = (await glassRepo.glassesOfReferral(db, id)).map((g) => ({
      id: g.id,
      userId: g.user_id,
      expiresAt: g.expires_at,
    }))
    return { panel, glasses, granted: caseAccess(who.user, panel, glasses, now()) }
  }

  async function prepare(who: Who, input: unknown): Promise<{ v: ReferralInput; panel: Panel }> {
    requireMayRefer(who, 'refer a case')
    const v = parseInput(referralInput, input)
    const errors: FieldErrors = {}
    v.subjects.forEach((s, i) => {
      if (s.dateOfBirth > today())
        errors[`subjects.${i}.dateOfBirth`] = 'The date of birth must be in the past'
      if (s.dateOfBirth < '1900-01-01')
        errors[`subjects.${i}.dateOfBirth`] = 'The date of birth must be after 1900'
    })
    if (v.referredOn && v.referredOn > today())
      errors.referredOn = 'The referral date cannot be in the future'
    const panel = await panels.getPanel(v.panelId).catch((error) => {
      if (error instanceof NotFoundError) errors.panelId = 'Select the panel to refer to'
      else throw error
    })
    if (Object.keys(errors).length || !panel) throw new ValidationError(errors)
    if (v.dash && assessments) assessments.precheck(v.dash, panel)
    return { v, panel }
  }

  async function matchesOf(v: ReferralInput): Promise<SubjectMatches[]> {
    return Promise.all(
      v.subjects.map(async (s, index) => {
        const candidates = await subjects.candidates(s)
        const rows = await repo.referralsOfSubjects(
          db,
          candidates.map((c) => c.subjectId),
        )
        return {
          index,
          candidates: candidates.map((c) => ({
            ...c,
            panels: [
              ...new Map(
                rows.filter((r) => r.subject_id === c.subjectId).map((r) => [r.panel_id, r]),
              ).values(),
            ].map((r) => ({
              panelId: r.panel_id,
              panelName: r.panel_name,
              chairName: r.chair_name,
              chairEmail: r.chair_email,
            })),
          })),
        }
      }),
    )
  }

  /** Step one of a referral: checks it and finds the people Safer may already hold, for the referrer to confirm or reject. */
  async function checkReferral(who: Who, input: unknown): Promise<SubjectMatches[]> {
    const { v } = await prepare(who, input)
    const matches = await matchesOf(v)
    // Matching is a search of the subjects: audited by blind index, never by name.
    await audit.log(who.actor, {
      action: 'case.match',
      entityType: 'case-subject',
      detail: {
        path: who.via ?? null,
        searched: v.subjects.map((s) => subjects.indexes(s).surname_dob_index),
        candidates: matches.reduce((n, m) => n + m.candidates.length, 0),
      },
    })
    return matches
  }

  /**
   * Step two: every candidate shown must be answered; a confirmed one is linked, otherwise a new
   * subject is made. A MARAC referral's Dash is worked out with the victim's last MARAC referral,
   * which only now, with the victim known, can be found; the result is the referrer's to see.
   */
  async function refer(who: Who, input: unknown): Promise<{ id: number; dash: DashResult | null }> {
    const { v, panel } = await prepare(who, input)
    const matches = await matchesOf(v)
    const errors: FieldErrors = {}
    const linked: Array<number | null> = matches.map(({ index, candidates }) => {
      const answers = (v.subjects[index] as ReferralInput['subjects'][number]).matches
      if (candidates.some((c) => !answers[String(c.subjectId)]))
        errors[`subjects.${index}.matches`] =
          'Say whether each person Safer already holds is this person or not'
      const same = candidates.filter((c) => answers[String(c.subjectId)] === 'same')
      if (same.length > 1)
        errors[`subjects.${index}.matches`] = 'Choose at most one person as the same person'
      return same[0]?.subjectId ?? null
    })
    const chosen = linked.filter((id) => id !== null)
    if (new Set(chosen).size !== chosen.length)
      errors.subjects = 'Two people on the referral are the same person'
    if (Object.keys(errors).length) throw new ValidationError(errors)
    const referrerId = who.user?.id ?? v.referringUserId
    if (!referrerId) throw new ValidationError({ referringUserId: 'Select the referring officer' })
    const referrer = await users.get(referrerId)
    const at = now().toISOString()
    return db.transaction().execute(async (trx) => {
      const values: repo.ReferralValues = {
        panel_id: panel.id,
        referring_organisation_id: referrer.organisationId,
        referring_user_id: referrer.id,
        status: 'submitted',
        referred_on: v.referredOn ?? today(),
        reasons_sealed: cipher.seal(REASONS, v.reasons),
        risk_sealed: cipher.seal(RISK, v.risk),
        consent: v.consent,
        consent_decision_sealed:
          v.consent === 'given'
            ? null
            : cipher.sealJson(CONSENT_DECISION, {
                reason: v.shareWithoutConsentReason,
                legalBasis: v.shareWithoutConsentBasis,
              }),
      }
      const id = await repo.insertReferral(trx, values, at)
      const named: Array<{ subject_id: number; role: string; new: boolean }> = []
      for (const [i, s] of v.subjects.entries()) {
        const existing = linked[i] ?? null
        const subjectId = existing ?? (await subjects.create(trx, s))
        await repo.insertReferralSubject(trx, id, subjectId, s.role)
        named.push({ subject_id: subjectId, role: s.role, new: existing === null })
        for (const c of matches[i]?.candidates ?? [])
          await repo.insertMatchDecision(trx, {
            referral_id: id,
            candidate_subject_id: c.subjectId,
            subject_id: subjectId,
            decision: s.matches[String(c.subjectId)] === 'same' ? 'confirmed' : 'rejected',
            matched_on: c.matchedOn,
            decided_by_user_id: who.user?.id ?? null,
            decided_at: at,
          })
      }
      await audit.record(trx, who.actor, {
        action: 'case.create',
        entityType: 'case',
        entityId: id,
        // Sealed fields are recorded as written, never their text (ADR 0027).
        after: {
          ...values,
          reasons_sealed: 'written',
          risk_sealed: 'written',
          consent_decision_sealed: values.consent_decision_sealed ? 'written' : null,
          subjects: named,
        },
      })
      const dash =
        v.dash && assessments
          ? await assessments.store(
              trx,
              who,
              {
                id,
                referredOn: values.referred_on,
                victimSubjectId: named.find((n) => n.role === 'victim')?.subject_id ?? null,
              },
              v.dash,
              panel,
            )
          : null
      return { id, dash }
    })
  }

  async function getCase(who: Who, id: number): Promise<Case> {
    const { panel, granted } = await access(who, id)
    if (!granted) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case',
        entityId: id,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Case')
    }
    const row = await repo.findReferral(db, id)
    if (!row) throw new NotFoundError('Case')
    const found = await reader.full(row, panel, granted, who)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case',
      entityId: id,
      detail: {
        path: who.via ?? null,
        access: granted.by,
        ...(granted.by === 'break-glass' ? { break_glass: granted.glass.id } : {}),
      },
    })
    return found
  }

  /** The cases of the panels the user sits on: break glass opens one case, never a list. */
  async function listCases(who: Who, filter: { panelId?: number } = {}): Promise<CaseSummary[]> {
    const mine = (await panels.listPanels()).filter(
      (p) => isPanelMember(who.user, p) && (filter.panelId === undefined || p.id === filter.panelId),
    )
    const rows = await repo.listReferrals(
      db,
      mine.map((p) => p.id),
    )
    const list = who.user ? await reader.summaries(rows) : []
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'cases',
      detail: { path: who.via ?? null, panels: mine.map((p) => p.id), cases: list.map((c) => c.id) },
    })
    return list
  }

  async function moveCase(who: Who, id: number, input: unknown): Promise<void> {
    const v = parseInput(moveInput, input)
    const row = await repo.findReferral(db, id)
    if (!row) throw new NotFoundError('Case')
    requireMayChangeCase(who, await panels.getPanel(row.panel_id))
    const on = v.on ?? today()
    const problem = moveProblem(row.status as Parameters<typeof moveProblem>[0], row.referred_on, {
      to: v.status,
      reason: v.reason,
      on,
    })
    if (problem) throw new ValidationError(problem)
    if (on > today()) throw new ValidationError({ on: 'The date cannot be in the future' })
    const dated = {
      accepted: 'decided_on',
      declined: 'decided_on',
      heard: 'heard_on',
      closed: 'closed_on',
    } as const
    const changes = {
      status: v.status,
      ...(v.status === 'submitted' ? {} : { [dated[v.status]]: on }),
      ...(v.status === 'declined'
        ? { decline_reason_sealed: cipher.seal(DECLINE_REASON, v.reason ?? '') }
        : {}),
    }
    await db.transaction().execute(async (trx) => {
      if (!(await repo.moveReferral(trx, id, row.version, changes, now().toISOString())))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: 'case.status',
        entityType: 'case',
        entityId: id,
        before: { status: row.status },
        after: { ...changes, ...(changes.decline_reason_sealed ? { decline_reason_sealed: 'changed' } : {}) },
      })
    })
  }

  return {
    caseAccessOf: access,
    /** The subject ids a case names, and nothing of them: for wiring records together, not for reading. */
    caseSubjects: async (id: number) => (await repo.subjectsOfReferrals(db, [id])).map((s) => s.subject_id),
    checkReferral,
    refer,
    submitReferral: async (who: Who, input: unknown): Promise<number> => (await refer(who, input)).id,
    getCase,
    listCases,
    moveCase,
    /** For the panel meetings: a case heard on a day. */
    markHeard: (who: Who, id: number, on: string) => moveCase(who, id, { status: 'heard', on }),
  }
}

export type ReferralsService = ReturnType<typeof createReferralsService>
