import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import * as repo from './boards.repository.ts'
import { requireMayManage, type Who } from './policy.ts'
import { type Board, type BoardSummary, toBoardSummary, toMember, toReportingLine } from './records.ts'
import { wouldMakeLoop } from './rules/reporting-lines.ts'
import { boardChanges, boardInput, memberInput, reportingLineInput } from './schema.ts'

const NAME_TAKEN = { name: 'A board with this name already exists' }
const STALE =
  'Someone else changed this board after you opened it. Check their changes, then make yours again.'

/** Boards, their members and the lines by which they report to one another. */
export function createBoardsService(db: Db, audit: AuditService, partners: PartnersService) {
  /** A person or organisation a form names must be one the partners service holds. */
  async function checkPerson(id: number | null, field: string) {
    if (id === null) return
    await partners.getPerson(id).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: 'Select a person from the list' })
      throw error
    })
  }
  async function checkOrganisation(id: number | null, field: string) {
    if (id === null) return
    await partners.getOrganisation(id).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: 'Select an organisation from the list' })
      throw error
    })
  }

  function boardValues(v: ReturnType<typeof boardInput.parse>): repo.BoardValues {
    return {
      name: v.name,
      purpose: v.purpose,
      terms_of_reference: v.termsOfReference,
      terms_review_date: v.termsReviewDate,
      frequency: v.frequency,
      quorum: v.quorum,
      chair_person_id: v.chairPersonId,
      vice_chair_person_id: v.viceChairPersonId,
      standing_items: JSON.stringify(v.standingItems),
    }
  }

  const nameTaken = (error: unknown): never => {
    if (isUniqueViolation(error, 'boards', 'name')) throw new ValidationError(NAME_TAKEN)
    throw error
  }

  async function getBoard(id: number): Promise<Board> {
    const row = await repo.findBoard(db, id)
    if (!row) throw new NotFoundError('Board')
    const lines = (await repo.listReportingLines(db)).map(toReportingLine)
    return {
      ...toBoardSummary(row),
      members: (await repo.listMembers(db, id)).map(toMember),
      reportsTo: lines.filter((l) => l.board.id === id).map((l) => l.reportsTo),
      reportedToBy: lines.filter((l) => l.reportsTo.id === id).map((l) => l.board),
    }
  }

  async function createBoard(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'add a board')
    const v = parseInput(boardInput, input)
    await checkPerson(v.chairPersonId, 'chairPersonId')
    await checkPerson(v.viceChairPersonId, 'viceChairPersonId')
    return db.transaction().execute(async (trx) => {
      if (await repo.findBoardByName(trx, v.name)) throw new ValidationError(NAME_TAKEN)
      const values = boardValues(v)
      const id = await repo.insertBoard(trx, values, new Date().toISOString()).catch(nameTaken)
      await audit.record(trx, who.actor, {
        action: 'board.create',
        entityType: 'board',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  async function updateBoard(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'change a board')
    const v = parseInput(boardChanges, input)
    await checkPerson(v.chairPersonId, 'chairPersonId')
    await checkPerson(v.viceChairPersonId, 'viceChairPersonId')
    await db.transaction().execute(async (trx) => {
      const before = await repo.findBoard(trx, id)
      if (!before) throw new NotFoundError('Board')
      const clash = await repo.findBoardByName(trx, v.name)
      if (clash && clash.id !== id) throw new ValidationError(NAME_TAKEN)
      const values = boardValues(v)
      if (!(await repo.updateBoard(trx, id, v.version, values, new Date().toISOString()).catch(nameTaken)))
        throw new ConflictError(STALE, toBoardSummary(before))
      const {
        chair_name: _c,
        vice_chair_name: _v,
        created_at: _a,
        updated_at: _u,
        version: _n,
        ...old
      } = before
      await audit.record(trx, who.actor, {
        action: 'board.update',
        entityType: 'board',
        entityId: id,
        before: old,
        after: values,
      })
    })
  }

  async function addMember(who: Who, boardId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'change a board’s members')
    const v = parseInput(memberInput, input)
    await getBoard(boardId)
    await checkPerson(v.personId, 'personId')
    await checkOrganisation(v.organisationId, 'organisationId')
    // A member sits for their own organisation unless the form says otherwise.
    const organisationId = v.organisationId ?? (await partners.getPerson(v.personId)).organisationId
    const values = {
      board_id: boardId,
      person_id: v.personId,
      organisation_id: organisationId,
      role: v.role,
      voting: v.voting ? 1 : 0,
      from_date: v.fromDate,
      to_date: v.toDate,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertMember(trx, values)
      await audit.record(trx, who.actor, {
        action: 'board.member.add',
        entityType: 'board',
        entityId: boardId,
        after: { member: id, ...values },
      })
      return id
    })
  }

  /** A member leaves on a day; their past attendance still counts at the meetings before it. */
  async function endMembership(who: Who, boardId: number, memberId: number, toDate: string): Promise<void> {
    requireMayManage(who, 'change a board’s members')
    await db.transaction().execute(async (trx) => {
      const member = await repo.findMember(trx, memberId)
      if (!member || member.board_id !== boardId) throw new NotFoundError('Board member')
      await repo.setMemberEnd(trx, memberId, toDate)
      await audit.record(trx, who.actor, {
        action: 'board.member.end',
        entityType: 'board',
        entityId: boardId,
        before: { member: memberId, to_date: member.to_date },
        after: { member: memberId, to_date: toDate },
      })
    })
  }

  async function addReportingLine(who: Who, boardId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'change whom a board reports to')
    const { reportsToBoardId } = parseInput(reportingLineInput, input)
    await getBoard(boardId)
    if (!(await repo.findBoard(db, reportsToBoardId)))
      throw new ValidationError({ reportsToBoardId: 'Select the board it reports to from the list' })
    await db.transaction().execute(async (trx) => {
      const lines = (await repo.listReportingLines(trx)).map((l) => ({
        boardId: l.board_id,
        reportsToBoardId: l.reports_to_board_id,
      }))
      if (lines.some((l) => l.boardId === boardId && l.reportsToBoardId === reportsToBoardId))
        throw new ValidationError({ reportsToBoardId: 'The board already reports to that board' })
      if (wouldMakeLoop(lines, boardId, reportsToBoardId))
        throw new ValidationError({
          reportsToBoardId: 'That board already reports, directly or through others, to this one',
        })
      await repo.insertReportingLine(trx, boardId, reportsToBoardId)
      await audit.record(trx, who.actor, {
        action: 'board.reporting-line.add',
        entityType: 'board',
        entityId: boardId,
        after: { reports_to_board_id: reportsToBoardId },
      })
    })
  }

  async function removeReportingLine(who: Who, boardId: number, reportsToBoardId: number): Promise<void> {
    requireMayManage(who, 'change whom a board reports to')
    await db.transaction().execute(async (trx) => {
      if (!(await repo.deleteReportingLine(trx, boardId, reportsToBoardId)))
        throw new NotFoundError('Reporting line')
      await audit.record(trx, who.actor, {
        action: 'board.reporting-line.remove',
        entityType: 'board',
        entityId: boardId,
        before: { reports_to_board_id: reportsToBoardId },
      })
    })
  }

  return {
    listBoards: async (): Promise<BoardSummary[]> => (await repo.listBoards(db)).map(toBoardSummary),
    getBoard,
    findBoardByName: async (name: string) => (await repo.findBoardByName(db, name))?.id ?? null,
    reportingLines: async () => (await repo.listReportingLines(db)).map(toReportingLine),
    createBoard,
    updateBoard,
    addMember,
    endMembership,
    addReportingLine,
    removeReportingLine,
  }
}
