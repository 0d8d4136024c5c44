import type { CaseAccess } from '../policy.ts'
import type { VafChange, VafCounts, VafDimension, VafStatus } from '../rules/vaf-factors.ts'
import type { ChannelStep, ConsentDecision, ConsentGiver } from './consent-policy.ts'
import type { SupportType } from './schema.ts'

/** One VAF assessment, opened: every factor's status and note, and the counts per dimension. */
export interface VafAssessmentRead {
  id: number
  assessedOn: string
  ratings: Array<{
    factorId: string
    dimension: VafDimension
    name: string
    status: VafStatus
    note: string | null
  }>
  counts: Record<VafDimension, VafCounts>
}

export interface ConsentRead {
  id: number
  decision: ConsentDecision
  decisionLabel: string
  givenBy: ConsentGiver
  givenByLabel: string
  decidedOn: string
  obtainedBy: string
  note: string | null
}

export interface SupportRead {
  id: number
  supportType: SupportType
  supportTypeLabel: string
  provider: string
  startsOn: string
  endsOn: string | null
}

/** A Channel case's own record, built only for someone the policy let in. */
export interface ChannelRecord {
  caseId: number
  panelId: number
  panelName: string
  status: string
  access: CaseAccess['by']
  mayChange: boolean
  assessments: VafAssessmentRead[]
  /** Per assessment in date order, factors present per dimension: the chart's and table's rows. */
  series: Array<{ assessedOn: string; present: Record<VafDimension, number> }>
  /** Between the last two assessments; null with fewer than two. */
  change: VafChange | null
  consents: ConsentRead[]
  standingConsent: ConsentRead | null
  steps: ChannelStep[]
  support: SupportRead[]
}
