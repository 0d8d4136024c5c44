import type { CaseAction } from '../actions/case-action.ts'
import type { Assessment } from '../assessments/assessment.ts'
import type { CaseMeeting } from './meeting.ts'

/** What the panel has done with a case since its referral: shown on its page beside the referral. */
export interface CaseRecord {
  assessments: Assessment[]
  meetings: CaseMeeting[]
  actions: CaseAction[]
  safetyPlan: string | null
}
