import type { Selectable } from 'kysely'
import { type Trend, trendOf } from './rules/trend.ts'
import type {
  CriticalIncidentTable,
  PoliceActivityTable,
  TensionAssessmentTable,
  TrackerEventTable,
} from './tables.ts'
import type { ChecklistItem, EventType, Indicator, PlaceKind, RiskLevel, Tactic } from './words.ts'

// The trackers' domain objects and the one mapper for each: no row reaches a page or the API.

export interface Place {
  kind: PlaceKind
  /** The ward's or LSOA's ONS code; null for a point or words. */
  code: string | null
  name: string
  latitude: number | null
  longitude: number | null
}

export interface Partner {
  id: number
  name: string
}

/** An event as lists show it: no description, plan or outcome, which may hold more than they should. */
export interface EventSummary {
  id: number
  title: string
  eventType: EventType
  startsOn: string
  endsOn: string | null
  riskLevel: RiskLevel
  place: Place
  partners: Partner[]
  version: number
}

export interface TrackedEvent extends EventSummary {
  description: string | null
  plan: string | null
  outcome: string | null
}

export interface TensionSummary {
  id: number
  area: { kind: 'ward' | 'area'; code: string | null; name: string }
  assessedOn: string
  level: number
  previousLevel: number | null
  /** From the area's previous assessment; null for its first. */
  trend: Trend | null
}

export interface TensionAssessment extends TensionSummary {
  summary: string | null
  actions: string | null
  indicators: Array<{ indicator: Indicator; level: number; note: string | null }>
  contributions: Array<{ organisation: Partner; note: string }>
}

export interface PoliceActivity {
  id: number
  activityOn: string
  tactic: Tactic
  operation: string | null
  place: Place
  weaponsRecovered: number | null
  partners: Partner[]
}

export interface PoliceActivityRecord extends PoliceActivity {
  resultNote: string | null
}

export interface IncidentSummary {
  id: number
  title: string
  occurredOn: string
  place: Place
  status: 'open' | 'closed'
  closedOn: string | null
  /** Checklist items done, of all. */
  done: number
  items: number
}

export interface ChecklistEntry {
  item: ChecklistItem
  doneBy: string | null
  doneOn: string | null
  note: string | null
}

export interface CriticalIncident extends IncidentSummary {
  summary: string | null
  checklist: ChecklistEntry[]
  timeline: Array<{ id: number; at: string; entry: string }>
  tensionAssessments: TensionSummary[]
  /** Ids of taskings in the tasking module: the link is kept here, the tasking there. */
  taskingIds: number[]
  /** The same, with each one's title from the tasking service (null where tasking is not installed). */
  taskings: LinkedTasking[]
}

export interface LinkedTasking {
  id: number
  meetingId: number | null
  month: string | null
  title: string | null
}

type PlaceRow = Pick<
  Selectable<TrackerEventTable>,
  'place_kind' | 'place_code' | 'place_name' | 'latitude' | 'longitude'
>

export const toPlace = (r: PlaceRow): Place => ({
  kind: r.place_kind as PlaceKind,
  code: r.place_code,
  name: r.place_name,
  latitude: r.latitude === null ? null : Number(r.latitude),
  longitude: r.longitude === null ? null : Number(r.longitude),
})

export const toEventSummary = (r: Selectable<TrackerEventTable>, partners: Partner[]): EventSummary => ({
  id: r.id,
  title: r.title,
  eventType: r.event_type as EventType,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  riskLevel: r.risk_level as RiskLevel,
  place: toPlace(r),
  partners,
  version: r.version,
})

export const toEvent = (r: Selectable<TrackerEventTable>, partners: Partner[]): TrackedEvent => ({
  ...toEventSummary(r, partners),
  description: r.description,
  plan: r.plan,
  outcome: r.outcome,
})

export const toTensionSummary = (
  r: Selectable<TensionAssessmentTable>,
  previousLevel: number | null,
): TensionSummary => ({
  id: r.id,
  area: { kind: r.area_kind as 'ward' | 'area', code: r.area_code, name: r.area_name },
  assessedOn: r.assessed_on,
  level: Number(r.level),
  previousLevel,
  trend: trendOf(Number(r.level), previousLevel),
})

export const toActivity = (r: Selectable<PoliceActivityTable>, partners: Partner[]): PoliceActivity => ({
  id: r.id,
  activityOn: r.activity_on,
  tactic: r.tactic as Tactic,
  operation: r.operation,
  place: toPlace(r),
  weaponsRecovered: r.weapons_recovered === null ? null : Number(r.weapons_recovered),
  partners,
})

export const toIncidentSummary = (
  r: Selectable<CriticalIncidentTable>,
  done: number,
  items: number,
): IncidentSummary => ({
  id: r.id,
  title: r.title,
  occurredOn: r.occurred_on,
  place: toPlace(r),
  status: r.status as 'open' | 'closed',
  closedOn: r.closed_on,
  done,
  items,
})
