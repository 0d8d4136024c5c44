import { parsePlanDate } from '../plan-dates.ts'

// Where each field sits. Real exports repeat the header for every theme, with variants
// ("RAG status", "Risk RAG status", "<b>Theme</b>", with or without a "Ref" column), so the
// map is re-read at every header rather than fixed once.

export const FIELDS = [
  'ref',
  'theme',
  'actionNo',
  'actions',
  'outcomes',
  'lead',
  'leadOrganisation',
  'start',
  'end',
  'supporting',
  'progress',
  'comment',
  'documents',
  'rag',
] as const
export type Field = (typeof FIELDS)[number]
export type ColumnMap = Partial<Record<Field, number>>

export const stripTags = (text: string) => text.replace(/<\/?[a-z][^>]*>/gi, '')
const normalise = (text: string) =>
  stripTags(text)
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

function fieldOf(header: string): Field | undefined {
  const h = normalise(header)
  if (h === 'ref' || h === 'reference') return 'ref'
  if (h === 'theme' || h === 'priority') return 'theme'
  if (/^action (no|number|ref)$/.test(h) || h === 'no') return 'actionNo'
  if (h === 'actions' || h === 'action') return 'actions'
  if (h === 'outcomes' || h === 'outcome' || h === 'deliverable' || h === 'deliverables') return 'outcomes'
  if (/lead organisations?$/.test(h)) return 'leadOrganisation'
  if (/lead$|leads$|^lead officer/.test(h)) return 'lead'
  if (h === 'start date' || h === 'start') return 'start'
  if (h === 'end date' || h === 'end' || h === 'due date') return 'end'
  if (/^supporting/.test(h)) return 'supporting'
  if (h === 'progress' || h === 'progress update') return 'progress'
  if (h === 'comment' || h === 'comments') return 'comment'
  if (/^document/.test(h)) return 'documents'
  if (/rag( status)?$/.test(h)) return 'rag'
  return undefined
}

/** A plan header row, or undefined. It must name at least the action, its number and the outcomes. */
export function readHeader(cells: string[]): ColumnMap | undefined {
  const map: ColumnMap = {}
  cells.forEach((cell, index) => {
    const field = fieldOf(cell)
    if (field && map[field] === undefined) map[field] = index
  })
  return map.actionNo !== undefined && map.actions !== undefined && map.outcomes !== undefined
    ? map
    : undefined
}

/** The "Ref | Actions | Risk" banner some exports put above the header. */
export function isBanner(cells: string[]): boolean {
  const words = cells.map(normalise).filter(Boolean)
  return (
    words.includes('ref') &&
    words.includes('actions') &&
    words.includes('risk') &&
    !words.some((w) => /^action no/.test(w))
  )
}

export function isLeadershipHeader(cells: string[]): boolean {
  const words = cells.map(normalise)
  return words.includes('name') && words.includes('organisation') && words.includes('role')
}

export const isActionNumber = (text: string) => /^\*?\s*\d+[a-z]?\.?$/i.test(text.trim())

const isDateCell = (text: string) => text.trim() !== '' && parsePlanDate(text).ok
const isCalendarCell = (text: string) => {
  const parsed = parsePlanDate(text)
  return parsed.ok && parsed.value !== null && /^\d/.test(parsed.value)
}

/**
 * Where the start/end pair sits in a row: the most reliable landmark in a shifted row. The
 * header's own date columns win; elsewhere a pair needs a real month or day, since "TBC" and
 * "Ongoing" also turn up as a lead, an organisation or a comment.
 */
function datePairAt(cells: string[], startCol: number | undefined): number | undefined {
  if (startCol !== undefined && isDateCell(cells[startCol] ?? '') && isDateCell(cells[startCol + 1] ?? ''))
    return startCol
  for (let i = 0; i < cells.length - 1; i++) {
    const [a, b] = [cells[i] ?? '', cells[i + 1] ?? '']
    if (isDateCell(a) && isDateCell(b) && (isCalendarCell(a) || isCalendarCell(b))) return i
  }
  return undefined
}

const emptyBetween = (cells: string[], from: number, to: number) =>
  cells.slice(from, to).every((c) => c === '')

export interface Realigned {
  cells: string[]
  /** Positive: moved right; negative: moved left; undefined when the row was in place. */
  shift?: number
  /** Which part moved: the whole row, or only the outcome onwards. */
  part?: 'row' | 'outcome'
}

/**
 * Puts a row's cells back under their headers. Spreadsheet exports drop or add empty cells,
 * so a row can sit left of its header (everything moved) or have only its outcome block pushed
 * right. The start/end dates, or failing that the action number, show where it should be.
 */
export function realign(cells: string[], map: ColumnMap): Realigned {
  const startCol = map.start
  const pair = datePairAt(cells, startCol)
  if (startCol !== undefined && pair !== undefined && pair !== startCol) {
    const shift = startCol - pair
    if (shift > 0) return { cells: [...Array<string>(shift).fill(''), ...cells], shift, part: 'row' }
    const outcomesCol = map.outcomes as number
    // Only the outcome block moved right, over empty cells: pull it back.
    if (emptyBetween(cells, outcomesCol, outcomesCol - shift)) {
      return {
        cells: [...cells.slice(0, outcomesCol), ...cells.slice(outcomesCol - shift)],
        shift,
        part: 'outcome',
      }
    }
    if (emptyBetween(cells, 0, -shift)) return { cells: cells.slice(-shift), shift, part: 'row' }
    return { cells }
  }
  if (pair === undefined) {
    // No dates: an action row on its own. Its number shows where the row belongs.
    const actionCol = map.actionNo as number
    const first = cells.findIndex((c) => c !== '')
    if (
      first >= 0 &&
      first < actionCol &&
      isActionNumber(cells[first] ?? '') &&
      emptyBetween(cells, 0, first)
    ) {
      const shift = actionCol - first
      return { cells: [...Array<string>(shift).fill(''), ...cells], shift, part: 'row' }
    }
  }
  return { cells }
}
