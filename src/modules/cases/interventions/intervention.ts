import type { Capacity, EpisodeStage } from './episode-rules.ts'
import type { Ending, InterventionKind, ReasonCode, ReferralOutcome } from './schema.ts'

/** A service in the interventions directory: it names no subject, so every partner may read it. */
export interface Intervention {
  id: number
  name: string
  provider: { id: number; name: string; shortName: string }
  kind: InterventionKind
  kindLabel: string
  description: string
  eligibility: string
  referralRoute: string
  contact: string
  panels: Array<{ id: number; name: string }>
  /** Places, and those held by accepted episodes not yet ended. */
  capacity: Capacity
  /** Referrals awaiting the service's answer. */
  awaiting: number
  version: number
}

/** A subject's episode with a service, opened for someone the need-to-know policy lets read it. */
export interface Episode {
  id: number
  subjectId: number
  panel: { id: number; name: string }
  intervention: { id: number; name: string; kind: InterventionKind; providerName: string }
  referredOn: string
  referralOutcome: ReferralOutcome
  referralOutcomeLabel: string
  outcomeOn: string | null
  reasonCode: ReasonCode | null
  reasonLabel: string | null
  startedOn: string | null
  endedOn: string | null
  ending: Ending | null
  endingLabel: string | null
  stage: EpisodeStage
  stageLabel: string
  notes: string | null
  /** Members of the recording panel change it; break glass reads. */
  mayChange: boolean
  version: number
}

export const STAGE_LABELS: Record<EpisodeStage, string> = {
  referred: 'Referred',
  accepted: 'Accepted, not started',
  started: 'Started',
  ended: 'Ended',
  rejected: 'Rejected',
}
