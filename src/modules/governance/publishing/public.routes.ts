import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { dayText, meetingWhen } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { resolvedHeading } from '../rules/resolutions.ts'
import type { PublicDecision } from './public-view.ts'

const LIST = 'governance/publishing/views/public-meetings.njk'
const MEETING = 'governance/publishing/views/public-meeting.njk'
const DECISIONS = 'governance/publishing/views/public-decisions.njk'
const DECISION = 'governance/publishing/views/public-decision.njk'

const dated = (d: PublicDecision) => ({
  ...d,
  when: dayText(d.decisionDate),
  published: dayText(d.publicationDate),
  deadline: d.callInDeadline ? dayText(d.callInDeadline) : null,
  effect: d.takesEffectOn ? dayText(d.takesEffectOn) : null,
  meetingWhen: d.meeting ? meetingWhen(d.meeting.startsAt) : null,
})

/**
 * The public page: anyone, signed in or not, reads the meetings a manager has published, and only
 * what public-view.ts lets through. Nothing here reads a session, and an unpublished meeting is
 * answered exactly as one that does not exist.
 */
export function publicRoutes(app: FastifyInstance, { governance }: Pick<Services, 'governance'>) {
  const open = { permission: 'public' as const }

  app.get(paths.governance.publicMeetings(), { config: open }, async (_request, reply) => {
    const meetings = await governance.listPublicMeetings()
    const boards = [...new Set(meetings.map((m) => m.boardName))].sort()
    return reply.page(LIST, {
      pageTitle: 'Meetings of the Community Safety Partnership',
      boards: boards.map((name) => ({
        name,
        meetings: meetings
          .filter((m) => m.boardName === name)
          .map((m) => ({ ...m, when: meetingWhen(m.startsAt) })),
      })),
    })
  })

  app.get('/public/meetings/:id', { config: { ...open, record: 'meeting' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const meeting = await governance.getPublicMeeting(id)
    return reply.page(MEETING, {
      pageTitle: `${meeting.boardName}: ${meetingWhen(meeting.startsAt)}`,
      meeting,
      items: meeting.items.map((i) => ({
        ...i,
        resolvedHeading: resolvedHeading(i.minutes?.resolutions.map((r) => r.number) ?? []),
      })),
      decisions: meeting.decisions.map(dated),
      when: meetingWhen(meeting.startsAt),
      backLink: paths.governance.publicMeetings(),
    })
  })

  app.get(paths.governance.publicDecisions(), { config: open }, async (_request, reply) =>
    reply.page(DECISIONS, {
      pageTitle: 'Decisions of the Community Safety Partnership',
      decisions: (await governance.listPublicDecisions()).map(dated),
    }),
  )

  app.get('/public/decisions/:id', { config: { ...open, record: 'decision' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const decision = dated(await governance.getPublicDecision(id))
    return reply.page(DECISION, {
      pageTitle: `Decision ${decision.reference}: ${decision.title}`,
      decision,
      backLink: paths.governance.publicDecisions(),
    })
  })
}
