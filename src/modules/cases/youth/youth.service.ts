import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { isPanelChair, requireMayChangeCase, requirePanelMember, type Who } from '../policy.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import type { RiskRecord, YoungPerson } from './risk-review.ts'
import {
  RISK_LEVEL_LABELS,
  type RiskLevel,
  riskReviewInput,
  transitionInput,
  YOUTH_PANEL_TYPES,
  youthSettingsInput,
} from './schema.ts'
import * as settingsRepo from './settings.repository.ts'
import * as repo from './youth.repository.ts'
import { FACTORS, NOTE, OPTION, PROTECTIVE, TO_SERVICE, youthReader } from './youth-reader.ts'

const isYouthPanel = (panel: Panel) => (YOUTH_PANEL_TYPES as readonly string[]).includes(panel.type)

/**
 * The youth Risk Management Panel's and the knife crime panel's work on a case: the shared risk level
 * with its factors and agreed options, and the young people's transition to adult services. Reads
 * go through the case's own need to know (break glass honoured); changes are the members'.
 */
export function createYouthService(
  ctx: CasesContext,
  panels: PanelsService,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
  subjects: SubjectsStore,
) {
  const { db, audit, cipher, now } = ctx
  const today = () => londonToday(now())
  const { leadMonths, reviewsOf, transitionsOf, youngPeopleOf } = youthReader(ctx, subjects)

  /** The case's panel, if the reader may read the case and it is a youth panel's; "not found" otherwise. */
  async function readable(who: Who, caseId: number) {
    const { panel, granted } = await referrals.caseAccessOf(who, caseId)
    if (!granted || !isYouthPanel(panel)) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case',
        entityId: caseId,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Case')
    }
    return { panel, granted }
  }

  async function changeable(who: Who, caseId: number) {
    const { panel } = await referrals.caseAccessOf(who, caseId)
    requireMayChangeCase(who, panel)
    if (!isYouthPanel(panel)) throw new NotFoundError('Case')
    return panel
  }

  async function riskRecord(who: Who, caseId: number): Promise<RiskRecord> {
    const { panel, granted } = await readable(who, caseId)
    const reviews = await reviewsOf(caseId)
    const lead = await leadMonths(panel.id)
    const transitions = await transitionsOf([caseId])
    const moved = new Set(transitions.map((t) => `${t.caseId}:${t.subjectId}`))
    const rows = (await repo.openCasesWithSubjects(db, [panel.id])).filter((r) => r.referral_id === caseId)
    const youngPeople: YoungPerson[] = (await youngPeopleOf(rows, lead, moved)).map(
      ({ caseId: _, ...p }) => p,
    )
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case',
      entityId: caseId,
      detail: {
        path: who.via ?? null,
        access: granted.by,
        ...(granted.by === 'break-glass' ? { break_glass: granted.glass.id } : {}),
      },
    })
    return {
      caseId,
      panelId: panel.id,
      panelName: panel.name,
      current: reviews[0] ?? null,
      reviews,
      youngPeople,
      transitions,
      leadMonths: lead,
      mayChange: granted.by === 'member',
      access: granted.by,
    }
  }

  async function addRiskReview(who: Who, caseId: number, input: unknown): Promise<number> {
    await changeable(who, caseId)
    const v = parseInput(riskReviewInput, input)
    if (v.reviewedOn > today())
      throw new ValidationError({ reviewedOn: 'The review date cannot be in the future' })
    // An option may name a service from the interventions directory: only one that is there.
    const named = v.options.flatMap((o) => (o.interventionServiceId ? [o.interventionServiceId] : []))
    const known = await repo.knownInterventions(db, named)
    const unknown = v.options.findIndex((o) => o.interventionServiceId && !known.has(o.interventionServiceId))
    if (unknown >= 0)
      throw new ValidationError({
        [`options.${unknown}.interventionServiceId`]: 'Select a service from the interventions directory',
      })
    const values: repo.RiskReviewValues = {
      referral_id: caseId,
      reviewed_on: v.reviewedOn,
      risk_level: v.riskLevel,
      risk_to: JSON.stringify([...new Set(v.riskTo)]),
      risk_factors_sealed: cipher.seal(FACTORS, v.riskFactors),
      protective_factors_sealed: cipher.seal(PROTECTIVE, v.protectiveFactors),
      reviewed_by_user_id: who.user?.id ?? null,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertReview(
        trx,
        values,
        v.options.map((o) => ({
          kind: o.kind,
          option_sealed: cipher.seal(OPTION, o.option),
          intervention_service_id: o.interventionServiceId,
        })),
        now().toISOString(),
      )
      await audit.record(trx, who.actor, {
        action: 'case.risk-review',
        entityType: 'case',
        entityId: caseId,
        after: {
          review: id,
          reviewed_on: v.reviewedOn,
          risk_level: v.riskLevel,
          risk_to: values.risk_to,
          risk_factors_sealed: 'written',
          protective_factors_sealed: 'written',
          options: v.options.map((o) => ({ kind: o.kind, intervention_service_id: o.interventionServiceId })),
        },
      })
      return id
    })
  }

  async function recordTransition(who: Who, caseId: number, input: unknown): Promise<number> {
    await changeable(who, caseId)
    const v = parseInput(transitionInput, input)
    const errors: Record<string, string> = {}
    if (!v.toPanelId && !v.toService) errors.toService = 'Select the adult panel or name the adult service'
    if (v.transferredOn > today()) errors.transferredOn = 'The date cannot be in the future'
    const subjectsOfCase = (
      await repo.openCasesWithSubjects(db, [(await referrals.caseAccessOf(who, caseId)).panel.id])
    )
      .filter((r) => r.referral_id === caseId)
      .map((r) => r.subject_id)
    if (!subjectsOfCase.includes(v.subjectId)) errors.subjectId = 'Select a young person named on this case'
    if (v.toPanelId) {
      const to = await panels.getPanel(v.toPanelId).catch(() => null)
      if (!to || isYouthPanel(to)) errors.toPanelId = 'Select an adult panel from the list'
    }
    if (Object.keys(errors).length) throw new ValidationError(errors)
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertTransition(
        trx,
        {
          referral_id: caseId,
          subject_id: v.subjectId,
          to_panel_id: v.toPanelId,
          to_service_sealed: v.toService ? cipher.seal(TO_SERVICE, v.toService) : null,
          transferred_on: v.transferredOn,
          note_sealed: v.note ? cipher.seal(NOTE, v.note) : null,
          recorded_by_user_id: who.user?.id ?? null,
        },
        now().toISOString(),
      )
      await audit.record(trx, who.actor, {
        action: 'case.transition',
        entityType: 'case',
        entityId: caseId,
        after: {
          transition: id,
          subject_id: v.subjectId,
          to_panel_id: v.toPanelId,
          to_service_sealed: v.toService ? 'written' : null,
          transferred_on: v.transferredOn,
          note_sealed: v.note ? 'written' : null,
        },
      })
      return id
    })
  }

  /** The youth panel's page: its open cases' risk levels and the young people due to move on. Members only. */
  async function youthBoard(who: Who, panelId: number) {
    const panel = await panels.getPanel(panelId)
    requirePanelMember(who, panel, 'Panel')
    if (!isYouthPanel(panel)) throw new NotFoundError('Panel')
    const lead = await leadMonths(panelId)
    const rows = await repo.openCasesWithSubjects(db, [panelId])
    const caseIds = [...new Set(rows.map((r) => r.referral_id))]
    const moved = new Set((await transitionsOf(caseIds)).map((t) => `${t.caseId}:${t.subjectId}`))
    const people = await youngPeopleOf(rows, lead, moved)
    const levels = await repo.latestLevels(db, caseIds)
    const cases = caseIds.map((id) => ({
      id,
      names: people.filter((p) => p.caseId === id).map((p) => p.name),
      riskLevel: levels.get(id)?.level ?? null,
      riskLevelLabel: levels.has(id) ? RISK_LEVEL_LABELS[levels.get(id)?.level as RiskLevel] : null,
      reviewedOn: levels.get(id)?.on ?? null,
    }))
    const due = people
      .filter((p) => p.flagged && !p.transitioned)
      .sort((a, b) => a.eighteenthBirthday.localeCompare(b.eighteenthBirthday) || a.subjectId - b.subjectId)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'cases',
      detail: { path: who.via ?? null, panels: [panelId], cases: caseIds },
    })
    return { panel, leadMonths: lead, cases, transitionsDue: due, mayConfigure: mayConfigure(who, panel) }
  }

  const mayConfigure = (who: Who, panel: Panel) => isPanelChair(who.user, panel)

  async function setTransitionLead(who: Who, panelId: number, input: unknown): Promise<void> {
    const panel = await panels.getPanel(panelId)
    requirePanelMember(who, panel, 'Panel')
    if (!isYouthPanel(panel)) throw new NotFoundError('Panel')
    if (!isPanelChair(who.user, panel))
      throw new ValidationError({ transitionLeadMonths: 'Only the panel’s chair sets the transition lead' })
    const v = parseInput(youthSettingsInput, input)
    const before = await leadMonths(panelId)
    await db.transaction().execute(async (trx) => {
      await settingsRepo.saveSettings(
        trx,
        panelId,
        { transition_lead_months: v.transitionLeadMonths },
        now().toISOString(),
      )
      await audit.record(trx, who.actor, {
        action: 'case-panel.transition-lead',
        entityType: 'case-panel',
        entityId: panelId,
        before: { transition_lead_months: before },
        after: { transition_lead_months: v.transitionLeadMonths },
      })
    })
  }

  /** How many young people on the youth panels the user chairs are due to move on: a count for home, naming no one. */
  async function transitionsDueCount(
    user: Who['user'],
  ): Promise<Array<{ panelId: number; panelName: string; due: number }>> {
    if (!user) return []
    const chaired = (await panels.listPanels()).filter((p) => isYouthPanel(p) && isPanelChair(user, p))
    const counts = []
    for (const panel of chaired) {
      const rows = await repo.openCasesWithSubjects(db, [panel.id])
      const caseIds = [...new Set(rows.map((r) => r.referral_id))]
      const moved = new Set((await transitionsOf(caseIds)).map((t) => `${t.caseId}:${t.subjectId}`))
      const due = (await youngPeopleOf(rows, await leadMonths(panel.id), moved)).filter(
        (p) => p.flagged && !p.transitioned,
      ).length
      if (due) counts.push({ panelId: panel.id, panelName: panel.name, due })
    }
    return counts
  }

  return { riskRecord, addRiskReview, recordTransition, youthBoard, setTransitionLead, transitionsDueCount }
}

export type YouthService = ReturnType<typeof createYouthService>
