import type { Generated } from 'kysely'

// The trackers' tables (migration 0026_trackers), merged into the shared Database type.

interface PlaceColumns {
  place_kind: string
  place_code: string | null
  place_name: string
  latitude: number | null
  longitude: number | null
}

interface Stamps {
  created_at: string
  updated_at: string
  version: number
}

export interface TrackerEventTable extends PlaceColumns, Stamps {
  id: Generated<number>
  title: string
  event_type: string
  starts_on: string
  ends_on: string | null
  risk_level: string
  description: string | null
  plan: string | null
  outcome: string | null
}

export interface TrackerEventPartnerTable {
  id: Generated<number>
  event_id: number
  organisation_id: number
}

export interface TensionAssessmentTable extends Stamps {
  id: Generated<number>
  area_kind: string
  area_code: string | null
  area_name: string
  assessed_on: string
  level: number
  summary: string | null
  actions: string | null
}

export interface TensionIndicatorTable {
  id: Generated<number>
  assessment_id: number
  indicator: string
  level: number
  note: string | null
}

export interface TensionContributionTable {
  id: Generated<number>
  assessment_id: number
  organisation_id: number
  note: string
}

export interface PoliceActivityTable extends PlaceColumns, Stamps {
  id: Generated<number>
  activity_on: string
  tactic: string
  operation: string | null
  weapons_recovered: number | null
  result_note: string | null
}

export interface PoliceActivityPartnerTable {
  id: Generated<number>
  activity_id: number
  organisation_id: number
}

export interface CriticalIncidentTable extends PlaceColumns, Stamps {
  id: Generated<number>
  title: string
  occurred_on: string
  summary: string | null
  status: string
  closed_on: string | null
}

export interface CriticalIncidentChecklistTable {
  id: Generated<number>
  incident_id: number
  item: string
  position: number
  done_by: string | null
  done_on: string | null
  note: string | null
}

export interface CriticalIncidentTimelineTable {
  id: Generated<number>
  incident_id: number
  at: string
  entry: string
}

export interface CriticalIncidentLinkTable {
  id: Generated<number>
  incident_id: number
  assessment_id: number | null
  tasking_id: number | null
}

declare module '../../db/types.ts' {
  interface Database {
    tracker_events: TrackerEventTable
    tracker_event_partners: TrackerEventPartnerTable
    tension_assessments: TensionAssessmentTable
    tension_indicators: TensionIndicatorTable
    tension_contributions: TensionContributionTable
    police_activities: PoliceActivityTable
    police_activity_partners: PoliceActivityPartnerTable
    critical_incidents: CriticalIncidentTable
    critical_incident_checklist: CriticalIncidentChecklistTable
    critical_incident_timeline: CriticalIncidentTimelineTable
    critical_incident_links: CriticalIncidentLinkTable
  }
}
