import type { Address, PersonName, Subject } from '../subjects/subject.ts'
import type { ExportSection } from './parts.ts'

/** One referral naming the subject, as the subject access export gives it: the subject's role, not the others'. */
export interface ExportedReferral {
  caseId: number
  panel: string
  role: string
  status: string
  referredOn: string
  decidedOn: string | null
  heardOn: string | null
  closedOn: string | null
  referringOrganisation: string
  referringOfficer: string
  reasons: string
  risk: string
  consent: string
  shareWithoutConsent: { reason: string; legalBasis: string } | null
  declineReason: string | null
}

export interface ExportedAccess {
  at: string
  who: string
  action: string
  /** "subject 12" or "case 40". */
  about: string
}

/** Everything held about one person (docs/operator-guide.md gives the shape). */
export interface SubjectAccessExport {
  request: string
  generatedAt: string
  subject: Subject
  /** Records merged into this one (the same person, confirmed): their details as they were held. */
  mergedRecords: Subject[]
  referrals: ExportedReferral[]
  /** What other parts of the case system hold (assessments, meeting notes, actions, safety plans). */
  sections: ExportSection[]
  accessLog: ExportedAccess[]
}

export const nameText = (n: PersonName) => `${n.forename} ${n.surname}`
export const addressText = (a: Address) =>
  [a.address, a.from || a.to ? `(${a.from ?? '?'} to ${a.to ?? 'now'})` : ''].filter(Boolean).join(' ')
