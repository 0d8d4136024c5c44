import type { Generated } from 'kysely'

// The governance module's tables (migration 0016_governance), merged into the shared Database type.

export interface BoardTable {
  id: Generated<number>
  name: string
  purpose: string
  terms_of_reference: string | null
  terms_review_date: string | null
  frequency: string
  quorum: number
  chair_person_id: number | null
  vice_chair_person_id: number | null
  standing_items: string
  created_at: string
  updated_at: string
  version: number
}

export interface BoardReportingLineTable {
  id: Generated<number>
  board_id: number
  reports_to_board_id: number
}

export interface BoardMemberTable {
  id: Generated<number>
  board_id: number
  person_id: number
  organisation_id: number | null
  role: string
  voting: number
  from_date: string | null
  to_date: string | null
}

export interface MeetingTable {
  id: Generated<number>
  board_id: number
  starts_at: string
  place: string | null
  link: string | null
  status: string
  created_at: string
  updated_at: string
  version: number
}

export interface MeetingAttendanceTable {
  id: Generated<number>
  meeting_id: number
  person_id: number
  attendance: string
  substitute_for_person_id: number | null
}

export interface AgendaItemTable {
  id: Generated<number>
  meeting_id: number
  number: number
  title: string
  kind: string
  presenter_person_id: number | null
  exempt: number
  exempt_reason: string | null
  discussion: string | null
}

export interface ResolutionTable {
  id: Generated<number>
  agenda_item_id: number
  number: string
  position: number
  text: string
}

export interface ActionArisingTable {
  id: Generated<number>
  agenda_item_id: number
  description: string
  owner_person_id: number | null
  owner_organisation_id: number | null
  due_date: string | null
  status: string
  closed_on: string | null
  created_at: string
  updated_at: string
  version: number
}

declare module '../../db/types.ts' {
  interface Database {
    boards: BoardTable
    board_reporting_lines: BoardReportingLineTable
    board_members: BoardMemberTable
    meetings: MeetingTable
    meeting_attendance: MeetingAttendanceTable
    agenda_items: AgendaItemTable
    resolutions: ResolutionTable
    actions_arising: ActionArisingTable
  }
}
