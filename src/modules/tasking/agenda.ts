import type { TrackersService } from '../trackers/service.ts'

// The meeting's agenda beside the briefing: the events of risk coming up, the latest community
// tension in each area as at the meeting and the critical incidents still open, all from the trackers module through
// its service. An installation may leave that module out; the agenda then says the trackers are not
// available, rather than showing empty lists that would read as "no events" or "no tension".

export interface UpcomingEvent {
  date: string
  title: string
  place: string
  riskLevel: string
}

export interface AreaTension {
  area: string
  assessedOn: string
  /** 1 (low) to 5 (high). */
  level: number
  /** Against the area's assessment before; null for its first. */
  trend: 'rising' | 'stable' | 'falling' | null
}

export interface OpenIncident {
  id: number
  title: string
  occurredOn: string
  place: string
  /** Checklist items done, of all. */
  done: number
  items: number
}

/** What the agenda needs of the trackers: the trackers service answers it as it stands. */
export type AgendaSource = Pick<TrackersService, 'upcomingEvents' | 'latestTensions' | 'criticalIncidents'>

export type Available<T> = { available: false } | ({ available: true } & T)

export type UpcomingEvents = Available<{ from: string; to: string; events: UpcomingEvent[] }>
export type CommunityTensions = Available<{ tensions: AreaTension[] }>
export type CriticalIncidents = Available<{ incidents: OpenIncident[] }>

export interface Agenda {
  upcomingEvents: UpcomingEvents
  communityTensions: CommunityTensions
  criticalIncidents: CriticalIncidents
}

/**
 * The events window: from the meeting date to the end of the month after it, so a meeting early in
 * a month sees the whole of the next, which the next meeting may come too late for.
 */
export function eventsWindow(meetingDate: string): { from: string; to: string } {
  const [y, m] = meetingDate.split('-').map(Number) as [number, number]
  // Day 0 of the month after next is the last day of next month.
  const end = new Date(Date.UTC(y, m + 1, 0))
  return { from: meetingDate, to: end.toISOString().slice(0, 10) }
}

export async function agendaFor(meetingDate: string, source: AgendaSource | undefined): Promise<Agenda> {
  if (!source)
    return {
      upcomingEvents: { available: false },
      communityTensions: { available: false },
      criticalIncidents: { available: false },
    }
  const window = eventsWindow(meetingDate)
  const [events, tensions, incidents] = await Promise.all([
    source.upcomingEvents(window.from, window.to),
    source.latestTensions(meetingDate),
    source.criticalIncidents(true),
  ])
  return {
    upcomingEvents: {
      available: true,
      ...window,
      events: events.map((e) => ({
        date: e.startsOn,
        title: e.title,
        place: e.place.name,
        riskLevel: e.riskLevel,
      })),
    },
    communityTensions: {
      available: true,
      tensions: tensions.map((t) => ({
        area: t.area.name,
        assessedOn: t.assessedOn,
        level: t.level,
        trend: t.trend,
      })),
    },
    criticalIncidents: {
      available: true,
      incidents: incidents.map((i) => ({
        id: i.id,
        title: i.title,
        occurredOn: i.occurredOn,
        place: i.place.name,
        done: i.done,
        items: i.items,
      })),
    },
  }
}
