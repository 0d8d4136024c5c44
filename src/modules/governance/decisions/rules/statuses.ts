// A decision's status, as ModernGov pages show it ("Decision status: Recommendations Approved").

export const DECISION_STATUS_LABELS = {
  'for-determination': 'For Determination',
  approved: 'Approved',
  'recommendations-approved': 'Recommendations Approved',
  deferred: 'Deferred',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  noted: 'Noted',
  'called-in': 'Called In',
} as const

export type DecisionStatus = keyof typeof DECISION_STATUS_LABELS
export const DECISION_STATUSES = Object.keys(DECISION_STATUS_LABELS) as [DecisionStatus, ...DecisionStatus[]]

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '')

/** The status a page's wording names ("Recommendations approved", "APPROVED"), or null for none known. */
export function decisionStatusOf(text: string): DecisionStatus | null {
  const wanted = squash(text)
  for (const [status, label] of Object.entries(DECISION_STATUS_LABELS))
    if (squash(label) === wanted) return status as DecisionStatus
  if (['agreed', 'decisionmade', 'resolved', 'adopted'].includes(wanted)) return 'approved'
  return null
}
