export const paths = {
  trackers: {
    overview: () => '/trackers',
    events: () => '/trackers/events',
    newEvent: () => '/trackers/events/new',
    event: (id: number | string) => `/trackers/events/${id}`,
    editEvent: (id: number | string) => `/trackers/events/${id}/edit`,
    tensions: () => '/trackers/tensions',
    newTension: () => '/trackers/tensions/new',
    tension: (id: number | string) => `/trackers/tensions/${id}`,
    /** One area's history: a ward by its code, or "whole" for the whole area. */
    tensionHistory: (area: string | number) =>
      `/trackers/tensions/history?area=${encodeURIComponent(String(area))}`,
    activity: () => '/trackers/police-activity',
    newActivity: () => '/trackers/police-activity/new',
    activityEntry: (id: number | string) => `/trackers/police-activity/${id}`,
    incidents: () => '/trackers/critical-incidents',
    newIncident: () => '/trackers/critical-incidents/new',
    incident: (id: number | string) => `/trackers/critical-incidents/${id}`,
    incidentChecklist: (id: number | string) => `/trackers/critical-incidents/${id}/checklist`,
    incidentTimeline: (id: number | string) => `/trackers/critical-incidents/${id}/timeline`,
    incidentLinks: (id: number | string) => `/trackers/critical-incidents/${id}/links`,
    incidentClose: (id: number | string) => `/trackers/critical-incidents/${id}/close`,
  },
} as const
