import type {
  DeselectionReason,
  IomCohort,
  IomPathway,
  NeedLevel,
  ProgressState,
} from '../rules/iom-cohorts.ts'
import type { IomOffence, IomScore } from '../rules/iom-score.ts'
import type { OffenceRow } from './iom.repository.ts'

/** The purpose each sealed IOM field is sealed for: a value opens only as what it was sealed as. */
export const SEALED = {
  source: 'iom.offence-source',
  decision: 'iom.decision-reason',
  selection: 'iom.selection-reason',
  deselection: 'iom.deselection-note',
  pathway: 'iom.pathway-note',
} as const

export const toIomOffence = (row: OffenceRow): IomOffence => ({
  date: row.offence_date,
  group: row.offence_group,
  ...(row.home_office_code ? { homeOfficeCode: row.home_office_code } : {}),
})

export interface RecordedOffence extends IomOffence {
  id: number
  groupLabel: string
  sourceNote: string | null
}

export interface CandidateDecision {
  id: number
  decision: 'accepted' | 'rejected'
  decidedOn: string
  score: number
  reason: string
}

export interface CohortMembership {
  id: number
  cohort: IomCohort
  cohortLabel: string
  selectedOn: string
  selectionReason: string
  eligibility: string
  deselectedOn: string | null
  deselectionReason: DeselectionReason | null
  deselectionReasonLabel: string | null
  deselectionNote: string | null
  /** Whole days from selection to today, or to de-selection. */
  daysOnCohort: number
  version: number
}

export interface PathwayRecord {
  pathway: IomPathway
  label: string
  need: NeedLevel
  progress: ProgressState | null
  reviewedOn: string
  note: string | null
}

/** A person as the IOM panel sees them: only ever built for someone the policy lets read it. */
export interface IomSubjectRecord {
  panelId: number
  panelName: string
  subjectId: number
  name: string
  score: IomScore
  offences: RecordedOffence[]
  decisions: CandidateDecision[]
  memberships: CohortMembership[]
  current: CohortMembership | null
  pathways: PathwayRecord[]
  access: 'member' | 'break-glass'
  mayChange: boolean
}

export interface IomCandidateEntry {
  rank: number
  subjectId: number
  name: string
  score: IomScore
  /** The panel's latest decision on the person, if any. */
  decision: CandidateDecision | null
}

export interface CohortBoardEntry {
  subjectId: number
  name: string
  membership: CohortMembership
  score: IomScore
  pathways: PathwayRecord[]
}

export interface CohortBoard {
  panelId: number
  panelName: string
  asOf: string
  cohorts: Array<{ cohort: IomCohort; label: string; people: CohortBoardEntry[] }>
  candidates: IomCandidateEntry[]
  /** Rejected, with no offence recorded since: off the candidates list until something changes. */
  rejected: IomCandidateEntry[]
}
