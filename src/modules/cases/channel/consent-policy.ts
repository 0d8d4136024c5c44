// Channel is voluntary (Counter-Terrorism and Security Act 2015 s.36(4)(b); Channel Duty Guidance):
// support is given only with the person's consent, or for a child under 18 their parent's or
// guardian's. Consent is recorded with its date and who obtained it; the latest decision is the one
// that stands. Without consent standing, no support may be added: the panel can only close the case
// or refer the person elsewhere (ADR 0039). Pure rules, asked by the Channel service.

import type { FieldErrors } from '../../../shared/errors.ts'

export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number]
export const CONSENT_DECISION_LABELS: Record<ConsentDecision, string> = {
  given: 'Consent given',
  refused: 'Consent refused',
  withdrawn: 'Consent withdrawn',
}

export const CONSENT_GIVERS = ['person', 'parent-guardian'] as const
export type ConsentGiver = (typeof CONSENT_GIVERS)[number]
export const CONSENT_GIVER_LABELS: Record<ConsentGiver, string> = {
  person: 'The person',
  'parent-guardian': 'Their parent or guardian',
}

export interface ConsentDecided {
  id: number
  decision: ConsentDecision
  givenBy: ConsentGiver
  decidedOn: string
}

export type ChannelStep = 'support' | 'close' | 'refer-elsewhere'

/** Whole years of age on a day, from a date of birth (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

/** The decision that stands: the latest by date, the later recorded on the same day. */
export function standingConsent<T extends ConsentDecided>(records: readonly T[]): T | null {
  return (
    [...records].sort((a, b) =>
      a.decidedOn === b.decidedOn ? b.id - a.id : a.decidedOn < b.decidedOn ? 1 : -1,
    )[0] ?? null
  )
}

/** Who must decide: a child's parent or guardian, an adult themselves. Null when the right person decided. */
export function consentProblem(
  decision: Pick<ConsentDecided, 'decision' | 'givenBy' | 'decidedOn'>,
  dateOfBirth: string | null,
): FieldErrors | null {
  if (dateOfBirth === null) return null
  const child = ageOn(dateOfBirth, decision.decidedOn) < 18
  if (child && decision.givenBy !== 'parent-guardian')
    return { givenBy: 'For a child under 18, record the parent’s or guardian’s decision' }
  if (!child && decision.givenBy !== 'person')
    return { givenBy: 'For an adult, record the person’s own decision' }
  return null
}

/** What the panel may do next: support only while consent given stands; closing and referring on always. */
export function channelSteps(standing: Pick<ConsentDecided, 'decision'> | null): ChannelStep[] {
  return standing?.decision === 'given'
    ? ['support', 'close', 'refer-elsewhere']
    : ['close', 'refer-elsewhere']
}

/** A support item may start only once consent is given, and while it still stands. */
export function supportProblem(
  standing: Pick<ConsentDecided, 'decision' | 'decidedOn'> | null,
  startsOn: string,
): FieldErrors | null {
  if (standing?.decision !== 'given')
    return {
      form: 'Channel is voluntary: without consent there is no support package. Close the case or refer the person elsewhere.',
    }
  if (startsOn < standing.decidedOn) return { startsOn: 'Support cannot start before consent was given' }
  return null
}
