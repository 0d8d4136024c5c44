import type { TransitionFlag } from '../rules/transition-rules.ts'
import type { OptionKind, RiskLevel, RiskTo } from './schema.ts'

/** An option agreed at a review: free text now, a directory service when one is named. */
export interface RiskOption {
  kind: OptionKind
  kindLabel: string
  option: string
  interventionServiceId: number | null
}

/** One review of the shared risk, decrypted for a reader the policy let in. */
export interface RiskReview {
  id: number
  reviewedOn: string
  riskLevel: RiskLevel
  riskLevelLabel: string
  riskTo: RiskTo[]
  riskToLabels: string[]
  riskFactors: string
  protectiveFactors: string
  options: RiskOption[]
  reviewedBy: string | null
}

export interface Transition {
  id: number
  subjectId: number
  toPanel: { id: number; name: string } | null
  toService: string | null
  transferredOn: string
  note: string | null
}

/** A young person named on a youth case: under 18 when referred. */
export interface YoungPerson extends TransitionFlag {
  subjectId: number
  name: string
  dateOfBirth: string
  /** Recorded as moved on to adult services. */
  transitioned: boolean
}

/** A youth or knife crime case's risk record: the reviews, latest first, and its young people. */
export interface RiskRecord {
  caseId: number
  panelId: number
  panelName: string
  current: RiskReview | null
  reviews: RiskReview[]
  youngPeople: YoungPerson[]
  transitions: Transition[]
  leadMonths: number
  mayChange: boolean
  access: 'member' | 'break-glass'
}

/** A young person due to move on, as the youth panel's page lists them. */
export interface TransitionDue extends YoungPerson {
  caseId: number
}
