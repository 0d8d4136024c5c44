import type { ReportSection } from '../../../shared/report/docx.ts'
import { agendaView, cohortText, placeText, taskingView } from '../pages/view.ts'
import type { Tasking, TaskingMeeting } from '../records.ts'

// The agenda beyond the briefing, for the Word document: events, tensions and open incidents, as
// the meeting page shows them, so the paper and the screen agree.

const NOT_AVAILABLE = 'Not available: the trackers are not installed.'

/** The meeting's taskings, a cohort's people as the reader may see them (names only for its panel's members). */
function taskingTable(caption: string, list: Tasking[], today: string): ReportSection['tables'] {
  if (list.length === 0) return []
  return [
    {
      caption,
      head: ['Organisation', 'Where', 'Tasked to do', 'Due', 'Status'],
      rows: list.map((t) => {
        const v = taskingView(t, today)
        const people = cohortText(t)
        return [
          t.organisationName,
          people ? `${placeText(t)}: ${people}` : placeText(t),
          t.action,
          v.due,
          v.statusText,
        ]
      }),
    },
  ]
}

export function taskingSections(meeting: TaskingMeeting, today: string): ReportSection[] {
  return [
    {
      title: 'Taskings from earlier meetings, for review',
      paragraphs: meeting.forReview.length ? [] : ['None open.'],
      charts: [],
      tables: taskingTable('Taskings for review', meeting.forReview, today),
    },
    {
      title: 'New taskings',
      paragraphs: meeting.taskings.length ? [] : ['None raised yet.'],
      charts: [],
      tables: taskingTable('Taskings raised at this meeting', meeting.taskings, today),
    },
  ]
}

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
