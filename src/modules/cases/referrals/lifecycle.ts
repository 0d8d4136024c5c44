// A referral's life: submitted → accepted or declined (with a reason) → heard at a panel meeting → closed.
// Pure rules, asked by the referrals service before every move.

export const REFERRAL_STATUSES = ['submitted', 'accepted', 'declined', 'heard', 'closed'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  submitted: 'Submitted',
  accepted: 'Accepted',
  declined: 'Declined',
  heard: 'Heard at panel',
  closed: 'Closed',
}

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  submitted: ['accepted', 'declined'],
  accepted: ['heard'],
  declined: [],
  heard: ['closed'],
  closed: [],
}

export const nextStatuses = (from: ReferralStatus): readonly ReferralStatus[] => NEXT[from]

export interface Move {
  to: ReferralStatus
  /** Why it was declined: required for a decline, ignored otherwise. */
  reason?: string | null
  /** The day of the move, YYYY-MM-DD. */
  on: string
}

/** What is wrong with a move, by field, or null when it may be made. */
export function moveProblem(
  from: ReferralStatus,
  referredOn: string,
  move: Move,
): Record<string, string> | null {
  if (!NEXT[from].includes(move.to)) {
    const allowed = NEXT[from].map((s) => REFERRAL_STATUS_LABELS[s].toLowerCase())
    return {
      status: allowed.length
        ? `A ${REFERRAL_STATUS_LABELS[from].toLowerCase()} referral can only be ${allowed.join(' or ')}`
        : `A ${REFERRAL_STATUS_LABELS[from].toLowerCase()} referral cannot be moved on`,
    }
  }
  if (move.to === 'declined' && !move.reason?.trim()) return { reason: 'Say why the referral is declined' }
  if (move.on < referredOn) return { on: 'The date cannot be before the referral was made' }
  return null
}

/** Whole days from referral to the panel hearing it; null until it is heard. */
export function daysToPanel(referredOn: string, heardOn: string | null): number | null {
  if (!heardOn) return null
  return Math.round((Date.parse(`${heardOn}T00:00:00Z`) - Date.parse(`${referredOn}T00:00:00Z`)) / 86_400_000)
}
