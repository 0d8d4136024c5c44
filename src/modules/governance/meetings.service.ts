import type { Db } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { londonToday } from '../../shared/london-day.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import * as boardsRepo from './boards.repository.ts'
import * as repo from './meetings.repository.ts'
import * as minutesRepo from './minutes.repository.ts'
import { requireMayManage, type Who } from './policy.ts'
import {
  type ActionArising,
  type Meeting,
  type MeetingSummary,
  toAction,
  toAttendance,
  toBoardSummary,
  toItem,
  toMeetingSummary,
  toMember,
  toResolution,
} from './records.ts'
import { nextStatuses, statusChangeRefusal } from './rules/meeting-status.ts'
import { quorumCheck } from './rules/quorum.ts'
import { attendanceInput, meetingInput, statusInput } from './schema.ts'

export const MATTERS_ARISING = 'Matters arising'

/** Meetings of a board: scheduling one lays its agenda, and its status moves as the rules allow. */
export function createMeetingsService(db: Db, audit: AuditService, partners: PartnersService) {
  async function summary(id: number): Promise<MeetingSummary> {
    const row = await repo.findMeeting(db, id)
    if (!row) throw new NotFoundError('Meeting')
    return toMeetingSummary(row)
  }

  async function getMeeting(id: number): Promise<Meeting> {
    const meeting = await summary(id)
    const board = await boardsRepo.findBoard(db, meeting.boardId)
    if (!board) throw new NotFoundError('Board')
    const resolutions = await minutesRepo.listResolutions(db, id)
    const actions = (await minutesRepo.listActionsOfMeeting(db, id)).map(toAction)
    const items = (await repo.listItems(db, id)).map((i) =>
      toItem(
        i,
        resolutions.filter((r) => r.agenda_item_id === i.id).map(toResolution),
        actions.filter((a) => a.itemNumber === i.number),
      ),
    )
    const attendance = (await repo.listAttendance(db, id)).map(toAttendance)
    const members = (await boardsRepo.listMembers(db, meeting.boardId)).map(toMember)
    return {
      ...meeting,
      items,
      attendance,
      mattersArising: (await minutesRepo.listMattersArising(db, meeting.boardId, meeting.startsAt)).map(
        toAction,
      ),
      quorum: quorumCheck(toBoardSummary(board).quorum, members, attendance, meeting.startsAt.slice(0, 10)),
      nextStatuses: nextStatuses(meeting.status),
    }
  }

  /**
   * A new meeting's agenda: matters arising (when the board has met before), then the board's
   * standing items, numbered on from the board's last item.
   */
  async function scheduleMeeting(who: Who, boardId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'schedule a meeting')
    const v = parseInput(meetingInput, input)
    return db.transaction().execute(async (trx) => {
      const board = await boardsRepo.findBoard(trx, boardId)
      if (!board) throw new NotFoundError('Board')
      const values = {
        board_id: boardId,
        starts_at: v.startsAt,
        place: v.place,
        link: v.link,
        status: 'scheduled',
      }
      const id = await repo.insertMeeting(trx, values, new Date().toISOString())
      const highest = await repo.highestItemNumber(trx, boardId)
      if (v.firstItemNumber !== undefined && v.firstItemNumber <= highest)
        throw new ValidationError({
          firstItemNumber: `The board has used numbers up to ${highest}: start after it`,
        })
      let number = v.firstItemNumber !== undefined ? v.firstItemNumber - 1 : highest
      const titles: Array<{ title: string; kind: string }> = []
      if (await repo.hasEarlierMeeting(trx, boardId, v.startsAt))
        titles.push({ title: MATTERS_ARISING, kind: 'matters-arising' })
      for (const title of toBoardSummary(board).standingItems) titles.push({ title, kind: 'standing' })
      for (const t of titles) {
        number += 1
        await repo.insertItem(trx, {
          meeting_id: id,
          number,
          title: t.title,
          kind: t.kind,
          presenter_person_id: null,
          exempt: 0,
          exempt_reason: null,
        })
      }
      await audit.record(trx, who.actor, {
        action: 'meeting.schedule',
        entityType: 'meeting',
        entityId: id,
        after: { ...values, agenda: titles.map((t) => t.title) },
      })
      return id
    })
  }

  async function changeStatus(who: Who, id: number, input: unknown, today = londonToday()): Promise<void> {
    requireMayManage(who, 'change a meeting’s status')
    const { status } = parseInput(statusInput, input)
    await db.transaction().execute(async (trx) => {
      const row = await repo.findMeeting(trx, id)
      if (!row) throw new NotFoundError('Meeting')
      const meeting = toMeetingSummary(row)
      const refusal = statusChangeRefusal(meeting.status, status, meeting.startsAt.slice(0, 10), today)
      if (refusal) throw new ValidationError({ status: refusal })
      if (!(await repo.setMeetingStatus(trx, id, meeting.status, status, new Date().toISOString())))
        throw new ConflictError(
          'Someone else changed the meeting’s status first. Check it, then try again.',
          meeting,
        )
      await audit.record(trx, who.actor, {
        action: 'meeting.status',
        entityType: 'meeting',
        entityId: id,
        before: { status: meeting.status },
        after: { status },
      })
    })
  }

  /** Who came, who sent apologies, and whom a substitute stood in for. */
  async function recordAttendance(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'record attendance')
    const v = parseInput(attendanceInput, input)
    const meeting = await summary(id)
    if (meeting.status === 'cancelled')
      throw new ValidationError({ personId: 'The meeting was cancelled: no one attended it' })
    for (const [field, personId] of [
      ['personId', v.personId],
      ['substituteForPersonId', v.substituteForPersonId],
    ] as const) {
      if (personId === null) continue
      await partners.getPerson(personId).catch((error) => {
        if (error instanceof NotFoundError)
          throw new ValidationError({ [field]: 'Select a person from the list' })
        throw error
      })
    }
    if (v.substituteForPersonId !== null && v.attendance !== 'present')
      throw new ValidationError({ substituteForPersonId: 'Only someone present can stand in for a member' })
    if (v.substituteForPersonId === v.personId)
      throw new ValidationError({ substituteForPersonId: 'A member cannot stand in for themself' })
    await db.transaction().execute(async (trx) => {
      await repo.saveAttendance(trx, id, v.personId, v.attendance, v.substituteForPersonId)
      await audit.record(trx, who.actor, {
        action: 'meeting.attendance',
        entityType: 'meeting',
        entityId: id,
        after: {
          person_id: v.personId,
          attendance: v.attendance,
          substitute_for_person_id: v.substituteForPersonId,
        },
      })
    })
  }

  return {
    listMeetings: async (boardId: number | null = null): Promise<MeetingSummary[]> =>
      (await repo.listMeetings(db, boardId)).map(toMeetingSummary),
    getMeeting,
    scheduleMeeting,
    changeStatus,
    recordAttendance,
    /** Open actions from the board's meetings before the given time. */
    mattersArising: async (boardId: number, before: string): Promise<ActionArising[]> =>
      (await minutesRepo.listMattersArising(db, boardId, before)).map(toAction),
  }
}
