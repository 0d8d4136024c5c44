// The small pieces a pasted council page is read with: dates written the ways councils write them,
// labels ("Decision Maker:", "Key decision<TAB>Yes", "| Status | Approved |"), headings and numbers.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

const pad = (n: number) => String(n).padStart(2, '0')

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return `${year}-${pad(month)}-${pad(day)}`
}

/** The first date in the text, as YYYY-MM-DD: 13/09/2024, 2024-09-13, Friday 13th September 2024, 13 Sept 2024. */
export function firstDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text)
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(text)
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]))
  const words = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text)
  if (words) {
    const month = MONTHS.findIndex((m) => m.startsWith((words[2] as string).toLowerCase().slice(0, 3)))
    if (month >= 0) return isoOf(Number(words[3]), month + 1, Number(words[1]))
  }
  return null
}

/** "Yes"/"No" as a page writes it; null for anything else. */
export function yesOrNo(text: string): boolean | null {
  const t = text.trim().toLowerCase()
  if (/^(yes|y|true)\b/.test(t)) return true
  if (/^(no|n|false|not)\b/.test(t)) return false
  return null
}

/** A label as compared: lower case, no question mark, colon or hyphen, one space between words. */
export const labelKey = (label: string) =>
  label
    .toLowerCase()
    .replace(/[?:’'()]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim()

export type Field =
  | 'title'
  | 'reference'
  | 'decisionMaker'
  | 'status'
  | 'keyDecision'
  | 'subjectToCallIn'
  | 'publicationDate'
  | 'dateOfDecision'
  | 'meeting'
  | 'meetingDate'
  | 'reportAuthors'
  | 'contactOfficer'
  | 'callInDeadline'

const FIELDS: Record<string, Field> = {
  title: 'title',
  subject: 'title',
  'decision title': 'title',
  reference: 'reference',
  'decision reference': 'reference',
  ref: 'reference',
  'decision maker': 'decisionMaker',
  'decision taker': 'decisionMaker',
  'decision made by': 'decisionMaker',
  'decision taken by': 'decisionMaker',
  'decision status': 'status',
  status: 'status',
  'is key decision': 'keyDecision',
  'key decision': 'keyDecision',
  'is subject to call in': 'subjectToCallIn',
  'subject to call in': 'subjectToCallIn',
  'publication date': 'publicationDate',
  'date of publication': 'publicationDate',
  'date published': 'publicationDate',
  'date of decision': 'dateOfDecision',
  'decision date': 'dateOfDecision',
  'date decision made': 'dateOfDecision',
  'date decision taken': 'dateOfDecision',
  'decided at meeting': 'meeting',
  meeting: 'meeting',
  'date of meeting': 'meetingDate',
  'meeting date': 'meetingDate',
  'report author': 'reportAuthors',
  'report authors': 'reportAuthors',
  'contact officer': 'contactOfficer',
  contact: 'contactOfficer',
  'call in deadline': 'callInDeadline',
}

export type Section =
  | 'purpose'
  | 'decisions'
  | 'reasons'
  | 'alternatives'
  | 'conflicts'
  | 'actionBy'
  | 'documents'
  | 'minutes'

const SECTIONS: Record<string, Section> = {
  purpose: 'purpose',
  'purpose of the report': 'purpose',
  summary: 'purpose',
  decision: 'decisions',
  decisions: 'decisions',
  'decisions s': 'decisions',
  resolved: 'decisions',
  resolution: 'decisions',
  resolutions: 'decisions',
  'the decision': 'decisions',
  'decision taken': 'decisions',
  reasons: 'reasons',
  'reasons for the decision': 'reasons',
  'reason for the decision': 'reasons',
  'reasons for decision': 'reasons',
  'reasons for decisions': 'reasons',
  'alternative options considered': 'alternatives',
  'alternative options considered and rejected': 'alternatives',
  'alternative options': 'alternatives',
  'alternatives considered': 'alternatives',
  'conflicts of interest': 'conflicts',
  'conflict of interest': 'conflicts',
  'interests and dispensations': 'conflicts',
  'declarations of interest': 'conflicts',
  'any conflicts of interest declared': 'conflicts',
  'action by': 'actionBy',
  'accompanying documents': 'documents',
  'supporting documents': 'documents',
  'background papers': 'documents',
  minutes: 'minutes',
}

/** A line split into label and value, when it is laid out as one (colon, tab, or table cells). */
export function labelled(line: string): { field: Field; value: string } | null {
  const cells = line.includes('|')
    ? line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim())
    : line.includes('\t')
      ? line.split(/\t+/).map((c) => c.trim())
      : null
  const [label, value] =
    cells && cells.length >= 2 ? [cells[0] as string, cells.slice(1).join(' ').trim()] : splitColon(line)
  const field = FIELDS[labelKey(label)]
  return field && value ? { field, value } : null
}

function splitColon(line: string): [string, string] {
  const at = line.indexOf(':')
  return at > 0 && at <= 60 ? [line.slice(0, at), line.slice(at + 1).trim()] : ['', '']
}

/** A heading that starts a section, with any text after it on the same line ("RESOLVED: That …"). */
export function heading(line: string): { section: Section; rest: string; resolved: boolean } | null {
  const resolved = /^RESOLVED\b[\s:,-]*(.*)$/i.exec(line)
  if (resolved)
    return { section: 'decisions', rest: capitalise((resolved[1] as string).trim()), resolved: true }
  const whole = SECTIONS[labelKey(line)]
  if (whole) return { section: whole, rest: '', resolved: false }
  const [label, rest] = splitColon(line)
  const section = SECTIONS[labelKey(label)]
  return section ? { section, rest, resolved: false } : null
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const NUMBERED = /^\(?(\d{1,3}|[ivxlcdm]{1,8}|[a-z])[.)]\s*(\S.*)$/i

/** "2. That …", "(b) To note …", "iii) That …": the number as written and the text. */
export function numbered(line: string): { number: string; text: string } | null {
  const match = NUMBERED.exec(line)
  return match ? { number: (match[1] as string).toLowerCase(), text: (match[2] as string).trim() } : null
}

const SIZE = /\s+(pdf|docx?|xlsx?|pptx?|odt|html?|csv)(\s+[\d.]+\s*[kmg]b)?$/i

/** A document line: its title without the bullet, file type and size, and a link if one is given. */
export function documentOf(line: string): { title: string; link: string | null } {
  const bare = line.replace(/^[-–•·*]\s*/, '')
  const link = /https:\/\/\S+/.exec(bare)?.[0] ?? null
  const title = bare
    .replace(/https:\/\/\S+/, '')
    .replace(SIZE, '')
    .replace(/[\s,;–-]+$/, '')
    .trim()
  return { title, link }
}
