import type { Db } from '../../../db/database.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { AuditService } from '../../audit/service.ts'
import * as decisionsRepo from '../decisions/decisions.repository.ts'
import * as meetingsRepo from '../meetings.repository.ts'
import { requireMayManage, type Who } from '../policy.ts'
import { MEETING_STATUSES } from '../rules/meeting-status.ts'
import * as repo from './duties.repository.ts'
import { type DutiesYear, type DutyEvidence, type StatutoryDuty, toEvidence } from './records.ts'
import {
  AMBER_DAYS,
  DUTIES,
  DUTY_DEFINITIONS,
  defaultDueDate,
  dutyRag,
  partnershipYearOf,
  partnershipYearSpan,
  partnershipYearText,
} from './rules.ts'
import { dueDateInput, evidenceInput, publicMeetingInput } from './schema.ts'

const TOOK_PLACE = MEETING_STATUSES.filter((s) => s === 'held' || s.startsWith('minutes-'))

/** The statutory duties tracker: each partnership year's duties, their evidence, due dates and RAG. */
export function createDutiesService(db: Db, audit: AuditService) {
  async function dutiesForYear(year: number, today = londonToday()): Promise<DutiesYear> {
    const span = partnershipYearSpan(year)
    const evidence = (await repo.listEvidence(db, year)).map(toEvidence)
    const dueDates = new Map((await repo.listDueDates(db, year)).map((d) => [d.duty, d.due_date]))
    // A meeting marked public that took place in the year evidences the public meeting by itself.
    const held: DutyEvidence[] = (await repo.listPublicMeetingsHeld(db, span.from, span.to, TOOK_PLACE)).map(
      (m) => ({
        id: null,
        year,
        duty: 'public-meeting',
        kind: 'meeting',
        meetingId: m.id,
        meetingStartsAt: m.starts_at,
        meetingBoardName: m.board_name,
        documentTitle: null,
        documentLink: null,
        decisionId: null,
        decisionTitle: null,
        decisionReference: null,
        evidencedOn: m.starts_at.slice(0, 10),
        note: 'A public meeting',
      }),
    )
    const duties: StatutoryDuty[] = DUTIES.map((duty) => {
      const own = [...held, ...evidence].filter((e) => e.duty === duty)
      const dueDate = dueDates.get(duty) ?? defaultDueDate(duty, year)
      return {
        duty,
        title: DUTY_DEFINITIONS[duty].title,
        basis: DUTY_DEFINITIONS[duty].basis,
        dueDate,
        dueDateSet: dueDates.has(duty),
        rag: dutyRag(own.length > 0, dueDate, today),
        evidence: own,
      }
    })
    return { year, yearText: partnershipYearText(year), ...span, amberDays: AMBER_DAYS, duties }
  }

  async function getDutyEvidence(id: number): Promise<DutyEvidence> {
    const row = await repo.findEvidence(db, id)
    if (!row) throw new NotFoundError('Evidence')
    return toEvidence(row)
  }

  /** Evidence that a duty was met: a meeting, a document or a decision, counted in its partnership year. */
  async function recordDutyEvidence(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'record evidence for a statutory duty')
    const v = parseInput(evidenceInput, input)
    return db.transaction().execute(async (trx) => {
      if (v.kind === 'meeting' && !(await meetingsRepo.findMeeting(trx, v.meetingId as number)))
        throw new ValidationError({ meetingId: 'Select the meeting from the list' })
      const decisionId = v.kind === 'decision' ? v.decisionId : null
      if (decisionId !== null && !(await decisionsRepo.findDecision(trx, decisionId)))
        throw new ValidationError({ decisionId: 'Select the decision from the register' })
      const values = {
        year: v.year ?? partnershipYearOf(v.evidencedOn),
        duty: v.duty,
        kind: v.kind,
        meeting_id: v.kind === 'meeting' ? v.meetingId : null,
        document_title: v.kind === 'document' ? v.documentTitle : null,
        document_link: v.kind === 'document' ? v.documentLink : null,
        // A record chosen from the register is named by it; a free reference is kept only without one.
        decision_id: decisionId,
        decision_reference: v.kind === 'decision' && decisionId === null ? v.decisionReference : null,
        evidenced_on: v.evidencedOn,
        note: v.note,
      }
      const id = await repo.insertEvidence(trx, values, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'statutory-duty.evidence',
        entityType: 'statutory-duty',
        entityId: `${values.year}:${values.duty}`,
        after: { evidence: id, ...values },
      })
      return id
    })
  }

  async function removeDutyEvidence(who: Who, id: number): Promise<void> {
    requireMayManage(who, 'remove evidence for a statutory duty')
    await db.transaction().execute(async (trx) => {
      const row = await repo.findEvidence(trx, id)
      if (!row || !(await repo.deleteEvidence(trx, id))) throw new NotFoundError('Evidence')
      const { meeting_starts_at: _s, meeting_board_name: _b, ...before } = row
      await audit.record(trx, who.actor, {
        action: 'statutory-duty.evidence-removed',
        entityType: 'statutory-duty',
        entityId: `${row.year}:${row.duty}`,
        before,
      })
    })
  }

  async function setDutyDueDate(who: Who, input: unknown): Promise<void> {
    requireMayManage(who, 'set a statutory duty’s due date')
    const v = parseInput(dueDateInput, input)
    const span = partnershipYearSpan(v.year)
    if (v.dueDate < span.from || v.dueDate > `${v.year + 1}-12-31`)
      throw new ValidationError({
        dueDate: `Choose a date from ${span.from} (the year’s start) to the end of ${v.year + 1}`,
      })
    await db.transaction().execute(async (trx) => {
      const before = (await repo.listDueDates(trx, v.year)).find((d) => d.duty === v.duty)?.due_date
      await repo.saveDueDate(trx, v.year, v.duty, v.dueDate)
      await audit.record(trx, who.actor, {
        action: 'statutory-duty.due-date',
        entityType: 'statutory-duty',
        entityId: `${v.year}:${v.duty}`,
        before: { due_date: before ?? defaultDueDate(v.duty, v.year) },
        after: { due_date: v.dueDate },
      })
    })
  }

  /** Marks a meeting as a public meeting (regulation 12), or not. */
  async function setPublicMeeting(who: Who, meetingId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'mark a meeting as public')
    const v = parseInput(publicMeetingInput, input)
    await db.transaction().execute(async (trx) => {
      if (!(await meetingsRepo.findMeeting(trx, meetingId))) throw new NotFoundError('Meeting')
      const was = await repo.isPublicMeeting(trx, meetingId)
      if (was === v.public) return
      await repo.setPublicMeeting(trx, meetingId, v.public, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'meeting.public',
        entityType: 'meeting',
        entityId: meetingId,
        before: { public: was },
        after: { public: v.public },
      })
    })
  }

  return {
    dutiesForYear,
    getDutyEvidence,
    recordDutyEvidence,
    removeDutyEvidence,
    setDutyDueDate,
    setPublicMeeting,
    isPublicMeeting: (meetingId: number) => repo.isPublicMeeting(db, meetingId),
  }
}
