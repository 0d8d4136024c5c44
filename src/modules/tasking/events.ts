// The seam for the events tracker (issue 15): the tasking meeting's agenda lists the events of risk
// coming up. The trackers module will supply this lookup; until it does, the agenda says the events
// tracker is not available rather than showing an empty list that would read as "no events".

export interface UpcomingEvent {
  date: string
  title: string
  place: string
  riskLevel: string
}

/** Events of risk from one day to another (YYYY-MM-DD, inclusive). */
export type UpcomingEventsLookup = (from: string, to: string) => Promise<UpcomingEvent[]>

export type UpcomingEvents = { available: false } | { available: true; events: UpcomingEvent[] }
