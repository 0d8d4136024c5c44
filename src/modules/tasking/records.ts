import type { BriefingFigures } from './briefing/model.ts'
import type { Agenda } from './agenda.ts'
import type { TaskingStatus } from './rules/carry-over.ts'
import type { TaskingMeetingStatus } from './rules/meeting-status.ts'
import type { CommentarySection, PlaceKind } from './schema.ts'

// The tasking module's domain objects, and the one mapper for each from its row.

export interface TaskingSettings {
  policeUkTypes: string[]
  recordedCategories: string[]
  hotspotCount: number
  version: number
}

/** The serious violence definition's crime types by default (ADR 0032), in each source's words. */
export const DEFAULT_SETTINGS: TaskingSettings = {
  policeUkTypes: ['Violence and sexual offences', 'Robbery', 'Possession of weapons'],
  recordedCategories: ['VIOLENCE AGAINST THE PERSON', 'SEXUAL OFFENCES', 'ROBBERY', 'POSSESSION OF WEAPONS'],
  hotspotCount: 5,
  version: 0,
}

export interface TaskingMeetingSummary {
  id: number
  month: string
  meetingDate: string
  areaCode: string | null
  areaName: string | null
  chairPersonId: number | null
  chairName: string | null
  status: TaskingMeetingStatus
  briefingGeneratedAt: string | null
  taskingsRaised: number
  version: number
}

export interface Attendee {
  id: number
  organisationId: number
  organisationName: string
  personId: number | null
  personName: string | null
}

export interface Place {
  kind: PlaceKind
  code: string | null
  name: string
  latitude: number | null
  longitude: number | null
}

export interface Tasking {
  id: number
  raisedAtMeetingId: number
  raisedMonth: string
  organisationId: number
  organisationName: string
  officerPersonId: number | null
  officerName: string | null
  place: Place
  action: string
  expectedResult: string
  actualResult: string | null
  dueDate: string
  status: TaskingStatus
  notDoneReason: string | null
  resolvedAtMeetingId: number | null
  carriedOverAtMeetingId: number | null
  /** Against a risk panel's cohort: its ids, and the people as this viewer may see them (cohorts.ts). */
  cohort: TaskingCohort | null
  version: number
}

export interface TaskingCohort {
  panelId: number
  subjectIds: number[]
  /** Labelled for the viewer by the cases service; null where no viewer asked (or no risk panels). */
  members: Array<{ subjectId: number; label: string; held: boolean }> | null
  /** True when the labels are names: the viewer sits on the panel. */
  named: boolean
}

/** A tasking in a line, for other modules: no person named. */
export interface TaskingHeadline {
  id: number
  meetingId: number
  month: string
  title: string
}

const PLACE_WORDS = {
  lsoa: 'LSOA',
  ward: 'Ward',
  street: 'Street',
  point: 'Point',
  cohort: 'Cohort of',
} as const

/** Where a tasking is, in words: a cohort by its panel's name alone. */
export function placeWords(p: Place): string {
  if (p.kind === 'point') return `${p.name} (${p.latitude?.toFixed(5)}, ${p.longitude?.toFixed(5)})`
  if (p.kind === 'cohort') return `Cohort of ${p.name}`
  return `${PLACE_WORDS[p.kind]}: ${p.name}${p.code ? ` (${p.code})` : ''}`
}

export interface Briefing {
  generatedAt: string
  figures: BriefingFigures
}

export interface TaskingMeeting extends TaskingMeetingSummary, Agenda {
  attendees: Attendee[]
  briefing: Briefing | null
  commentary: Partial<Record<CommentarySection, string>>
  /** Raised at this meeting. */
  taskings: Tasking[]
  /** Raised at earlier meetings and reviewed at this one (carry-over, ADR 0032). */
  forReview: Tasking[]
  nextStatuses: TaskingMeetingStatus[]
}

export interface MeetingRow {
  id: number
  month: string
  meeting_date: string
  area_code: string | null
  area_name: string | null
  chair_person_id: number | null
  chair_name: string | null
  status: string
  briefing_generated_at: string | null
  taskings_raised: number | string | bigint
  version: number
}

export const toMeetingSummary = (r: MeetingRow): TaskingMeetingSummary => ({
  id: r.id,
  month: r.month,
  meetingDate: r.meeting_date,
  areaCode: r.area_code,
  areaName: r.area_name,
  chairPersonId: r.chair_person_id,
  chairName: r.chair_name,
  status: r.status as TaskingMeetingStatus,
  briefingGeneratedAt: r.briefing_generated_at,
  taskingsRaised: Number(r.taskings_raised),
  version: r.version,
})

export interface TaskingRow {
  id: number
  raised_at_meeting_id: number
  raised_month: string
  organisation_id: number
  organisation_name: string
  officer_person_id: number | null
  officer_name: string | null
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
  version: number
}

/** A tasking from its row; its cohort, if any, is added by the taskings service. */
export const toTasking = (r: TaskingRow): Tasking => ({
  id: r.id,
  raisedAtMeetingId: r.raised_at_meeting_id,
  raisedMonth: r.raised_month,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  officerPersonId: r.officer_person_id,
  officerName: r.officer_name,
  place: {
    kind: r.place_kind as PlaceKind,
    code: r.place_code,
    name: r.place_name,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
  },
  action: r.action,
  expectedResult: r.expected_result,
  actualResult: r.actual_result,
  dueDate: r.due_date,
  status: r.status as TaskingStatus,
  notDoneReason: r.not_done_reason,
  resolvedAtMeetingId: r.resolved_at_meeting_id,
  carriedOverAtMeetingId: r.carried_over_at_meeting_id,
  cohort: null,
  version: r.version,
})
