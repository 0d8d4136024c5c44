import { NotFoundError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import { CONSENT_DECISION, DECLINE_REASON, REASONS, RISK } from '../referrals/case-reader.ts'
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from '../referrals/lifecycle.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import { CONSENT_LABELS, type Consent, SUBJECT_ROLE_LABELS, type SubjectRole } from '../referrals/schema.ts'
import * as subjectsRepo from '../subjects/subjects.repository.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { CASE_PARTS, type SubjectScope } from './parts.ts'
import * as repo from './rights.repository.ts'
import { subjectAccessBasis } from './rights-policy.ts'
import { subjectAccessInput } from './schema.ts'
import type { ExportedAccess, ExportedReferral, SubjectAccessExport } from './subject-access.ts'

const ACTIONS: Record<string, string> = {
  viewed: 'Viewed',
  'case.create': 'Referred',
  'case.status': 'Changed the status',
  'case.break-glass': 'Broke the glass',
  'case.refused': 'Was refused',
  'case.subject-access': 'Exported for a subject access request',
  'case-subject.update': 'Corrected the details',
  'case-subject.merge': 'Merged records',
  'case-subject.unmerge': 'Undid a merge',
}

/** A subject, the subjects merged into it, their cases, and the panels holding them. */
export async function scopeOf(
  { db }: CasesContext,
  panels: PanelsService,
  id: number,
): Promise<SubjectScope & { panels: Panel[] }> {
  const row = await subjectsRepo.findSubject(db, id)
  if (!row) throw new NotFoundError('Subject')
  const subjectIds = [id, ...(await repo.mergedInto(db, id))]
  const links = await repo.linksOfSubjects(db, subjectIds)
  const caseIds = [...new Set(links.map((l) => l.referral_id))]
  const panelIds = new Set<number>()
  for (const caseId of caseIds) {
    const found = await referralsRepo.panelOfReferral(db, caseId)
    if (found) panelIds.add(found.panel_id)
  }
  return { subjectIds, caseIds, panels: await Promise.all([...panelIds].map((p) => panels.getPanel(p))) }
}

/** The subject access export (ADR 0031): for a panel chair, the data protection officer, or the command line's named reader. */
export function createSubjectAccessService(
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
) {
  const { db, audit, cipher, now } = ctx

  async function referralsOf(subjectIds: readonly number[]): Promise<ExportedReferral[]> {
    const links = await repo.linksOfSubjects(db, subjectIds)
    const out: ExportedReferral[] = []
    for (const link of links) {
      const r = await referralsRepo.findReferral(db, link.referral_id)
      if (!r) continue
      const decision = r.consent_decision_sealed
        ? cipher.openJson<{ reason: string; legalBasis: string }>(CONSENT_DECISION, r.consent_decision_sealed)
        : null
      out.push({
        caseId: r.id,
        panel: r.panel_name,
        role: SUBJECT_ROLE_LABELS[link.role as SubjectRole] ?? link.role,
        status: REFERRAL_STATUS_LABELS[r.status as ReferralStatus] ?? r.status,
        referredOn: r.referred_on,
        decidedOn: r.decided_on,
        heardOn: r.heard_on,
        closedOn: r.closed_on,
        referringOrganisation: r.referring_organisation_name,
        referringOfficer: r.referring_user_name,
        reasons: cipher.open(REASONS, r.reasons_sealed),
        risk: cipher.open(RISK, r.risk_sealed),
        consent: CONSENT_LABELS[r.consent as Consent] ?? r.consent,
        shareWithoutConsent: decision,
        declineReason: r.decline_reason_sealed ? cipher.open(DECLINE_REASON, r.decline_reason_sealed) : null,
      })
    }
    return out
  }

  async function accessLogOf(scope: SubjectScope): Promise<ExportedAccess[]> {
    const about = [
      ...scope.subjectIds.map((id) => ({ entityType: 'case-subject', id, label: `subject ${id}` })),
      ...scope.caseIds.map((id) => ({ entityType: 'case', id, label: `case ${id}` })),
    ]
    const entries: ExportedAccess[] = []
    for (const a of about) {
      const { rows } = await audit.search({ entityType: a.entityType, entityId: String(a.id) }, 1, 1000)
      for (const r of rows)
        entries.push({ at: r.at, who: r.actor, action: ACTIONS[r.action] ?? r.action, about: a.label })
    }
    return entries.sort((x, y) => x.at.localeCompare(y.at))
  }

  async function exportSubject(who: Who, id: number, input: unknown): Promise<SubjectAccessExport> {
    const { request } = parseInput(subjectAccessInput, input)
    const row = await subjectsRepo.findSubject(db, id)
    if (!row) throw new NotFoundError('Subject')
    // A record merged into another is exported as the person it now belongs to.
    const subjectId = row.merged_into_subject_id ?? id
    const scope = await scopeOf(ctx, panels, subjectId)
    const basis = subjectAccessBasis(who, scope.panels)
    if (!basis) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case-subject',
        entityId: subjectId,
        detail: { path: who.via ?? null, wanted: 'subject-access' },
      })
      throw new NotFoundError('Subject')
    }
    // Logged before anything is opened: a data protection officer outside the panel is named as such.
    await audit.log(who.actor, {
      action: 'case.subject-access',
      entityType: 'case-subject',
      entityId: subjectId,
      detail: {
        path: who.via ?? null,
        basis,
        request,
        cases: scope.caseIds,
        ...(basis === 'data-protection' ? { outside_panel: true } : {}),
      },
    })
    const sections = []
    for (const part of CASE_PARTS) sections.push(...((await part.exportSections?.(db, cipher, scope)) ?? []))
    return {
      request,
      generatedAt: now().toISOString(),
      subject: await subjects.read(subjectId),
      mergedRecords: await Promise.all(
        scope.subjectIds.filter((s) => s !== subjectId).map((s) => subjects.read(s)),
      ),
      referrals: await referralsOf(scope.subjectIds),
      sections,
      accessLog: await accessLogOf(scope),
    }
  }

  /** Whether the user may export this subject: for showing the link, opening nothing. */
  async function mayExportSubject(who: Who, id: number): Promise<boolean> {
    const scope = await scopeOf(ctx, panels, id).catch(() => null)
    return scope !== null && subjectAccessBasis(who, scope.panels) !== null
  }

  return { exportSubject, mayExportSubject }
}
