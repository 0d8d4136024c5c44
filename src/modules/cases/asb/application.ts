import type {
  AsbClock,
  AsbClockDays,
  AsbThresholdResult,
  AsbThresholdRule,
} from '../rules/asb-case-review.ts'

export interface AsbComplaintRecord {
  reportedOn: string
  incidentOn: string | null
  agency: string
  hateIncident: boolean
  household: string | null
}

/** An ASB case review application as the Community MARAC's members read it, decrypted. */
export interface AsbApplication {
  id: number
  panelId: number
  applicant: { subjectId: number; name: string; address: string }
  onBehalfOf: string | null
  receivedOn: string
  location: string
  complaints: AsbComplaintRecord[]
  /** The threshold test on the complaints, with the panel's settings: advice for the decision. */
  threshold: AsbThresholdResult
  clocks: AsbClock[]
  decision: { on: string; thresholdMet: boolean; reason: string } | null
  review: { on: string; recommendations: string } | null
  repeatVictim: boolean
  repeatLocation: boolean
  /** The outcome letter can be made: the threshold is decided not met, or the review has been held. */
  letterReady: boolean
  version: number
}

/** A line of the application tracker. */
export interface AsbTrackerRow {
  id: number
  applicantName: string
  receivedOn: string
  clocks: AsbClock[]
  thresholdMet: boolean | null
  repeatVictim: boolean
  repeatLocation: boolean
}

/** The panel's settings for the review, the rules' defaults where the panel set none. */
export interface AsbSettings {
  threshold: AsbThresholdRule
  clockDays: AsbClockDays
}
