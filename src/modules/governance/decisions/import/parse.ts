import {
  documentOf,
  type Field,
  firstDate,
  heading,
  labelled,
  numbered,
  type Section,
  yesOrNo,
} from './text-parts.ts'

// Reads the pasted text of a council decision page (ModernGov's "Decision details" or "Record of
// decision") or of minutes (an item with its discussion and RESOLVED items) into one shape. Only
// what the text says is taken: anything it lacks stays null, and nothing is guessed from elsewhere.

export interface ImportedDocument {
  kind: 'decision' | 'minutes'
  title: string | null
  meetingDate: string | null
  itemNumber: number | null
  decisionMaker: string | null
  status: string | null
  keyDecision: boolean | null
  subjectToCallIn: boolean | null
  dateOfDecision: string | null
  publicationDate: string | null
  resolutions: Array<{ number: string; text: string }>
  documents: Array<{ title: string; link: string | null }>
}

/** Besides the shape `--json` prints, what the records are made with. */
export interface ReadDocument extends ImportedDocument {
  /** The board or committee the meeting was of ("Cabinet", "Community Safety Partnership"). */
  body: string | null
  reference: string | null
  purpose: string | null
  reasons: string | null
  alternatives: string | null
  conflictsOfInterest: string | null
  actionBy: string | null
  reportAuthors: string | null
  contactOfficer: string | null
  /** The minutes of the discussion, paragraph by paragraph. */
  discussion: string | null
  /** "Claire Kowalska presented the report …": who presented the item, when the minutes say. */
  presenter: string | null
}

export class UnreadableText extends Error {}

const DECISION_MARKS = [/^decision details$/i, /^record of (the )?(executive |officer |key )?decision/i]

/** Paste damage: no-break spaces, Windows line ends, tabs used for spacing after a number. */
const tidy = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ')

const MEETING_LINE = /^(.+?)\s+-\s+(.+?)(?:\s*\(item\s+(\d+)\))?$/i
const MINUTES_OF = /^minutes of (?:the )?(?:meeting of (?:the )?)?(.+?),?\s+held on\s+(.+)$/i
const ITEM_HEADING = /^(?:[Ii]tem\s+)?(\d{1,4})[.:]?\s+([A-Z].{2,})$/

export function readGovernanceText(raw: string): ReadDocument {
  const lines = tidy(raw)
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, '').replace(/^ +/, ''))
    .filter((l) => l.trim().length > 0)
  if (!lines.length) throw new UnreadableText('The file is empty')

  const fields: Partial<Record<Field, string>> = {}
  const sections: Partial<Record<Section, string[]>> = {}
  const preamble: string[] = []
  const decisions: Array<{ number: string | null; text: string }> = []
  let section: Section | null = null
  let decisionMarked = false
  let minutesOf: { body: string; date: string | null } | null = null

  for (const line of lines) {
    if (DECISION_MARKS.some((m) => m.test(line.trim()))) {
      decisionMarked = true
      continue
    }
    const minutesHeading = MINUTES_OF.exec(line)
    if (minutesHeading) {
      minutesOf = { body: (minutesHeading[1] as string).trim(), date: firstDate(minutesHeading[2] as string) }
      continue
    }
    const field = labelled(line)
    if (field && !(field.field in fields)) {
      fields[field.field] = field.value
      section = null
      continue
    }
    const head = heading(line.trim())
    if (head) {
      section = head.section
      sections[section] ??= []
      // Each "RESOLVED that …" paragraph is a resolution of its own, numbered or not.
      if (head.rest && head.resolved && !numbered(head.rest))
        decisions.push({ number: null, text: head.rest })
      else if (head.rest) take(head.rest.trim())
      continue
    }
    if (section === null) preamble.push(line.trim())
    else take(line.trim())
  }

  function take(line: string) {
    if (section !== 'decisions') {
      sections[section as Section]?.push(line)
      return
    }
    // A page repeating its heading in capitals ("Decision:" then "DECISION") adds nothing.
    if (/^(decision|decisions|resolved)$/i.test(line)) return
    const n = numbered(line)
    const last = decisions.at(-1)
    if (n) decisions.push(n)
    else if (/^resolved\b/i.test(line) || !last) decisions.push({ number: null, text: line })
    else last.text += `\n${line}`
  }

  const isDecision = decisionMarked || 'decisionMaker' in fields
  const isMinutes = !isDecision && (decisions.length > 0 || 'minutes' in sections || minutesOf !== null)
  if (!isDecision && !isMinutes)
    throw new UnreadableText(
      'This does not read as a decision page or minutes: it has no "Decision Maker:", "Record of decision", "Minutes:" or "RESOLVED"',
    )
  if (!decisions.length)
    throw new UnreadableText(
      'No decisions or resolutions found: they are read from under "Decision:", "Decisions", "RESOLVED" or "Resolved:", numbered 1. 2. 3., i) ii) iii) or (a) (b) (c)',
    )

  // Unnumbered "RESOLVED that …" paragraphs are numbered 1, 2, 3 in the order written.
  const resolutions = decisions.map((d, n) => ({ number: d.number ?? String(n + 1), text: d.text.trim() }))
  const seen = new Set<string>()
  for (const r of resolutions) {
    if (seen.has(r.number)) throw new UnreadableText(`Resolution ${r.number} is numbered twice in the text`)
    seen.add(r.number)
  }

  const meetingField = fields.meeting ? MEETING_LINE.exec(fields.meeting) : null
  const meetingDate =
    firstDate(fields.meetingDate ?? '') ??
    firstDate(meetingField?.[1] ?? fields.meeting ?? '') ??
    minutesOf?.date ??
    null
  const body = meetingField?.[2]?.trim() ?? minutesOf?.body ?? null
  let itemNumber = meetingField?.[3] ? Number(meetingField[3]) : null
  let title = fields.title ?? null
  let headingAt = -1
  for (const [at, line] of preamble.entries()) {
    if (title) break
    const item = ITEM_HEADING.exec(line)
    if (item && !isDecision) {
      itemNumber ??= Number(item[1])
      title = (item[2] as string).trim()
      headingAt = at
    }
  }
  title ??= titleFromPreamble(preamble, lines, fields.meeting)

  const join = (s: Section, separator = '\n') => {
    const text = sections[s]?.join(separator).trim()
    return text ? text : null
  }
  // Minutes without a "Minutes:" heading run from the item's heading to its RESOLVED.
  const discussion =
    'minutes' in sections || isDecision || headingAt < 0
      ? join('minutes', '\n\n')
      : preamble.slice(headingAt + 1).join('\n\n') || null
  return {
    kind: isDecision ? 'decision' : 'minutes',
    title,
    meetingDate,
    itemNumber,
    decisionMaker: fields.decisionMaker?.trim() ?? null,
    status: fields.status?.trim() ?? null,
    keyDecision: fields.keyDecision ? yesOrNo(fields.keyDecision) : null,
    subjectToCallIn: fields.subjectToCallIn ? yesOrNo(fields.subjectToCallIn) : null,
    dateOfDecision: firstDate(fields.dateOfDecision ?? ''),
    publicationDate: firstDate(fields.publicationDate ?? ''),
    resolutions,
    documents: (sections.documents ?? []).map(documentOf).filter((d) => d.title.length > 0),
    body,
    reference: fields.reference?.trim() ?? null,
    purpose: join('purpose'),
    reasons: join('reasons'),
    alternatives: join('alternatives'),
    conflictsOfInterest: join('conflicts'),
    actionBy: join('actionBy'),
    reportAuthors: fields.reportAuthors?.trim() ?? null,
    contactOfficer: fields.contactOfficer?.trim() ?? null,
    discussion,
    presenter: discussion
      ? (/^([A-Z][a-z]+(?: [A-Z][A-Za-z’'-]+){1,3}) presented\b/.exec(discussion)?.[1] ?? null)
      : null,
  }
}

/**
 * The title, when no "Title:" label gives it: the line after seed 004's "Meeting: …" line (the
 * item's own title), else the first line of the preamble that is not a page's furniture.
 */
function titleFromPreamble(preamble: string[], lines: string[], meeting: string | undefined): string | null {
  if (meeting) {
    const at = lines.findIndex((l) => l.includes(meeting))
    const next = lines[at + 1]?.trim()
    if (at >= 0 && next && preamble.includes(next)) return next
  }
  const candidate = preamble.find((l) => !/^issue\s*-\s*meetings$/i.test(l) && !/^report to follow/i.test(l))
  return candidate ?? null
}

/** Exactly the shape `safer decision import --json` prints. */
export function importedShape(read: ReadDocument): ImportedDocument {
  return {
    kind: read.kind,
    title: read.title,
    meetingDate: read.meetingDate,
    itemNumber: read.itemNumber,
    decisionMaker: read.decisionMaker,
    status: read.status,
    keyDecision: read.keyDecision,
    subjectToCallIn: read.subjectToCallIn,
    dateOfDecision: read.dateOfDecision,
    publicationDate: read.publicationDate,
    resolutions: read.resolutions,
    documents: read.documents,
  }
}
