import { randomUUID } from 'node:crypto'
import type { Db, Executor } from '../../../db/database.ts'
import { isUniqueViolation } from '../../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { AuditService } from '../../audit/service.ts'
import * as boardsRepo from '../boards.repository.ts'
import * as meetingsRepo from '../meetings.repository.ts'
import { requireMayManage, type Who } from '../policy.ts'
import * as repo from './decisions.repository.ts'
import { type DecisionRecord, type ForwardPlanItem, toDecision, toForwardPlanItem } from './records.ts'
import { callInPeriod, DEFAULT_CALL_IN_WORKING_DAYS } from './rules/call-in.ts'
import { noticeCheck, shortNoticeMessage } from './rules/notice.ts'
import {
  type DecisionInput,
  decisionInput,
  decisionStatusInput,
  forwardPlanInput,
  type RegisterFilters,
  registerFilters,
} from './schema.ts'

export interface DecisionsOptions {
  /** Working days after publication that a decision may be called in (CALL_IN_WORKING_DAYS). */
  callInWorkingDays?: number
}

/** Decision records with their call-in period, the decisions register and the forward plan. */
export function createDecisionsService(db: Db, audit: AuditService, options: DecisionsOptions = {}) {
  const callInWorkingDays = options.callInWorkingDays ?? DEFAULT_CALL_IN_WORKING_DAYS

  /** The board, meeting and agenda item a record names must exist and agree with each other. */
  async function placeOf(
    exec: Executor,
    v: { boardId: number | null; meetingId: number | null; agendaItemId?: number | null },
  ) {
    let boardId = v.boardId
    let meetingDay: string | null = null
    if (v.meetingId !== null) {
      const meeting = await meetingsRepo.findMeeting(exec, v.meetingId)
      if (!meeting) throw new ValidationError({ meetingId: 'Select a meeting from the list' })
      if (boardId !== null && boardId !== meeting.board_id)
        throw new ValidationError({ meetingId: 'The meeting is not one of the chosen board’s' })
      boardId = meeting.board_id
      meetingDay = meeting.starts_at.slice(0, 10)
    } else if (v.agendaItemId) {
      throw new ValidationError({ agendaItemId: 'Choose the meeting as well as its agenda item' })
    }
    if (v.agendaItemId) {
      const item = await meetingsRepo.findItem(exec, v.agendaItemId)
      if (!item || item.meeting_id !== v.meetingId)
        throw new ValidationError({ agendaItemId: 'Choose an item on that meeting’s agenda' })
    }
    if (boardId !== null && !(await boardsRepo.findBoard(exec, boardId)))
      throw new ValidationError({ boardId: 'Select a board from the list' })
    return { boardId, meetingDay }
  }

  async function getDecision(id: number, today = londonToday()): Promise<DecisionRecord> {
    const row = await repo.findDecision(db, id)
    if (!row) throw new NotFoundError('Decision record')
    return toDecision(row, today)
  }

  /** Records a decision; its call-in deadline and the day it takes effect are worked out and kept. */
  async function recordDecision(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'record a decision')
    const v: DecisionInput = parseInput(decisionInput, input)
    const period = callInPeriod(v, callInWorkingDays)
    return db.transaction().execute(async (trx) => {
      const { boardId } = await placeOf(trx, v)
      if (v.reference && (await repo.findDecisionByReference(trx, v.reference)))
        throw new ValidationError({
          reference: `A decision with reference ${v.reference} is already recorded`,
        })
      const values = {
        reference: v.reference ?? `pending-${randomUUID()}`,
        title: v.title,
        decision_maker: v.decisionMaker,
        decision_date: v.decisionDate,
        publication_date: v.publicationDate,
        key_decision: v.keyDecision ? 1 : 0,
        subject_to_call_in: v.subjectToCallIn ? 1 : 0,
        call_in_deadline: period.deadline,
        takes_effect_on: period.takesEffectOn,
        purpose: v.purpose,
        decisions: JSON.stringify(v.decisions),
        reasons: v.reasons,
        alternatives: v.alternatives,
        conflicts_of_interest: v.conflictsOfInterest,
        action_by: v.actionBy,
        report_authors: v.reportAuthors,
        contact_officer: v.contactOfficer,
        board_id: boardId,
        meeting_id: v.meetingId,
        agenda_item_id: v.agendaItemId,
        documents: JSON.stringify(v.documents),
        status: v.status,
        exempt_reason: v.exemptReason,
      }
      let id: number
      try {
        id = await repo.insertDecision(trx, values, new Date().toISOString())
      } catch (error) {
        if (isUniqueViolation(error, 'decision_records', 'reference'))
          throw new ValidationError({
            reference: `A decision with reference ${v.reference} is already recorded`,
          })
        throw error
      }
      // Without a reference of its own, a record takes one from its id: unique without a count to race on.
      if (!v.reference) {
        values.reference = `DEC-${id}`
        await repo.setReference(trx, id, values.reference)
      }
      await audit.record(trx, who.actor, {
        action: 'decision.record',
        entityType: 'decision',
        entityId: id,
        after: { ...values, call_in_working_days: callInWorkingDays },
      })
      return id
    })
  }

  async function changeDecisionStatus(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'change a decision’s status')
    const { status } = parseInput(decisionStatusInput, input)
    await db.transaction().execute(async (trx) => {
      const row = await repo.findDecision(trx, id)
      if (!row) throw new NotFoundError('Decision record')
      if (row.status === status) return
      if (!(await repo.setDecisionStatus(trx, id, row.status, status, new Date().toISOString())))
        throw new ConflictError(
          'Someone else changed the decision’s status first. Check it, then try again.',
          {
            id,
          },
        )
      await audit.record(trx, who.actor, {
        action: 'decision.status',
        entityType: 'decision',
        entityId: id,
        before: { status: row.status },
        after: { status },
      })
    })
  }

  async function getForwardPlanItem(id: number): Promise<ForwardPlanItem> {
    const row = await repo.findForwardPlanItem(db, id)
    if (!row) throw new NotFoundError('Forward plan item')
    return toForwardPlanItem(row)
  }

  /**
   * Puts a decision to come on the forward plan, with today as its notice date. A key decision with
   * fewer than 28 clear days' notice is refused unless the general-exception reason is given.
   */
  async function addForwardPlanItem(who: Who, input: unknown, today = londonToday()): Promise<number> {
    requireMayManage(who, 'add to the forward plan')
    const v = parseInput(forwardPlanInput, input)
    return db.transaction().execute(async (trx) => {
      const { boardId, meetingDay } = await placeOf(trx, v)
      const decisionDate = meetingDay ?? v.decisionDate
      if (!decisionDate)
        throw new ValidationError({ decisionDate: 'Choose the meeting, or enter the date of the decision' })
      if (decisionDate <= today)
        throw new ValidationError({
          [meetingDay ? 'meetingId' : 'decisionDate']:
            'The forward plan lists decisions still to come: choose a later date',
        })
      const check = noticeCheck({ keyDecision: v.keyDecision, noticeDate: today, decisionDate })
      if (check.short && !v.exceptionReason)
        throw new ValidationError({ exceptionReason: shortNoticeMessage(check.clearDays) })
      const values = {
        title: v.title,
        board_id: boardId,
        meeting_id: v.meetingId,
        decision_date: decisionDate,
        decision_maker: v.decisionMaker,
        key_decision: v.keyDecision ? 1 : 0,
        lead_officer: v.leadOfficer,
        documents: JSON.stringify(v.documents),
        notice_date: today,
        exception_reason: check.short ? v.exceptionReason : null,
      }
      const id = await repo.insertForwardPlanItem(trx, values, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'forward-plan.add',
        entityType: 'forward-plan-item',
        entityId: id,
        after: { ...values, clear_days: check.clearDays },
      })
      return id
    })
  }

  return {
    callInWorkingDays,
    listDecisions: async (filters: unknown = {}, today = londonToday()): Promise<DecisionRecord[]> => {
      const f: RegisterFilters = parseInput(registerFilters, filters)
      return (await repo.listDecisions(db, f, today)).map((d) => toDecision(d, today))
    },
    decisionsOfMeeting: async (meetingId: number, today = londonToday()): Promise<DecisionRecord[]> =>
      (await repo.listDecisionsOfMeeting(db, meetingId)).map((d) => toDecision(d, today)),
    getDecision,
    findDecisionByReference: async (reference: string): Promise<number | null> =>
      (await repo.findDecisionByReference(db, reference))?.id ?? null,
    recordDecision,
    changeDecisionStatus,
    listForwardPlan: async (from = londonToday()): Promise<ForwardPlanItem[]> =>
      (await repo.listForwardPlan(db, from)).map(toForwardPlanItem),
    getForwardPlanItem,
    addForwardPlanItem,
  }
}
