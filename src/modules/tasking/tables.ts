import type { Generated } from 'kysely'

// The tasking module's tables (migration 0025_tasking), merged into the shared Database type.

export interface TaskingSettingsTable {
  id: number
  police_uk_types: string
  recorded_categories: string
  hotspot_count: number
  updated_at: string
  version: number
}

export interface TaskingMeetingTable {
  id: Generated<number>
  month: string
  meeting_date: string
  area_code: string | null
  area_name: string | null
  chair_person_id: number | null
  status: string
  created_at: string
  updated_at: string
  version: number
}

export interface TaskingAttendeeTable {
  id: Generated<number>
  meeting_id: number
  organisation_id: number
  person_id: number | null
}

export interface TaskingBriefingTable {
  id: Generated<number>
  meeting_id: number
  generated_at: string
  figures: string
}

export interface TaskingCommentaryTable {
  id: Generated<number>
  meeting_id: number
  section: string
  body: string
  updated_at: string
}

export interface TaskingTable {
  id: Generated<number>
  raised_at_meeting_id: number
  organisation_id: number
  officer_person_id: number | null
  place_kind: string
  place_code: string | null
  place_name: string
  latitude: number | null
  longitude: number | null
  action: string
  expected_result: string
  actual_result: string | null
  due_date: string
  status: string
  not_done_reason: string | null
  resolved_at_meeting_id: number | null
  carried_over_at_meeting_id: number | null
  created_at: string
  updated_at: string
  version: number
}

/** A tasking against a risk panel's cohort (migration 0028): the panel, by id. */
export interface TaskingCohortTable {
  id: Generated<number>
  tasking_id: number
  panel_id: number
}

/** The cohort's subjects, by the cases module's id: never a name. */
export interface TaskingCohortSubjectTable {
  id: Generated<number>
  tasking_id: number
  subject_id: number
}

declare module '../../db/types.ts' {
  interface Database {
    tasking_settings: TaskingSettingsTable
    tasking_meetings: TaskingMeetingTable
    tasking_attendees: TaskingAttendeeTable
    tasking_briefings: TaskingBriefingTable
    tasking_commentary: TaskingCommentaryTable
    taskings: TaskingTable
    tasking_cohorts: TaskingCohortTable
    tasking_cohort_subjects: TaskingCohortSubjectTable
  }
}
