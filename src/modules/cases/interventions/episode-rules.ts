import type { FieldErrors } from '../../../shared/errors.ts'
import type { Ending, ReasonCode, ReferralOutcome } from './schema.ts'

// An intervention episode's rules (ADR 0036). A subject is referred to a service; the service answers
// (accepted, rejected, or done once the work is over, as Primero records referrals between services);
// an accepted referral starts, and ends completed, disengaged or declined. What did not succeed
// carries a reason code. Only an accepted, unended episode holds one of the service's places.

export interface EpisodeState {
  referredOn: string
  referralOutcome: ReferralOutcome
  outcomeOn: string | null
  reasonCode: ReasonCode | null
  startedOn: string | null
  endedOn: string | null
  ending: Ending | null
}

/** The problems with an episode's state on `today`, by field; empty when it holds together. */
export function episodeProblems(e: EpisodeState, today: string): FieldErrors {
  const errors: FieldErrors = {}
  const notFuture = (field: keyof EpisodeState, value: string | null) => {
    if (value && value > today) errors[field] = 'The date cannot be in the future'
  }
  notFuture('referredOn', e.referredOn)
  notFuture('outcomeOn', e.outcomeOn)
  notFuture('startedOn', e.startedOn)
  notFuture('endedOn', e.endedOn)
  if (e.outcomeOn && e.outcomeOn < e.referredOn)
    errors.outcomeOn ??= 'The answer cannot come before the referral'
  if (e.referralOutcome !== 'pending' && !e.outcomeOn) errors.outcomeOn ??= 'Enter the day of the answer'
  if (e.referralOutcome === 'pending' && e.outcomeOn)
    errors.outcomeOn ??= 'A referral awaiting an answer has no day of answer'

  if (e.referralOutcome === 'rejected') {
    if (!e.reasonCode) errors.reasonCode = 'Select why the referral was rejected'
    if (e.startedOn) errors.startedOn ??= 'A rejected referral does not start'
    if (e.endedOn || e.ending) errors.endedOn ??= 'A rejected referral does not end: it never started'
    return errors
  }
  if (e.startedOn) {
    if (e.referralOutcome === 'pending') errors.startedOn ??= 'Record the service’s answer before the start'
    if (e.startedOn < e.referredOn) errors.startedOn ??= 'It cannot start before the referral'
    else if (e.outcomeOn && e.startedOn < e.outcomeOn)
      errors.startedOn ??= 'It cannot start before the service accepted it'
  }
  if (Boolean(e.endedOn) !== Boolean(e.ending))
    errors[e.endedOn ? 'ending' : 'endedOn'] ??= e.endedOn ? 'Select how it ended' : 'Enter the day it ended'
  if (e.endedOn) {
    // Someone may decline before starting; completing or disengaging needs a start.
    if (!e.startedOn && e.ending !== 'declined')
      errors.endedOn ??= 'Only a declined episode can end before it starts: enter the start'
    if (e.startedOn && e.endedOn < e.startedOn) errors.endedOn ??= 'It cannot end before it started'
    if (e.endedOn < e.referredOn) errors.endedOn ??= 'It cannot end before the referral'
  }
  if ((e.ending === 'disengaged' || e.ending === 'declined') && !e.reasonCode)
    errors.reasonCode ??= 'Select why it did not succeed'
  if (e.ending === 'completed' && e.reasonCode)
    errors.reasonCode ??= 'A completed episode needs no reason: leave it blank'
  if (e.referralOutcome === 'done' && !e.endedOn)
    errors.referralOutcome ??= 'A referral is done once the episode has ended: enter the end'
  if (e.endedOn && e.referralOutcome === 'pending')
    errors.referralOutcome ??= 'Record the service’s answer before the end'
  return errors
}

/** The service's answer once the episode has ended is "done": the referral between services is over. */
export const settledOutcome = (e: EpisodeState): ReferralOutcome =>
  e.endedOn && e.referralOutcome === 'accepted' ? 'done' : e.referralOutcome

/** Holds one of the service's places: accepted and not yet ended. */
export const holdsPlace = (e: Pick<EpisodeState, 'referralOutcome' | 'endedOn'>): boolean =>
  e.referralOutcome === 'accepted' && !e.endedOn

export type EpisodeStage = 'referred' | 'accepted' | 'started' | 'ended' | 'rejected'

export function episodeStage(e: EpisodeState): EpisodeStage {
  if (e.referralOutcome === 'rejected') return 'rejected'
  if (e.endedOn) return 'ended'
  if (e.startedOn) return 'started'
  return e.referralOutcome === 'accepted' ? 'accepted' : 'referred'
}

export interface Capacity {
  /** Null where the service sets no limit. */
  places: number | null
  inUse: number
  /** Places free now (never below 0); null where there is no limit. */
  free: number | null
  /** More accepted than it has places for. */
  over: boolean
}

export function capacity(places: number | null, inUse: number): Capacity {
  return {
    places,
    inUse,
    free: places === null ? null : Math.max(0, places - inUse),
    over: places !== null && inUse > places,
  }
}
