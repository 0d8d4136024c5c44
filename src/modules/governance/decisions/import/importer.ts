import { NotFoundError, ValidationError } from '../../../../shared/errors.ts'
import { londonToday } from '../../../../shared/london-day.ts'
import type { Services } from '../../../module.ts'
import { dayText } from '../../pages/common.ts'
import type { Who } from '../../policy.ts'
import { DECISION_STATUS_LABELS, decisionStatusOf } from '../rules/statuses.ts'
import type { ReadDocument } from './parse.ts'

// Makes the records a read page describes, through the governance services only. Everything that
// could refuse is checked before the first write, and every choice made (a board or meeting
// matched, a meeting created, a status assumed) is said in the report.

export interface ImportOptions {
  /** The board the minutes are of, by name or id, instead of the body the text names. */
  board?: string
  /** The meeting to put the minutes in, by id, instead of finding one by the board and date. */
  meeting?: number
  /** The start time of a meeting the import creates (the text never gives one). */
  time?: string
  /** Add the board the minutes name when Safer has none of that name. */
  createBoard?: boolean
}

export interface ImportResult {
  report: string[]
  decisionId?: number
  meetingId?: number
  itemId?: number
}

type Deps = Pick<Services, 'governance' | 'partners'>

class Refusal extends ValidationError {
  constructor(message: string) {
    super({ file: message })
  }
}

export async function importRead(deps: Deps, who: Who, read: ReadDocument, options: ImportOptions = {}) {
  return read.kind === 'decision' ? importDecision(deps, who, read) : importMinutes(deps, who, read, options)
}

async function findBoard({ governance }: Deps, ref: string): Promise<number | null> {
  if (/^\d+$/.test(ref)) return (await governance.getBoard(Number(ref)).catch(() => null))?.id ?? null
  return governance.findBoardByName(ref)
}

async function importDecision(deps: Deps, who: Who, read: ReadDocument): Promise<ImportResult> {
  const { governance } = deps
  const report: string[] = []
  if (!read.title) throw new Refusal('The text gives the decision no title')
  if (!read.decisionMaker) throw new Refusal('The text gives no decision maker ("Decision Maker: …")')
  const decisionDate = read.dateOfDecision ?? read.meetingDate
  if (!decisionDate) throw new Refusal('The text gives no date of decision ("Date of decision: …")')
  let status = read.status ? decisionStatusOf(read.status) : 'approved'
  if (!status)
    throw new Refusal(
      `The status "${read.status}" is not one Safer knows: ${Object.values(DECISION_STATUS_LABELS).join(', ')}`,
    )
  if (!read.status) report.push('The text gives no status: recorded as Approved.')
  const same = (await governance.listDecisions({ from: decisionDate, to: decisionDate })).find(
    (d) => d.title === read.title || (read.reference !== null && d.reference === read.reference),
  )
  if (same) throw new Refusal(`This decision is already recorded, as ${same.reference} (record ${same.id})`)

  // The meeting it was decided at, when the decision maker is a board here with a meeting that day.
  let meetingId: number | null = null
  const boardId = await findBoard(deps, read.body ?? read.decisionMaker)
  if (boardId !== null && read.meetingDate) {
    const onDay = (await governance.listMeetings(boardId)).filter((m) =>
      m.startsAt.startsWith(read.meetingDate as string),
    )
    if (onDay.length === 1) meetingId = onDay[0]?.id ?? null
  }
  status ??= 'approved'
  const id = await governance.recordDecision(who, {
    reference: read.reference,
    title: read.title,
    decisionMaker: read.decisionMaker,
    decisionDate,
    publicationDate: read.publicationDate,
    keyDecision: read.keyDecision ?? false,
    subjectToCallIn: read.subjectToCallIn ?? false,
    purpose: read.purpose,
    decisions: read.resolutions,
    reasons: read.reasons,
    alternatives: read.alternatives,
    conflictsOfInterest: read.conflictsOfInterest,
    actionBy: read.actionBy,
    reportAuthors: read.reportAuthors,
    contactOfficer: read.contactOfficer,
    boardId,
    meetingId,
    documents: read.documents,
    status,
  })
  const decision = await governance.getDecision(id)
  report.push(
    `Recorded decision ${decision.reference}: ${decision.title} (${decision.decisions.length} numbered decisions, ${decision.documents.length} documents).`,
  )
  report.push(
    meetingId !== null
      ? `Linked to the meeting of ${read.body ?? read.decisionMaker} on ${dayText(read.meetingDate)}.`
      : 'Not linked to a meeting: Safer holds none of that board on that day.',
  )
  if (decision.callInDeadline) report.push(`Call-in ends ${dayText(decision.callInDeadline)}.`)
  if (decision.takesEffectOn) report.push(`Takes effect ${dayText(decision.takesEffectOn)}.`)
  return { report, decisionId: id, meetingId: meetingId ?? undefined }
}

async function importMinutes(
  deps: Deps,
  who: Who,
  read: ReadDocument,
  options: ImportOptions,
): Promise<ImportResult> {
  const { governance, partners } = deps
  const report: string[] = []
  if (!read.title) throw new Refusal('The text gives the item no title')

  // The board: named on the command line, or the body the minutes name.
  let meetingId = options.meeting ?? null
  let boardId: number | null = null
  if (meetingId !== null) {
    const meeting = await governance.getMeeting(meetingId)
    boardId = meeting.boardId
  } else {
    const boardRef = options.board ?? read.body
    if (!boardRef)
      throw new Refusal(
        'The minutes do not say whose meeting it was: name the board with --board, or the meeting with --meeting',
      )
    boardId = await findBoard(deps, boardRef)
    if (boardId === null && !options.createBoard)
      throw new Refusal(
        `The board "${boardRef}" is not in Safer: add it (safer board add), name another with --board, or give --create-board`,
      )
    if (!read.meetingDate)
      throw new Refusal('The minutes give no meeting date: name the meeting with --meeting ID')
    if (boardId !== null) {
      const onDay = (await governance.listMeetings(boardId)).filter((m) =>
        m.startsAt.startsWith(read.meetingDate as string),
      )
      if (onDay.length > 1)
        throw new Refusal(
          `The board met more than once on ${dayText(read.meetingDate)}: choose one with --meeting ID`,
        )
      meetingId = onDay[0]?.id ?? null
    }
  }

  const day = existingDay(read, meetingId === null ? null : await governance.getMeeting(meetingId))
  if (day && day > londonToday())
    throw new Refusal(`The meeting of ${dayText(day)} has not been held yet: minutes come after it`)

  // Before any write: an approved or cancelled meeting cannot take minutes, and a resolution already
  // held under the same number must say the same.
  const existing = meetingId !== null ? await governance.getMeeting(meetingId) : null
  if (existing && (existing.status === 'minutes-approved' || existing.status === 'cancelled'))
    throw new Refusal(
      `The meeting of ${dayText(existing.startsAt.slice(0, 10))} is ${existing.status.replace('-', ' ')}: its minutes can no longer change`,
    )
  const existingItem = existing?.items.find(
    (i) => (read.itemNumber !== null && i.number === read.itemNumber) || i.title === read.title,
  )
  for (const r of read.resolutions) {
    const held = existingItem?.resolutions.find((h) => h.number === r.number)
    if (held && held.text !== r.text)
      throw new Refusal(
        `Item ${existingItem?.number} already has a resolution ${r.number}, worded differently`,
      )
  }

  if (boardId === null) {
    const name = options.board ?? (read.body as string)
    boardId = await governance.createBoard(who, {
      name,
      purpose: 'Added when its minutes were imported',
      frequency: 'as needed',
      quorum: 1,
    })
    report.push(`Added the board ${name} (board ${boardId}): fill in its purpose, members and quorum.`)
  }
  const board = await governance.getBoard(boardId)
  if (meetingId === null) {
    meetingId = await scheduleFor(deps, who, board, read, options.time ?? '10:00')
    report.push(
      `Added the meeting of ${board.name} on ${dayText(read.meetingDate)} (meeting ${meetingId}), at ${options.time ?? '10:00'}: the minutes give no time.`,
    )
  } else
    report.push(
      `Matched the meeting of ${board.name} on ${dayText((existing?.startsAt ?? '').slice(0, 10))} (meeting ${meetingId}).`,
    )

  // Minutes are kept once the meeting has been held.
  let meeting = await governance.getMeeting(meetingId)
  for (const step of ['agenda-published', 'held'] as const) {
    if (meeting.nextStatuses.includes(step)) {
      await governance.changeStatus(who, meetingId, { status: step })
      meeting = await governance.getMeeting(meetingId)
    }
  }

  let item = meeting.items.find(
    (i) => (read.itemNumber !== null && i.number === read.itemNumber) || i.title === read.title,
  )
  if (item) report.push(`Matched item ${item.number}: ${item.title}.`)
  else {
    const presenter = read.presenter
      ? ((await partners.listPeople()).find((p) => p.name === read.presenter)?.id ?? null)
      : null
    const itemId = await governance.addItem(who, meetingId, {
      title: read.title,
      presenterPersonId: presenter,
      // The number the minutes give, unless the meeting already uses it.
      number:
        read.itemNumber !== null && !meeting.items.some((i) => i.number === read.itemNumber)
          ? read.itemNumber
          : undefined,
    })
    item = (await governance.getMeeting(meetingId)).items.find((i) => i.id === itemId)
    if (!item) throw new NotFoundError('Agenda item')
    report.push(
      `Added item ${item.number}: ${item.title}${read.itemNumber !== null && item.number !== read.itemNumber ? ` (item ${read.itemNumber} in the minutes: the board's numbering had passed it)` : ''}.`,
    )
  }
  if (read.discussion && !item.discussion) {
    await governance.recordMinutes(who, meetingId, { itemId: item.id, discussion: read.discussion })
    report.push('Recorded the minutes of the discussion.')
  } else if (read.discussion) report.push('The item already has minutes: left as they were.')
  let added = 0
  for (const r of read.resolutions) {
    if (item.resolutions.some((h) => h.number === r.number)) continue
    await governance.addResolution(who, meetingId, { itemId: item.id, number: r.number, text: r.text })
    added += 1
  }
  report.push(
    `Recorded ${added} resolution${added === 1 ? '' : 's'} (${read.resolutions.map((r) => r.number).join(', ')}).`,
  )
  return { report, meetingId, itemId: item.id }
}

const existingDay = (read: ReadDocument, meeting: { startsAt: string } | null) =>
  meeting ? meeting.startsAt.slice(0, 10) : read.meetingDate

/** A meeting for the minutes, numbered so that the imported item takes the number it was given. */
async function scheduleFor(
  { governance }: Deps,
  who: Who,
  board: Awaited<ReturnType<Deps['governance']['getBoard']>>,
  read: ReadDocument,
  time: string,
): Promise<number> {
  const startsAt = `${read.meetingDate}T${time}`
  const earlier = (await governance.listMeetings(board.id)).some((m) => m.startsAt < startsAt)
  const laid = board.standingItems.length + (earlier ? 1 : 0)
  const first = read.itemNumber !== null ? read.itemNumber - laid : undefined
  if (first !== undefined && first >= 1) {
    try {
      return await governance.scheduleMeeting(who, board.id, { startsAt, firstItemNumber: first })
    } catch (error) {
      // The board's numbering has already passed it: number on from the board's last item instead.
      if (!(error instanceof ValidationError && 'firstItemNumber' in error.fieldErrors)) throw error
    }
  }
  return governance.scheduleMeeting(who, board.id, { startsAt })
}
