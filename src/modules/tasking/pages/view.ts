import type { FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import type { HotspotShapes } from '../briefing/hotspot-map.ts'
import { briefingReport } from '../briefing/report.ts'
import { monthText } from '../briefing/months.ts'
import type { Who } from '../policy.ts'
import type { Agenda } from '../agenda.ts'
import { placeWords, type Tasking, type TaskingMeeting } from '../records.ts'
import { TASKING_STATUS_LABELS } from '../rules/carry-over.ts'
import { TASKING_MEETING_STATUS_LABELS } from '../rules/meeting-status.ts'

// Shapes the tasking service's objects for the pages: words and dates for display only.

/** The path goes with each read of a cohort, which the cases service audits. */
export const whoOf = (request: FastifyRequest): Who => ({
  actor: request.actor,
  user: request.user,
  via: request.url.split('?')[0],
})

export const canManage = (request: FastifyRequest) =>
  request.user ? can(request.user.role, 'tasking:manage') : false

export const noticeOf = (request: FastifyRequest) => (request.query as { notice?: string }).notice

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
export const dayText = (day: string | null) => (day ? DAY.format(new Date(`${day}T00:00:00Z`)) : '')

export { monthText }

export const STATUS_TAGS: Record<string, string> = {
  open: 'govuk-tag--blue',
  done: 'govuk-tag--green',
  'not-done': 'govuk-tag--red',
  'carried-over': 'govuk-tag--yellow',
  scheduled: 'govuk-tag--blue',
  held: 'govuk-tag--green',
  cancelled: 'govuk-tag--grey',
}

export const placeText = (t: Tasking): string => placeWords(t.place)

/** A cohort's people as the viewer may see them: names for the panel's members, else pseudonyms. */
export function cohortText(t: Tasking): string | null {
  if (!t.cohort) return null
  const n = t.cohort.subjectIds.length
  if (!t.cohort.members) return `${n} ${n === 1 ? 'person' : 'people'}`
  return t.cohort.members.map((m) => m.label).join('; ')
}

export function taskingView(t: Tasking, today: string) {
  return {
    ...t,
    cohortText: cohortText(t),
    placeText: placeText(t),
    due: dayText(t.dueDate),
    raised: monthText(t.raisedMonth),
    statusText: TASKING_STATUS_LABELS[t.status],
    statusTag: STATUS_TAGS[t.status],
    overdue: (t.status === 'open' || t.status === 'carried-over') && t.dueDate < today,
  }
}

export function meetingView(meeting: TaskingMeeting, today: string, shapes?: HotspotShapes) {
  return {
    meeting,
    title: `Tasking meeting: ${monthText(meeting.month)}`,
    meetingDay: dayText(meeting.meetingDate),
    statusText: TASKING_MEETING_STATUS_LABELS[meeting.status],
    statusTag: STATUS_TAGS[meeting.status],
    statusItems: meeting.nextStatuses.map((s) => ({ value: s, text: TASKING_MEETING_STATUS_LABELS[s] })),
    report: meeting.briefing ? briefingReport(meeting.briefing.figures, meeting.commentary, shapes) : null,
    taskings: meeting.taskings.map((t) => taskingView(t, today)),
    forReview: meeting.forReview.map((t) => taskingView(t, today)),
    agenda: agendaView(meeting),
  }
}

const RISK_WORDS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' }
const TREND_WORDS = { rising: 'Rising', stable: 'Stable', falling: 'Falling' } as const

/** The agenda's tables as rows of text; null for a part whose tracker is not available. */
export function agendaView(meeting: Agenda) {
  const e = meeting.upcomingEvents
  const t = meeting.communityTensions
  const i = meeting.criticalIncidents
  return {
    events: e.available
      ? {
          caption: `Events of risk from ${dayText(e.from)} to ${dayText(e.to)}`,
          rows: e.events.map((x) => [
            dayText(x.date),
            x.title,
            x.place,
            RISK_WORDS[x.riskLevel] ?? x.riskLevel,
          ]),
        }
      : null,
    tensions: t.available
      ? t.tensions.map((x) => [
          x.area,
          `${x.level} of 5`,
          x.trend ? TREND_WORDS[x.trend] : 'First assessment',
          dayText(x.assessedOn),
        ])
      : null,
    incidents: i.available
      ? i.incidents.map((x) => ({
          ...x,
          day: dayText(x.occurredOn),
          progress: `${x.done} of ${x.items} done`,
        }))
      : null,
  }
}
