import type { z } from 'zod'
import type { Db } from '../../db/database.ts'
import { isUniqueViolationOn } from '../../db/errors.ts'
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { londonToday } from '../../shared/london-day.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import * as meetingsRepo from './meetings.repository.ts'
import * as repo from './minutes.repository.ts'
import { mayManageGovernance, requireMayManage, type Who } from './policy.ts'
import { type ActionArising, toAction } from './records.ts'
import { hasTakenPlace, type MeetingStatus } from './rules/meeting-status.ts'
import { isResolutionNumber, nextResolutionNumber, normaliseResolutionNumber } from './rules/resolutions.ts'
import { actionInput, actionStatusInput, itemInput, minutesInput, resolutionInput } from './schema.ts'

type ItemInput = z.infer<typeof itemInput>

/** Agenda items, the minutes of each, their numbered resolutions and the actions arising. */
export function createMinutesService(db: Db, audit: AuditService, partners: PartnersService) {
  async function checkPerson(id: number | null, field: string) {
    if (id === null) return
    await partners.getPerson(id).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: 'Select a person from the list' })
      throw error
    })
  }

  /** The item must belong to the meeting; minutes are kept only once it has been held. */
  async function itemOf(meetingId: number, itemId: number, needsHeld: boolean) {
    const meeting = await meetingsRepo.findMeeting(db, meetingId)
    if (!meeting) throw new NotFoundError('Meeting')
    const item = await meetingsRepo.findItem(db, itemId)
    if (!item || item.meeting_id !== meetingId)
      throw new ValidationError({ itemId: 'Choose an item on this agenda' })
    const status = meeting.status as MeetingStatus
    if (needsHeld && !hasTakenPlace(status))
      throw new ValidationError({ itemId: 'Minutes are written once the meeting has been held' })
    if (status === 'minutes-approved')
      throw new ValidationError({ itemId: 'The minutes are approved: they can no longer change' })
    return { meeting, item }
  }

  async function addItem(who: Who, meetingId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'change an agenda')
    const v = parseInput(itemInput, input)
    await checkPerson(v.presenterPersonId, 'presenterPersonId')
    // Two people adding an item at once (PostgreSQL runs both) would take the same next number;
    // the later one then meets the agenda's unique number and simply takes the one after.
    for (let attempt = 1; ; attempt++) {
      try {
        return await addItemOnce(who, meetingId, v)
      } catch (error) {
        if (!isUniqueViolationOn(error, 'agenda_items') || attempt >= 5) throw error
      }
    }
  }

  async function addItemOnce(who: Who, meetingId: number, v: ItemInput): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const meeting = await meetingsRepo.findMeeting(trx, meetingId)
      if (!meeting) throw new NotFoundError('Meeting')
      if (meeting.status === 'minutes-approved' || meeting.status === 'cancelled')
        throw new ValidationError({ title: 'This meeting’s agenda can no longer change' })
      if (
        v.number !== undefined &&
        (await meetingsRepo.listItems(trx, meetingId)).some((i) => i.number === v.number)
      )
        throw new ValidationError({ number: `This agenda already has an item ${v.number}` })
      const values = {
        meeting_id: meetingId,
        number: v.number ?? (await meetingsRepo.highestItemNumber(trx, meeting.board_id)) + 1,
        title: v.title,
        kind: 'item',
        presenter_person_id: v.presenterPersonId,
        exempt: v.exempt ? 1 : 0,
        exempt_reason: v.exempt ? v.exemptReason : null,
      }
      const id = await meetingsRepo.insertItem(trx, values)
      await audit.record(trx, who.actor, {
        action: 'agenda-item.add',
        entityType: 'meeting',
        entityId: meetingId,
        after: { item: id, ...values },
      })
      return id
    })
  }

  async function recordMinutes(who: Who, meetingId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'write the minutes')
    const v = parseInput(minutesInput, input)
    const { item } = await itemOf(meetingId, v.itemId, true)
    await db.transaction().execute(async (trx) => {
      await meetingsRepo.setDiscussion(trx, item.id, v.discussion || null)
      await audit.record(trx, who.actor, {
        action: 'agenda-item.minutes',
        entityType: 'meeting',
        entityId: meetingId,
        before: { item: item.id, discussion: item.discussion },
        after: { item: item.id, discussion: v.discussion || null },
      })
    })
  }

  /** A resolution numbered as the minutes write it, or next in the item's own style when left blank. */
  async function addResolution(who: Who, meetingId: number, input: unknown): Promise<string> {
    requireMayManage(who, 'record a resolution')
    const v = parseInput(resolutionInput, input)
    const { item } = await itemOf(meetingId, v.itemId, true)
    return db.transaction().execute(async (trx) => {
      const numbers = await repo.resolutionNumbers(trx, item.id)
      const number = v.number ? normaliseResolutionNumber(v.number) : nextResolutionNumber(numbers)
      if (!isResolutionNumber(number))
        throw new ValidationError({
          number: 'Number the resolution as the minutes do: 1, 2, 3, or i, ii, iii, or a, b, c',
        })
      if (numbers.includes(number))
        throw new ValidationError({ number: `Item ${item.number} already has a resolution ${number}` })
      const id = await repo.insertResolution(trx, item.id, number, numbers.length + 1, v.text)
      await audit.record(trx, who.actor, {
        action: 'resolution.add',
        entityType: 'meeting',
        entityId: meetingId,
        after: { resolution: id, item: item.id, number, text: v.text },
      })
      return number
    })
  }

  async function addAction(who: Who, meetingId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'record an action arising')
    const v = parseInput(actionInput, input)
    const { item } = await itemOf(meetingId, v.itemId, true)
    await checkPerson(v.ownerPersonId, 'ownerPersonId')
    if (v.ownerOrganisationId !== null)
      await partners.getOrganisation(v.ownerOrganisationId).catch((error) => {
        if (error instanceof NotFoundError)
          throw new ValidationError({ ownerOrganisationId: 'Select an organisation from the list' })
        throw error
      })
    const values = {
      agenda_item_id: item.id,
      description: v.description,
      owner_person_id: v.ownerPersonId,
      owner_organisation_id: v.ownerOrganisationId,
      due_date: v.dueDate,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertAction(trx, values, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'action-arising.add',
        entityType: 'action-arising',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  /** Closing an action takes it off the next agenda's matters arising; reopening puts it back. */
  async function setActionStatus(who: Who, id: number, input: unknown, today = londonToday()): Promise<void> {
    requireMayManage(who, 'close or reopen an action arising')
    await changeActionStatus(who, id, parseInput(actionStatusInput, input).status, today, null)
  }

  /**
   * The owner of an action arising closes or reopens it themself (from "My actions arising"); a
   * partnership manager may change anyone's. personId is the signed-in user's linked person.
   */
  async function setOwnActionStatus(
    who: Who,
    personId: number | null,
    id: number,
    input: unknown,
    today = londonToday(),
  ): Promise<void> {
    const { status } = parseInput(actionStatusInput, input)
    await changeActionStatus(who, id, status, today, mayManageGovernance(who.user) ? null : (personId ?? -1))
  }

  async function changeActionStatus(
    who: Who,
    id: number,
    status: 'open' | 'closed',
    today: string,
    mustOwn: number | null,
  ) {
    await db.transaction().execute(async (trx) => {
      const action = await repo.findAction(trx, id)
      if (!action) throw new NotFoundError('Action arising')
      if (mustOwn !== null && action.owner_person_id !== mustOwn)
        throw new ForbiddenError(
          'change this action arising',
          'Only its owner, a partnership manager or an administrator can close or reopen it.',
          'If it is yours, ask an administrator to link your account to you as a person.',
        )
      if (action.status === status) return
      const closedOn = status === 'closed' ? today : null
      await repo.setActionStatus(trx, id, status, closedOn, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'action-arising.status',
        entityType: 'action-arising',
        entityId: id,
        before: { status: action.status, closed_on: action.closed_on },
        after: { status, closed_on: closedOn },
      })
    })
  }

  return {
    addItem,
    recordMinutes,
    addResolution,
    addAction,
    setActionStatus,
    setOwnActionStatus,
    /** The actions arising a person owns, open ones first. */
    actionsOwnedBy: async (personId: number): Promise<ActionArising[]> =>
      (await repo.listActionsOwnedBy(db, personId)).map(toAction),
    getAction: async (id: number): Promise<ActionArising> => {
      const row = await repo.findAction(db, id)
      if (!row) throw new NotFoundError('Action arising')
      return toAction(row)
    },
  }
}
