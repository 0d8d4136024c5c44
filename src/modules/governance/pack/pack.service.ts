import type { Db } from '../../../db/database.ts'
import { isUniqueViolationOn } from '../../../db/errors.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import type { Actor, AuditService } from '../../audit/service.ts'
import { requireMayManage, type Who } from '../policy.ts'
import { buildAnnualReport, checkYear } from './build-annual.ts'
import { buildPack } from './build-pack.ts'
import * as repo from './packs.repository.ts'
import { noPapers, noRecordedDecisions, type PackSources } from './sources.ts'

// Board packs kept as numbered versions of their meeting, and the annual report on a strategy.
// Both are made from live data; a pack is kept exactly as made, so the one circulated can be read
// again whatever has changed since (ADR 0025).

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export interface PackVersion {
  id: number
  meetingId: number
  number: number
  madeAt: string
  madeBy: string
  fileName: string
  bytes: number
  circulatedAt: string | null
  circulatedBy: string | null
}

export interface PackFile {
  fileName: string
  content: Buffer
  contentType: string
}

const toVersion = (r: NonNullable<Awaited<ReturnType<typeof repo.findPack>>>): PackVersion => ({
  id: r.id,
  meetingId: r.meeting_id,
  number: r.number,
  madeAt: r.made_at,
  madeBy: r.made_by,
  fileName: r.file_name,
  bytes: Number(r.bytes),
  circulatedAt: r.circulated_at,
  circulatedBy: r.circulated_by,
})

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)

// docx and the PNG renderer load with the first document, not at every start-up.
const writeDocx = async (...args: Parameters<typeof import('../../../shared/word.ts').reportDocx>) =>
  (await import('../../../shared/word.ts')).reportDocx(...args)

/** Papers and decision records come from their parts through `papers` and `decisions` (wired in module.ts); left out, the pack lists none. */
export function createBoardPackService(
  db: Db,
  audit: AuditService,
  given: Omit<PackSources, 'papers' | 'decisions'> & Partial<Pick<PackSources, 'papers' | 'decisions'>>,
) {
  const sources: PackSources = { papers: noPapers, decisions: noRecordedDecisions, ...given }
  async function getVersion(id: number): Promise<PackVersion> {
    const row = await repo.findPack(db, id)
    if (!row) throw new NotFoundError('Board pack')
    return toVersion(row)
  }

  /** Makes the next version of the meeting's pack from live data and keeps it. */
  async function build(who: Who, meetingId: number): Promise<PackVersion> {
    requireMayManage(who, 'make a board pack')
    const meeting = await sources.governance.getMeeting(meetingId)
    // Two managers making a pack at once: the later meets the unique number and takes the next.
    for (let attempt = 1; ; attempt++) {
      const number = (await repo.highestNumber(db, meetingId)) + 1
      const madeAt = new Date().toISOString()
      const report = await buildPack(sources, meetingId, { number, madeAt, madeBy: who.actor.label })
      const content = await writeDocx(report)
      const fileName = `board-pack-${slug(meeting.boardName)}-${meeting.startsAt.slice(0, 10)}-v${number}.docx`
      try {
        const id = await db.transaction().execute(async (trx) => {
          const id = await repo.insertPack(trx, {
            meeting_id: meetingId,
            number,
            made_at: madeAt,
            made_by_user_id: who.actor.userId,
            made_by: who.actor.label,
            file_name: fileName,
            content,
          })
          await audit.record(trx, who.actor, {
            action: 'meeting.pack-build',
            entityType: 'meeting',
            entityId: meetingId,
            after: { pack_id: id, number, file_name: fileName, bytes: content.length },
          })
          return id
        })
        return getVersion(id)
      } catch (error) {
        if (!isUniqueViolationOn(error, 'board_packs') || attempt >= 5) throw error
      }
    }
  }

  /** The file as it was made. Reading it is audited by the caller, as a read of the meeting is. */
  async function packFile(id: number): Promise<PackFile & { version: PackVersion }> {
    const version = await getVersion(id)
    const row = await repo.packContent(db, id)
    if (!row) throw new NotFoundError('Board pack')
    return { version, fileName: version.fileName, content: Buffer.from(row.content), contentType: DOCX }
  }

  async function markCirculated(who: Who, id: number): Promise<PackVersion> {
    requireMayManage(who, 'mark a board pack as circulated')
    const version = await getVersion(id)
    const at = new Date().toISOString()
    await db.transaction().execute(async (trx) => {
      if (!(await repo.markCirculated(trx, id, at, who.actor.label)))
        throw new ValidationError({
          pack: `Version ${version.number} was already marked as circulated`,
        })
      await audit.record(trx, who.actor, {
        action: 'meeting.pack-circulated',
        entityType: 'meeting',
        entityId: version.meetingId,
        before: { pack_id: id, number: version.number, circulated_at: null },
        after: { pack_id: id, number: version.number, circulated_at: at },
      })
    })
    return getVersion(id)
  }

  /** The annual report on a strategy for a calendar year, made now; every one made is audited. */
  async function annualReport(actor: Actor, strategyId: number, yearInput: unknown): Promise<PackFile> {
    const year = checkYear(yearInput)
    const strategy = await sources.strategies.get(strategyId)
    const madeAt = new Date().toISOString()
    const content = await writeDocx(
      await buildAnnualReport(sources, strategyId, year, { madeAt, madeBy: actor.label }),
    )
    await audit.log(actor, {
      action: 'strategy.annual-report',
      entityType: 'strategy',
      entityId: strategyId,
      detail: { year, bytes: content.length },
    })
    return { fileName: `annual-report-${slug(strategy.title)}-${year}.docx`, content, contentType: DOCX }
  }

  return {
    build,
    versions: async (meetingId: number): Promise<PackVersion[]> =>
      (await repo.listPacks(db, meetingId)).map(toVersion),
    /** The meeting page's list: every version, and the latest one circulated. */
    meetingPacks: async (meetingId: number) => {
      const versions = (await repo.listPacks(db, meetingId)).map(toVersion)
      return { versions, circulated: versions.find((v) => v.circulatedAt !== null) ?? null }
    },
    getVersion,
    packFile,
    markCirculated,
    annualReport,
    /** The strategies an annual report can be made on. */
    strategies: () => sources.strategies.list(),
  }
}

export type BoardPackService = ReturnType<typeof createBoardPackService>
