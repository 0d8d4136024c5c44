import type { Executor } from '../../../db/database.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { requireMayChangeCase, type Who } from '../policy.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import { assessDash, DASH_CHECKLIST_VERSION, type DashAnswer, type DashResult } from '../rules/dash.ts'
import { type Assessment, answersOf, bandLabel, type SealedAnswers } from './assessment.ts'
import * as repo from './assessments.repository.ts'
import { type DashInput, dashInput } from './schema.ts'

const ANSWERS = 'assessment.answers'
const JUDGEMENT = 'assessment.judgement'
const REASONS = 'assessment.reasons'

/** The rules' field names, said as the referral's (dash.answers…), so a form shows them beside its own fields. */
function asDash(error: unknown): never {
  if (error instanceof ValidationError)
    throw new ValidationError(
      Object.fromEntries(
        Object.entries(error.fieldErrors).map(([k, v]) => [k.startsWith('dash.') ? k : `dash.${k}`, v]),
      ),
    )
  throw error
}

const answersGiven = (v: DashInput) => v.answers.map((a) => a.trim().toLowerCase()) as DashAnswer[]

function notMarac(panel: Panel): void {
  if (panel.type !== 'marac')
    throw new ValidationError({
      'dash.answers': 'The Dash checklist is for MARAC referrals: this panel is not a MARAC',
    })
}

/** Dash assessments: on a MARAC referral, and again later by the panel's members; repeat found from Safer's own referrals. */
export function createAssessmentsService(ctx: CasesContext, panels: PanelsService) {
  const { db, audit, cipher, now } = ctx

  /** The checklist judged alone, before anything is saved: its answers, incidents and judgement. */
  function precheck(input: DashInput, panel: Panel): void {
    notMarac(panel)
    try {
      assessDash({
        answers: answersGiven(input),
        incidentsLast12Months: input.incidentsLast12Months,
        escalationIncidents: panel.escalationIncidents,
        professionalJudgement: input.professionalJudgement ?? undefined,
      })
    } catch (error) {
      asDash(error)
    }
  }

  /** Works the criteria out with the victim's last MARAC referral, and stores them with the answers. */
  async function store(
    trx: Executor,
    who: Who,
    referral: { id: number; referredOn: string; victimSubjectId: number | null },
    input: DashInput,
    panel: Panel,
  ): Promise<DashResult> {
    const last = referral.victimSubjectId
      ? await repo.lastMaracReferral(trx, referral.victimSubjectId, referral.referredOn, referral.id)
      : undefined
    let result: DashResult
    try {
      result = assessDash({
        answers: answersGiven(input),
        incidentsLast12Months: input.incidentsLast12Months,
        escalationIncidents: panel.escalationIncidents,
        ...(last ? { lastMaracReferral: last.referred_on } : {}),
        referralDate: referral.referredOn,
        professionalJudgement: input.professionalJudgement ?? undefined,
      })
    } catch (error) {
      asDash(error)
    }
    const values = {
      referral_id: referral.id,
      checklist_version: DASH_CHECKLIST_VERSION,
      assessed_on: londonToday(now()),
      assessed_by_user_id: who.user?.id ?? null,
      answers_sealed: cipher.sealJson(ANSWERS, {
        answers: answersGiven(input),
        notes: input.notes,
      } satisfies SealedAnswers),
      yes_count: result.yes,
      band: result.band,
      incidents_12_months: input.incidentsLast12Months ?? null,
      escalation_incidents: panel.escalationIncidents,
      last_referral_id: last?.id ?? null,
      last_referral_on: last?.referred_on ?? null,
      visible_high_risk: Number(result.visibleHighRisk),
      potential_escalation: Number(result.potentialEscalation),
      repeat_marac: Number(result.repeatMarac),
      professional_judgement: Number(result.professionalJudgement),
      refer_to_marac: Number(result.referToMarac),
      judgement_sealed: input.professionalJudgement
        ? cipher.seal(JUDGEMENT, input.professionalJudgement.reason.trim())
        : null,
      reasons_sealed: cipher.sealJson(REASONS, result.reasons),
      created_at: now().toISOString(),
    }
    const id = await repo.insertAssessment(trx, values)
    await audit.record(trx, who.actor, {
      action: 'case.assessment',
      entityType: 'case',
      entityId: referral.id,
      // Sealed fields as written, never their text (ADR 0027).
      after: {
        assessment: id,
        ...values,
        answers_sealed: 'written',
        judgement_sealed: values.judgement_sealed ? 'written' : null,
        reasons_sealed: 'written',
      },
    })
    return result
  }

  async function victimOf(trx: Executor, caseId: number): Promise<number | null> {
    const links = await referralsRepo.subjectsOfReferrals(trx, [caseId])
    return links.find((l) => l.role === 'victim')?.subject_id ?? null
  }

  /** Checks a member may reassess the case: what the form needs, and nothing of the case. */
  async function assessmentForm(who: Who, caseId: number) {
    const row = await referralsRepo.panelOfReferral(db, caseId)
    if (!row) throw new NotFoundError('Case')
    const panel = await panels.getPanel(row.panel_id)
    requireMayChangeCase(who, panel)
    if (!who.user) throw new NotFoundError('Case')
    return {
      caseId,
      panelName: panel.name,
      escalationIncidents: panel.escalationIncidents,
      marac: panel.type === 'marac',
    }
  }

  /** A reassessment by a member, against the same referral date: repeat is a fact of the referral. */
  async function reassess(who: Who, caseId: number, input: unknown): Promise<DashResult> {
    const row = await referralsRepo.findReferral(db, caseId)
    if (!row) throw new NotFoundError('Case')
    const panel = await panels.getPanel(row.panel_id)
    requireMayChangeCase(who, panel)
    if (!who.user) throw new NotFoundError('Case')
    const v = (() => {
      try {
        return parseInput(dashInput, input)
      } catch (error) {
        return asDash(error)
      }
    })()
    precheck(v, panel)
    return db
      .transaction()
      .execute(async (trx) =>
        store(
          trx,
          who,
          { id: caseId, referredOn: row.referred_on, victimSubjectId: await victimOf(trx, caseId) },
          v,
          panel,
        ),
      )
  }

  /** A case's assessments, newest first, opened: called only once the policy let the reader in. */
  async function assessmentsOf(caseId: number): Promise<Assessment[]> {
    return (await repo.assessmentsOf(db, caseId)).map((r) => ({
      id: r.id,
      checklistVersion: r.checklist_version,
      assessedOn: r.assessed_on,
      answers: answersOf(cipher.openJson<SealedAnswers>(ANSWERS, r.answers_sealed)),
      yes: r.yes_count,
      band: r.band as Assessment['band'],
      bandLabel: bandLabel(r.band),
      incidentsLast12Months: r.incidents_12_months,
      escalationIncidents: r.escalation_incidents,
      lastReferral: r.last_referral_on ? { id: r.last_referral_id, on: r.last_referral_on } : null,
      visibleHighRisk: r.visible_high_risk === 1,
      potentialEscalation: r.potential_escalation === 1,
      repeatMarac: r.repeat_marac === 1,
      professionalJudgement: r.judgement_sealed ? cipher.open(JUDGEMENT, r.judgement_sealed) : null,
      referToMarac: r.refer_to_marac === 1,
      reasons: cipher.openJson<string[]>(REASONS, r.reasons_sealed),
    }))
  }

  return { precheck, store, victimOf, assessmentForm, reassess, assessmentsOf }
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>
