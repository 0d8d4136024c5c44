import type { Executor } from '../../../db/database.ts'
import { channelMasePart } from '../channel/rights-part.ts'
import { interventionsPart } from '../interventions/rights-part.ts'
import { iomPart } from '../iom/rights-part.ts'
import { maracWorkPart } from '../meetings/rights-part.ts'
import type { FieldCipher } from '../protection/field-cipher.ts'
import type { CaseKey } from '../protection/keys.ts'
import { youthAsbPart } from '../youth/rights-part.ts'

// The seam by which each part of the case system (referrals and subjects here; meetings, DASH,
// actions and safety plans beside them) takes part in the rights: which columns it seals, what it
// adds to a subject access export, and what it deletes with a case under retention. A part adds
// itself to CASE_PARTS; key rotation, the export and retention deletion go through the list, and a
// test checks every *_sealed column in the database is named by some part.

/** One sealed column: the purpose is the additional data it was sealed with. */
export interface SealedField {
  table: string
  column: string
  purpose: string
}

/** A block of a subject access export: a title and rows of label → value, decrypted. */
export interface ExportSection {
  title: string
  rows: Array<Record<string, string | number | null>>
}

export interface SubjectScope {
  /** The subject and any subject merged into it. */
  subjectIds: readonly number[]
  /** The cases naming them. */
  caseIds: readonly number[]
}

export interface CasePart {
  name: string
  sealed: readonly SealedField[]
  /** What this part holds about the subject, for the export (decrypted). */
  exportSections?(db: Executor, cipher: FieldCipher, scope: SubjectScope): Promise<ExportSection[]>
  /** Delete this part's rows of a case, before the case's own rows go (retention). */
  deleteCase?(trx: Executor, caseId: number): Promise<void>
  /** Delete this part's rows about people no case names any more, before they go (retention). */
  deleteSubjects?(trx: Executor, subjectIds: readonly number[]): Promise<void>
  /** Recompute this part's keyed indexes under the current key (key rotation); the number changed. */
  reindex?(trx: Executor, cipher: FieldCipher, key: CaseKey): Promise<number>
}

const core: CasePart = {
  name: 'referrals and subjects',
  sealed: [
    { table: 'case_subjects', column: 'identity_sealed', purpose: 'subject.identity' },
    { table: 'case_subjects', column: 'profile_sealed', purpose: 'subject.profile' },
    { table: 'case_subject_aliases', column: 'name_sealed', purpose: 'subject.alias' },
    { table: 'case_subject_addresses', column: 'address_sealed', purpose: 'subject.address' },
    { table: 'case_referrals', column: 'reasons_sealed', purpose: 'referral.reasons' },
    { table: 'case_referrals', column: 'risk_sealed', purpose: 'referral.risk' },
    { table: 'case_referrals', column: 'consent_decision_sealed', purpose: 'referral.consent-decision' },
    { table: 'case_referrals', column: 'decline_reason_sealed', purpose: 'referral.decline-reason' },
    { table: 'case_break_glass', column: 'reason_sealed', purpose: 'break-glass.reason' },
    { table: 'case_subject_merges', column: 'reason_sealed', purpose: 'subject-merge.reason' },
  ],
}

/** Every part of the case system. Meetings, DASH, actions and safety plans add theirs here. */
export const CASE_PARTS: CasePart[] = [
  core,
  maracWorkPart,
  interventionsPart,
  iomPart,
  channelMasePart,
  youthAsbPart,
]
