import { checkWorkbookContents, SpreadsheetRefusedError } from '../../../shared/spreadsheet/guard.ts'
import { readDirectory, ZipFormatError } from '../../../shared/zip.ts'

// What a board paper may be, judged by its bytes as well as its name: a PDF starts "%PDF-"; a Word
// document and an Excel workbook are ZIPs, measured by the workbook guard before anything opens
// them (a few hundred kilobytes can unpack to gigabytes), and told apart by the parts they hold.

export const MAX_PAPER_BYTES = 20 * 1024 * 1024

export const PAPER_TYPES = {
  pdf: { contentType: 'application/pdf', label: 'PDF' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
  },
} as const
export type PaperType = keyof typeof PAPER_TYPES

/** Refused before anything is written: the message names the file and says why. */
export class PaperRefusedError extends Error {}

const ACCEPTED = 'Upload a PDF, a Word document (.docx) or an Excel workbook (.xlsx).'

const extensionOf = (name: string): PaperType | null => {
  const ext = name.toLowerCase().match(/\.([a-z]+)$/)?.[1]
  return ext === 'pdf' || ext === 'docx' || ext === 'xlsx' ? ext : null
}

/** The type the bytes show, or null when they are none of the three. */
function typeOfZip(content: Buffer): PaperType | null {
  const names = new Set(readDirectory(content).map((e) => e.name))
  if (names.has('word/document.xml')) return 'docx'
  if (names.has('xl/workbook.xml')) return 'xlsx'
  return null
}

/** The paper's type when it may be kept; otherwise PaperRefusedError. */
export function checkPaperFile(fileName: string, content: Buffer, max = MAX_PAPER_BYTES): PaperType {
  if (content.length > max)
    throw new PaperRefusedError(
      `${fileName} is larger than ${max / 1024 / 1024} MB, the most a paper may be. Make it smaller (save images at a lower resolution, or split it) and upload it again.`,
    )
  if (content.length === 0) throw new PaperRefusedError(`${fileName} is empty. ${ACCEPTED}`)
  const named = extensionOf(fileName)
  if (!named) throw new PaperRefusedError(`${fileName} is not a paper Safer keeps. ${ACCEPTED}`)
  if (named === 'pdf') {
    if (content.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new PaperRefusedError(`${fileName} is named as a PDF but is not one. ${ACCEPTED}`)
    return 'pdf'
  }
  const label = PAPER_TYPES[named].label
  if (content.readUInt32LE(0) !== 0x04034b50)
    throw new PaperRefusedError(`${fileName} is named as a ${label} but is not one. ${ACCEPTED}`)
  try {
    checkWorkbookContents(content, fileName)
  } catch (error) {
    if (!(error instanceof SpreadsheetRefusedError)) throw error
    throw new PaperRefusedError(
      `${fileName} was refused: it is damaged, or unpacks to far more than its own size as no ordinary ${label} does. Save it again from Word or Excel and upload that.`,
    )
  }
  let found: PaperType | null
  try {
    found = typeOfZip(content)
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error
    found = null
  }
  if (found !== named)
    throw new PaperRefusedError(`${fileName} is named as a ${label} but is not one. ${ACCEPTED}`)
  return named
}

/** What a paper may link to instead of a file: the plans and performance modules' own pages. */
export const LINK_KINDS = ['plan', 'plan-summary', 'indicator-set', 'exception-report'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  plan: 'Action plan',
  'plan-summary': 'Action plan summary',
  'indicator-set': 'Indicators for a priority',
  'exception-report': 'Exception report',
}

/** Whether the link names a target (a plan, a priority) or stands alone (the exception report). */
export const linkNeedsTarget = (kind: LinkKind) => kind !== 'exception-report'

/**
 * An action arising is overdue when its due day (a London date) is before today's and it is not
 * closed. Without a due date it is never overdue.
 */
export const isOverdue = (action: { dueDate: string | null; status: string }, today: string) =>
  action.status !== 'closed' && action.dueDate !== null && action.dueDate < today
