import type { CasesContext } from '../context.ts'
import { LEGAL_BASIS_LABELS, type LegalBasis } from '../panels/schema.ts'
import type { Panel } from '../panels/panel.ts'
import { type CaseAccess, isPanelMember, mayReadAccessLog, type Who } from '../policy.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { fullName } from '../subjects/subject.ts'
import type { Case, CaseSummary } from './case.ts'
import { daysToPanel, nextStatuses, REFERRAL_STATUS_LABELS, type ReferralStatus } from './lifecycle.ts'
import type { ReferralRow } from './referrals.repository.ts'
import * as repo from './referrals.repository.ts'
import { CONSENT_LABELS, type Consent, SUBJECT_ROLE_LABELS, type SubjectRole } from './schema.ts'

export const REASONS = 'referral.reasons'
export const RISK = 'referral.risk'
export const CONSENT_DECISION = 'referral.consent-decision'
export const DECLINE_REASON = 'referral.decline-reason'

// Turns stored referrals into cases, opening the sealed fields. Called only after the policy said yes.
export function caseReader({ db, cipher }: CasesContext, subjects: SubjectsStore) {
  async function summaries(rows: ReferralRow[]): Promise<CaseSummary[]> {
    const links = await repo.subjectsOfReferrals(
      db,
      rows.map((r) => r.id),
    )
    const names = new Map<number, string>()
    for (const l of links)
      if (!names.has(l.subject_id)) names.set(l.subject_id, fullName(await subjects.nameOf(l.subject_id)))
    return rows.map((r) => ({
      id: r.id,
      panelId: r.panel_id,
      panelName: r.panel_name,
      status: r.status as ReferralStatus,
      statusLabel: REFERRAL_STATUS_LABELS[r.status as ReferralStatus],
      referredOn: r.referred_on,
      subjects: links
        .filter((l) => l.referral_id === r.id)
        .map((l) => ({
          subjectId: l.subject_id,
          role: l.role as SubjectRole,
          roleLabel: SUBJECT_ROLE_LABELS[l.role as SubjectRole],
          name: names.get(l.subject_id) ?? '',
        })),
    }))
  }

  async function full(row: ReferralRow, panel: Panel, access: CaseAccess, who: Who): Promise<Case> {
    const [summary] = await summaries([row])
    const decision = row.consent_decision_sealed
      ? cipher.openJson<{ reason: string; legalBasis: LegalBasis }>(
          CONSENT_DECISION,
          row.consent_decision_sealed,
        )
      : null
    const member = isPanelMember(who.user, panel)
    return {
      ...(summary as CaseSummary),
      panelType: panel.type,
      referringOrganisation: { id: row.referring_organisation_id, name: row.referring_organisation_name },
      referringOfficer: { id: row.referring_user_id, name: row.referring_user_name },
      reasons: cipher.open(REASONS, row.reasons_sealed),
      risk: cipher.open(RISK, row.risk_sealed),
      consent: row.consent as Consent,
      consentLabel: CONSENT_LABELS[row.consent as Consent],
      shareWithoutConsent: decision && {
        ...decision,
        legalBasisLabel: LEGAL_BASIS_LABELS[decision.legalBasis],
      },
      declineReason: row.decline_reason_sealed
        ? cipher.open(DECLINE_REASON, row.decline_reason_sealed)
        : null,
      decidedOn: row.decided_on,
      heardOn: row.heard_on,
      closedOn: row.closed_on,
      daysToPanel: daysToPanel(row.referred_on, row.heard_on),
      nextStatuses: member ? nextStatuses(row.status as ReferralStatus) : [],
      access: access.by,
      breakGlassUntil: access.by === 'break-glass' ? access.glass.expiresAt : null,
      mayChange: member,
      mayReadAccessLog: mayReadAccessLog(who.user, panel),
      version: row.version,
    }
  }

  return { summaries, full }
}
