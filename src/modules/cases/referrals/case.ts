import type { LegalBasis, PanelType } from '../panels/schema.ts'
import type { ReferralStatus } from './lifecycle.ts'
import type { Consent, SubjectRole } from './schema.ts'

export interface CaseSubjectLink {
  subjectId: number
  role: SubjectRole
  roleLabel: string
  name: string
}

/** A case in a list: only ever built for someone the policy lets read it. */
export interface CaseSummary {
  id: number
  panelId: number
  panelName: string
  status: ReferralStatus
  statusLabel: string
  referredOn: string
  subjects: CaseSubjectLink[]
}

/** One case, decrypted, as its panel's members (or someone who broke the glass) read it. */
export interface Case extends CaseSummary {
  /** The holding panel's type: which of its own pages (Channel's VAF, MASE's places) the case has. */
  panelType: PanelType
  referringOrganisation: { id: number; name: string }
  referringOfficer: { id: number; name: string }
  reasons: string
  risk: string
  consent: Consent
  consentLabel: string
  /** Recorded when consent was not given: why the information is shared anyway, and on what basis. */
  shareWithoutConsent: { reason: string; legalBasis: LegalBasis; legalBasisLabel: string } | null
  declineReason: string | null
  decidedOn: string | null
  heardOn: string | null
  closedOn: string | null
  /** Whole days from referral to the panel hearing it; null until heard. */
  daysToPanel: number | null
  nextStatuses: readonly ReferralStatus[]
  /** How the reader came to read it. */
  access: 'member' | 'break-glass'
  breakGlassUntil: string | null
  /** Only members change a case: break glass reads. */
  mayChange: boolean
  mayReadAccessLog: boolean
  version: number
}

/** All a person who may not read a case learns of it: that it exists, on which panel, and whom to ask. */
export interface Signpost {
  panelId: number
  panelName: string
  chairName: string
  chairEmail: string
  caseIds: number[]
}
