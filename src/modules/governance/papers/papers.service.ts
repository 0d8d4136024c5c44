import type { Db } from '../../../db/database.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { AuditService } from '../../audit/service.ts'
import type { PlansService } from '../../plans/plans.service.ts'
import type { StrategiesService } from '../../plans/strategies.service.ts'
import * as meetingsRepo from '../meetings.repository.ts'
import { requireMayManage, type Who } from '../policy.ts'
import * as repo from './papers.repository.ts'
import {
  checkPaperFile,
  LINK_KIND_LABELS,
  type LinkKind,
  linkNeedsTarget,
  PAPER_TYPES,
  PaperRefusedError,
  type PaperType,
} from './rules.ts'
import { paperItemInput, paperLinkInput } from './schema.ts'

/** A paper on an agenda item: an uploaded file, or a link to a plan or the figures. */
export type Paper =
  | {
      id: number
      itemId: number
      kind: 'file'
      title: string
      fileType: PaperType
      typeLabel: string
      sizeBytes: number
    }
  | {
      id: number
      itemId: number
      kind: 'link'
      title: string
      linkKind: LinkKind
      kindLabel: string
      /** The plan's or the priority's id; null for the exception report. */
      targetId: number | null
      /** False when the plan or priority has since gone. */
      found: boolean
    }

export interface PaperFile {
  fileName: string
  contentType: string
  content: Buffer
  meetingId: number
  exempt: boolean
}

type PaperRow = Awaited<ReturnType<typeof repo.listPapersOfMeeting>>[number]

/** Board papers: uploaded files kept in the database, and links resolved to their titles when read. */
export function createPapersService(
  db: Db,
  audit: AuditService,
  plans: Pick<PlansService, 'listPlans'>,
  strategies: Pick<StrategiesService, 'getPriority'>,
) {
  /** The item, on this meeting, whose papers may still change (not once its minutes are approved). */
  async function changeableItem(meetingId: number, itemId: number) {
    const meeting = await meetingsRepo.findMeeting(db, meetingId)
    if (!meeting) throw new NotFoundError('Meeting')
    const item = await meetingsRepo.findItem(db, itemId)
    if (!item || item.meeting_id !== meetingId)
      throw new ValidationError({ itemId: 'Choose an item on this agenda' })
    if (meeting.status === 'minutes-approved' || meeting.status === 'cancelled')
      throw new ValidationError({ itemId: 'This meeting’s papers can no longer change' })
    return item
  }

  async function addPaperFile(
    who: Who,
    meetingId: number,
    input: unknown,
    file: { fileName: string; content: Buffer },
  ): Promise<number> {
    requireMayManage(who, 'add a paper')
    const { itemId } = parseInput(paperItemInput, input)
    const item = await changeableItem(meetingId, itemId)
    let fileType: PaperType
    try {
      fileType = checkPaperFile(file.fileName, file.content)
    } catch (error) {
      if (error instanceof PaperRefusedError) throw new ValidationError({ file: error.message })
      throw error
    }
    const values = {
      agenda_item_id: item.id,
      kind: 'file' as const,
      title: file.fileName,
      file_type: fileType,
      size_bytes: file.content.length,
      link_kind: null,
      link_target_id: null,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertPaper(trx, values, file.content, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'paper.add',
        entityType: 'meeting',
        entityId: meetingId,
        after: { paper: id, ...values },
      })
      return id
    })
  }

  /** The title a link shows, checked with the module that owns it; null when it does not exist. */
  async function titleOf(kind: LinkKind, targetId: number | null): Promise<string | null> {
    if (kind === 'exception-report') return LINK_KIND_LABELS[kind]
    if (targetId === null) return null
    if (kind === 'indicator-set') {
      const priority = await strategies.getPriority(targetId).catch((error) => {
        if (error instanceof NotFoundError) return null
        throw error
      })
      return priority ? `Indicators for ${priority.title}` : null
    }
    const plan = (await plans.listPlans()).find((p) => p.id === targetId)
    if (!plan) return null
    return kind === 'plan-summary' ? `${plan.title}: summary` : plan.title
  }

  async function addPaperLink(who: Who, meetingId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'add a paper')
    const v = parseInput(paperLinkInput, input)
    const item = await changeableItem(meetingId, v.itemId)
    const [kind, id] = v.target.split(':') as [LinkKind, string | undefined]
    const targetId = linkNeedsTarget(kind) ? Number(id) : null
    const title = await titleOf(kind, targetId)
    if (title === null) throw new ValidationError({ target: 'Choose a plan or priority from the list' })
    const values = {
      agenda_item_id: item.id,
      kind: 'link' as const,
      title,
      file_type: null,
      size_bytes: null,
      link_kind: kind,
      link_target_id: targetId,
    }
    return db.transaction().execute(async (trx) => {
      const paperId = await repo.insertPaper(trx, values, null, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'paper.add',
        entityType: 'meeting',
        entityId: meetingId,
        after: { paper: paperId, ...values },
      })
      return paperId
    })
  }

  /** Takes a paper off its item; returns the meeting it was on. */
  async function removePaper(who: Who, paperId: number): Promise<number> {
    requireMayManage(who, 'remove a paper')
    const paper = await repo.findPaper(db, paperId)
    if (!paper) throw new NotFoundError('Paper')
    await changeableItem(paper.meeting_id, paper.agenda_item_id)
    await db.transaction().execute(async (trx) => {
      await repo.deletePaper(trx, paperId)
      const { meeting_id: _m, exempt: _e, ...before } = paper
      await audit.record(trx, who.actor, {
        action: 'paper.remove',
        entityType: 'meeting',
        entityId: paper.meeting_id,
        before: { paper: paperId, ...before },
      })
    })
    return paper.meeting_id
  }

  async function toPaper(row: PaperRow, titles: Map<string, string | null>): Promise<Paper> {
    if (row.kind === 'file') {
      const fileType = row.file_type as PaperType
      return {
        id: row.id,
        itemId: row.agenda_item_id,
        kind: 'file',
        title: row.title,
        fileType,
        typeLabel: PAPER_TYPES[fileType].label,
        sizeBytes: row.size_bytes ?? 0,
      }
    }
    const linkKind = row.link_kind as LinkKind
    const key = `${linkKind}:${row.link_target_id}`
    if (!titles.has(key)) titles.set(key, await titleOf(linkKind, row.link_target_id))
    const live = titles.get(key) ?? null
    return {
      id: row.id,
      itemId: row.agenda_item_id,
      kind: 'link',
      title: live ?? row.title,
      linkKind,
      kindLabel: LINK_KIND_LABELS[linkKind],
      targetId: row.link_target_id,
      found: live !== null,
    }
  }

  /** Every paper of the meeting, in the order added, each link under its target's title as it is now. */
  async function papersOfMeeting(meetingId: number): Promise<Paper[]> {
    const titles = new Map<string, string | null>()
    const papers: Paper[] = []
    for (const row of await repo.listPapersOfMeeting(db, meetingId)) papers.push(await toPaper(row, titles))
    return papers
  }

  async function getPaperFile(paperId: number): Promise<PaperFile> {
    const paper = await repo.findPaper(db, paperId)
    const content = paper?.kind === 'file' ? await repo.paperContent(db, paperId) : null
    if (!paper || !content) throw new NotFoundError('Paper')
    return {
      fileName: paper.title,
      contentType: PAPER_TYPES[paper.file_type as PaperType].contentType,
      content,
      meetingId: paper.meeting_id,
      exempt: paper.exempt === 1,
    }
  }

  return { addPaperFile, addPaperLink, removePaper, papersOfMeeting, getPaperFile }
}
