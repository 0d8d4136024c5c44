import type { CaseAction } from '../actions/case-action.ts'
import type { CaseSubjectLink } from '../referrals/case.ts'
import type { ReferralStatus } from '../referrals/lifecycle.ts'
import type { MeetingKind } from './schema.ts'

export interface MeetingSummary {
  id: number
  panelId: number
  meetsOn: string
  cases: number
}

/** One case on a meeting's list, as the panel's members read it. */
export interface MeetingItem {
  caseId: number
  kind: MeetingKind
  kindLabel: string
  status: ReferralStatus
  statusLabel: string
  referredOn: string
  daysToPanel: number | null
  subjects: CaseSubjectLink[]
  discussion: string | null
  discussedAt: string | null
  nextReviewOn: string | null
  safetyPlan: string | null
  actions: CaseAction[]
}

export interface Meeting {
  id: number
  panelId: number
  panelName: string
  meetsOn: string
  attendees: Array<{ id: number; name: string }>
  items: MeetingItem[]
  /** Whom an action may be given to: the panel's organisations and its members. */
  owners: {
    organisations: Array<{ id: number; name: string }>
    members: Array<{ id: number; name: string; organisationName: string }>
  }
}

/** A case's meetings, for its page. */
export interface CaseMeeting {
  meetingId: number
  meetsOn: string
  kind: MeetingKind
  kindLabel: string
  discussion: string | null
  discussedAt: string | null
  nextReviewOn: string | null
}
