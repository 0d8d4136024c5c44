import type { CaseAccess } from '../policy.ts'
import type { MatchedOn } from '../subjects/subject.ts'
import type { DisruptionStatus, DisruptionType, LocationType } from './schema.ts'

export interface MaseLocation {
  id: number
  locationType: LocationType
  locationTypeLabel: string
  place: string
  /** Other cases on the panel linked to the same place. */
  otherCases: number
}

export interface MaseDisruption {
  id: number
  caseId: number
  disruptionType: DisruptionType
  disruptionTypeLabel: string
  detail: string
  ownerOrganisation: { id: number; name: string }
  dueOn: string
  status: DisruptionStatus
  statusLabel: string
  result: string | null
  version: number
}

/** A MASE case's own record, built only for someone the policy let in. */
export interface MaseRecord {
  caseId: number
  panelId: number
  panelName: string
  status: string
  access: CaseAccess['by']
  mayChange: boolean
  children: Array<{ subjectId: number; name: string }>
  personsOfConcern: Array<{ subjectId: number; name: string }>
  locations: MaseLocation[]
  disruptions: MaseDisruption[]
  /** The panel's organisations: who may own a disruption. */
  organisations: Array<{ id: number; name: string }>
}

/** Someone Safer already holds who may be the person of concern: never merged unless a member says so. */
export interface ConcernCandidate {
  subjectId: number
  matchedOn: MatchedOn
  panels: Array<{ panelId: number; panelName: string; chairName: string; chairEmail: string }>
}
