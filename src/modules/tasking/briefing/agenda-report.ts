import type { ReportSection } from '../../../shared/report/docx.ts'
import { agendaView } from '../pages/view.ts'
import type { TaskingMeeting } from '../records.ts'

// The agenda beyond the briefing, for the Word document: events, tensions and open incidents, as
// the meeting page shows them, so the paper and the screen agree.

const NOT_AVAILABLE = 'Not available: the trackers are not installed.'

export function agendaSections(meeting: TaskingMeeting): ReportSection[] {
  const a = agendaView(meeting)
  return [
    {
      title: 'Events of risk coming up',
      paragraphs: a.events ? (a.events.rows.length ? [] : ['None recorded.']) : [NOT_AVAILABLE],
      charts: [],
      tables: a.events?.rows.length
        ? [{ caption: a.events.caption, head: ['Date', 'Event', 'Place', 'Risk'], rows: a.events.rows }]
        : [],
    },
    {
      title: 'Community tensions',
      paragraphs: a.tensions ? (a.tensions.length ? [] : ['No assessment yet.']) : [NOT_AVAILABLE],
      charts: [],
      tables: a.tensions?.length
        ? [
            {
              caption: 'The latest tension assessment in each area',
              head: ['Area', 'Level', 'Trend', 'Assessed'],
              rows: a.tensions,
            },
          ]
        : [],
    },
    {
      title: 'Critical incidents open',
      paragraphs: a.incidents ? (a.incidents.length ? [] : ['None open.']) : [NOT_AVAILABLE],
      charts: [],
      tables: a.incidents?.length
        ? [
            {
              caption: 'Critical incidents open',
              head: ['Incident', 'Place', 'Occurred', 'Community response'],
              rows: a.incidents.map((x) => [x.title, x.place, x.day, x.progress]),
            },
          ]
        : [],
    },
  ]
}
