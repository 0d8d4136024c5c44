import { londonToday } from '../../../shared/london-day.ts'
import type { CasesContext } from '../context.ts'
import { DEFAULT_TRANSITION_LEAD_MONTHS, transitionFlag } from '../rules/transition-rules.ts'
import { fullName } from '../subjects/subject.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import type { RiskReview, TransitionDue } from './risk-review.ts'
import {
  OPTION_KIND_LABELS,
  type OptionKind,
  RISK_LEVEL_LABELS,
  RISK_TO_LABELS,
  type RiskLevel,
  type RiskTo,
} from './schema.ts'
import * as settingsRepo from './settings.repository.ts'
import * as repo from './youth.repository.ts'

export const FACTORS = 'risk.factors'
export const PROTECTIVE = 'risk.protective'
export const OPTION = 'risk.option'
export const TO_SERVICE = 'transition.service'
export const NOTE = 'transition.note'

// Family members are never "the young person", whatever their age.
const YOUNG_ROLES = new Set(['victim', 'perpetrator', 'offender', 'child-in-household', 'other'])

/** Reviews, transitions and young people as stored, opened for a reader the service has already let in. */
export function youthReader({ db, cipher, now }: CasesContext, subjects: SubjectsStore) {
  const today = () => londonToday(now())

  async function leadMonths(panelId: number) {
    return (
      (await settingsRepo.findSettings(db, panelId))?.transition_lead_months ?? DEFAULT_TRANSITION_LEAD_MONTHS
    )
  }

  async function reviewsOf(caseId: number): Promise<RiskReview[]> {
    const rows = await repo.reviewsOf(db, caseId)
    const options = await repo.optionsOf(
      db,
      rows.map((r) => r.id),
    )
    return rows.map((r) => {
      const riskTo = JSON.parse(r.risk_to) as RiskTo[]
      return {
        id: r.id,
        reviewedOn: r.reviewed_on,
        riskLevel: r.risk_level as RiskLevel,
        riskLevelLabel: RISK_LEVEL_LABELS[r.risk_level as RiskLevel],
        riskTo,
        riskToLabels: riskTo.map((t) => RISK_TO_LABELS[t]),
        riskFactors: cipher.open(FACTORS, r.risk_factors_sealed),
        protectiveFactors: cipher.open(PROTECTIVE, r.protective_factors_sealed),
        options: options
          .filter((o) => o.review_id === r.id)
          .map((o) => ({
            kind: o.kind as OptionKind,
            kindLabel: OPTION_KIND_LABELS[o.kind as OptionKind],
            option: cipher.open(OPTION, o.option_sealed),
            interventionServiceId: o.intervention_service_id,
          })),
        reviewedBy: r.reviewer_name,
      }
    })
  }

  async function transitionsOf(caseIds: readonly number[]) {
    return (await repo.transitionsOf(db, caseIds)).map((t) => ({
      id: t.id,
      caseId: t.referral_id,
      subjectId: t.subject_id,
      toPanel: t.to_panel_id ? { id: t.to_panel_id, name: t.to_panel_name ?? '' } : null,
      toService: t.to_service_sealed ? cipher.open(TO_SERVICE, t.to_service_sealed) : null,
      transferredOn: t.transferred_on,
      note: t.note_sealed ? cipher.open(NOTE, t.note_sealed) : null,
    }))
  }

  /** The young people of the cases given: each subject under 18 when the case was referred. */
  async function youngPeopleOf(
    rows: Awaited<ReturnType<typeof repo.openCasesWithSubjects>>,
    lead: number,
    moved: ReadonlySet<string>,
  ): Promise<TransitionDue[]> {
    const asOf = today()
    const found: TransitionDue[] = []
    for (const row of rows.filter((r) => YOUNG_ROLES.has(r.role))) {
      const subject = await subjects.read(row.subject_id)
      if (subject.dateOfBirth > asOf) continue
      const flag = transitionFlag(subject.dateOfBirth, asOf, lead)
      if (flag.eighteenthBirthday <= row.referred_on) continue
      found.push({
        caseId: row.referral_id,
        subjectId: row.subject_id,
        name: fullName(subject),
        dateOfBirth: subject.dateOfBirth,
        transitioned: moved.has(`${row.referral_id}:${row.subject_id}`),
        ...flag,
      })
    }
    return found
  }

  return { leadMonths, reviewsOf, transitionsOf, youngPeopleOf }
}
