import type { Db } from '../../../db/database.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { AuditService } from '../../audit/service.ts'
import type { PartnersService } from '../../partners/service.ts'
import { createBoardsService } from '../boards.service.ts'
import { createDecisionsService } from '../decisions/decisions.service.ts'
import type { DecisionRecord } from '../decisions/records.ts'
import * as meetingsRepo from '../meetings.repository.ts'
import { createMeetingsService } from '../meetings.service.ts'
import { requireMayManage, type Who } from '../policy.ts'
import { MEETING_STATUS_LABELS, type MeetingStatus } from '../rules/meeting-status.ts'
import {
  isDecisionPublic,
  mayBePublished,
  PUBLIC_STATUSES,
  type PublicDecision,
  type PublicMeeting,
  type PublicMeetingSummary,
  publicDecision,
  publicMeeting,
} from './public-view.ts'
import * as repo from './publishing.repository.ts'
import { publishInput, withdrawInput } from './schema.ts'

export interface Publication {
  meetingId: number
  published: boolean
  publishedAt: string | null
  publishedBy: string | null
  /** Published and in a status the public page shows: what anyone, signed in or not, can see now. */
  visible: boolean
}

/**
 * Publishing meetings to the public page: a deliberate, audited step per meeting, and the public
 * view of what is published. An unpublished meeting, or one whose agenda is withdrawn or which is
 * cancelled after publishing, is not found.
 */
export function createPublishingService(db: Db, audit: AuditService, partners: PartnersService) {
  const meetings = createMeetingsService(db, audit, partners)
  const boards = createBoardsService(db, audit, partners)
  // Only read here, so the call-in period (worked out when a decision is recorded) plays no part.
  const decisions = createDecisionsService(db, audit)

  async function publication(meetingId: number): Promise<Publication> {
    const meeting = await meetingsRepo.findMeeting(db, meetingId)
    if (!meeting) throw new NotFoundError('Meeting')
    const row = await repo.findPublication(db, meetingId)
    return {
      meetingId,
      published: row !== undefined,
      publishedAt: row?.published_at ?? null,
      publishedBy: row?.published_by ?? null,
      visible: row !== undefined && mayBePublished(meeting.status as MeetingStatus),
    }
  }

  async function publishMeeting(who: Who, meetingId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'publish a meeting')
    parseInput(publishInput, input)
    await db.transaction().execute(async (trx) => {
      const meeting = await meetingsRepo.findMeeting(trx, meetingId)
      if (!meeting) throw new NotFoundError('Meeting')
      if (!mayBePublished(meeting.status as MeetingStatus))
        throw new ValidationError({
          confirm:
            meeting.status === 'cancelled'
              ? 'The meeting was cancelled: there is nothing to publish'
              : 'Publish the agenda first (change the status to agenda published), then publish the meeting',
        })
      if (await repo.findPublication(trx, meetingId))
        throw new ValidationError({ confirm: 'The meeting is already published' })
      const now = new Date().toISOString()
      await repo.insertPublication(trx, meetingId, who.actor.label, now)
      await audit.record(trx, who.actor, {
        action: 'meeting.publish',
        entityType: 'meeting',
        entityId: meetingId,
        after: { published_at: now, status: meeting.status },
      })
    })
  }

  async function withdrawMeeting(who: Who, meetingId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'withdraw a meeting from the public page')
    const { reason } = parseInput(withdrawInput, input)
    await db.transaction().execute(async (trx) => {
      if (!(await meetingsRepo.findMeeting(trx, meetingId))) throw new NotFoundError('Meeting')
      const row = await repo.findPublication(trx, meetingId)
      if (!row || !(await repo.deletePublication(trx, meetingId)))
        throw new ValidationError({ reason: 'The meeting is not published' })
      await audit.record(trx, who.actor, {
        action: 'meeting.withdraw',
        entityType: 'meeting',
        entityId: meetingId,
        before: { published_at: row.published_at, published_by: row.published_by },
        detail: { reason },
      })
    })
  }

  /** The published meetings anyone may see, latest first. */
  async function listPublicMeetings(): Promise<PublicMeetingSummary[]> {
    return (await repo.listPublished(db, PUBLIC_STATUSES)).map((m) => ({
      id: m.id,
      boardId: m.board_id,
      boardName: m.board_name,
      startsAt: m.starts_at,
      status: m.status as MeetingStatus,
      statusText: MEETING_STATUS_LABELS[m.status as MeetingStatus],
      minutesApproved: m.status === 'minutes-approved',
    }))
  }

  /** One published meeting as the public sees it; not found unless published and showable. */
  async function getPublicMeeting(meetingId: number): Promise<PublicMeeting> {
    // Not found covers a meeting that does not exist and one not shown, alike.
    if (!(await publication(meetingId)).visible) throw new NotFoundError('Meeting')
    const meeting = await meetings.getMeeting(meetingId)
    const board = await boards.getBoard(meeting.boardId)
    const taken = (await publishedDecisions()).filter((d) => d.meetingId === meetingId)
    return publicMeeting(
      meeting,
      board.members,
      taken.map((d) => publicDecision(d, true)),
    )
  }

  /** Decision records past their publication date and not exempt, latest decision first. */
  async function publishedDecisions(today = londonToday()) {
    return (await decisions.listDecisions({}, today)).filter((d) => isDecisionPublic(d, today))
  }

  /** The meetings among these that the public page shows, so a decision links only to one it can open. */
  async function visibleMeetings(ids: number[]) {
    const visible = new Set<number>()
    for (const id of new Set(ids)) if ((await publication(id)).visible) visible.add(id)
    return visible
  }

  async function listPublicDecisions(today = londonToday()): Promise<PublicDecision[]> {
    const published = await publishedDecisions(today)
    const shown = await visibleMeetings(published.flatMap((d) => (d.meetingId === null ? [] : [d.meetingId])))
    return published.map((d) => publicDecision(d, d.meetingId !== null && shown.has(d.meetingId)))
  }

  /** One decision record as the public sees it; not found until published, and never when exempt. */
  async function getPublicDecision(id: number, today = londonToday()): Promise<PublicDecision> {
    let record: DecisionRecord
    try {
      record = await decisions.getDecision(id, today)
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('Decision')
      throw error
    }
    // Not found covers a record that does not exist and one not shown, alike.
    if (!isDecisionPublic(record, today)) throw new NotFoundError('Decision')
    const shown = record.meetingId !== null && (await publication(record.meetingId)).visible
    return publicDecision(record, shown)
  }

  return {
    publication,
    publishMeeting,
    withdrawMeeting,
    listPublicMeetings,
    getPublicMeeting,
    listPublicDecisions,
    getPublicDecision,
  }
}
