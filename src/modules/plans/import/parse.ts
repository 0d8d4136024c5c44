import { displayName, initialsOf, splitList } from '../../../shared/names.ts'
import { endDay, isCalendarDate, type PlanDate, parsePlanDate, startDay } from '../plan-dates.ts'
import { parseRag } from '../rag.ts'
import {
  type ColumnMap,
  type Field,
  isActionNumber,
  isBanner,
  isLeadershipHeader,
  readHeader,
  realign,
  stripTags,
} from './layout.ts'
import { checkOrganisations } from './organisation-checks.ts'
import { checkPeople } from './people-checks.ts'
import type { Table } from './table.ts'
import { splitThemeCell } from './themes.ts'
import type { ParsedAction, ParsedDeliverable, ParsedPlan, ParsedTheme } from './types.ts'

const DELIVERABLE_FIELDS: Field[] = [
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
]

// Columns that hold plan data; any other first column is where theme titles go.
const DATA_FIELDS: Field[] = ['actionNo', 'actions', ...DELIVERABLE_FIELDS]

const tidy = (text: string) => stripTags(text).replace(/\s+/g, ' ').trim()

/** Reads a partnership action plan out of a spreadsheet's rows, reporting everything doubtful. */
export function parsePlanTable(table: Table): ParsedPlan {
  const plan: ParsedPlan = {
    title: null,
    themes: [],
    leadership: [],
    strategicAims: [],
    warnings: [],
    errors: [],
  }
  const warn = (row: number, message: string) => plan.warnings.push({ row, message })
  let map: ColumnMap | undefined
  let leadershipColumns: Record<string, number> | undefined
  let theme: ParsedTheme | undefined
  let action: ParsedAction | undefined

  const actionLabel = (a: ParsedAction) =>
    a.number ? `action ${a.number}` : `the unnumbered action on row ${a.row}`

  function ensureTheme(row: number): ParsedTheme {
    if (!theme) {
      warn(row, 'Plan rows start before any theme title; kept under a theme called "Untitled theme"')
      theme = { row, title: 'Untitled theme', subtitle: '', notes: [], actions: [] }
      plan.themes.push(theme)
    }
    return theme
  }

  function startAction(row: number, number: string | null, text: string): ParsedAction {
    const owner = ensureTheme(row)
    const normalised = number ? number.replace(/\s+/g, '').replace(/\.$/, '') : null
    if (normalised && owner.actions.some((a) => a.number === normalised)) {
      warn(row, `Action number ${normalised} is used twice in theme "${owner.title}"; both kept`)
    }
    action = {
      row,
      number: normalised,
      locallyAdded: normalised?.startsWith('*') ?? false,
      text,
      deliverables: [],
    }
    owner.actions.push(action)
    return action
  }

  function readDate(row: number, raw: string, which: string): PlanDate | null {
    const parsed = parsePlanDate(raw)
    if (parsed.ok) return parsed.value
    warn(row, `${which} date ${parsed.problem}; left blank`)
    return null
  }

  function readDeliverable(row: number, get: (f: Field) => string, outcome: string): ParsedDeliverable {
    const start = readDate(row, get('start'), 'Start')
    const end = readDate(row, get('end'), 'End')
    if (isCalendarDate(start) && isCalendarDate(end) && endDay(end) < startDay(start)) {
      warn(row, `End date ${get('end')} is before start date ${get('start')}; kept as written – check it`)
    }
    const ragText = get('rag')
    const rag = parseRag(ragText)
    if (rag === undefined)
      warn(row, `RAG status "${ragText}" is not Blue, Green, Amber, Red or Not started; read as Not rated`)
    const leads = splitList(get('lead')).map(displayName)
    if (!outcome) warn(row, 'Row has a lead or dates but no outcome; kept as an outcome with no text')
    if (outcome && leads.length === 0) warn(row, 'Outcome has no named lead')
    if (outcome && !start && !end) warn(row, 'Outcome has no start or end date')
    return {
      row,
      outcome,
      leads,
      leadOrganisations: splitList(get('leadOrganisation')),
      start,
      end,
      supportingOrganisations: get('supporting'),
      progress: get('progress'),
      comment: get('comment'),
      documentReferences: get('documents'),
      rag: rag ?? 'not-rated',
    }
  }

  function readLeader(row: number, cells: string[], columns: Record<string, number>) {
    const at = (name: string) => tidy(cells[columns[name] ?? -1] ?? '')
    const name = at('name')
    if (name) {
      plan.leadership.push({
        row,
        name: displayName(name),
        initials: initialsOf(name) ?? null,
        organisation: at('organisation'),
        role: at('role'),
      })
    }
    const aim = at('strategic aims')
    if (aim) plan.strategicAims.push(aim)
  }

  table.forEach((rawCells, index) => {
    const row = index + 1
    const cells = rawCells.map((c) => c ?? '')
    if (cells.every((c) => c.trim() === '')) return

    // Header, banner and leadership rows all name an action, a name or a ref: most rows do not,
    // and need none of the (costly) header checks.
    const joined = cells.join('\u0001').toLowerCase()
    const mayBeHeading = joined.includes('action') || joined.includes('name') || joined.includes('ref')

    if (mayBeHeading && isLeadershipHeader(cells)) {
      leadershipColumns = Object.fromEntries(cells.map((c, i) => [tidy(c).toLowerCase(), i]))
      return
    }
    const header = mayBeHeading ? readHeader(cells) : undefined
    if (header) {
      map = header
      leadershipColumns = undefined
      return
    }
    if (mayBeHeading && isBanner(cells)) return
    if (leadershipColumns) {
      readLeader(row, cells, leadershipColumns)
      return
    }
    if (!map) {
      const filled = cells.filter((c) => c.trim())
      if (filled.length === 1 && !plan.title) plan.title = tidy(filled[0] as string)
      else warn(row, 'Row above the plan’s header row; ignored')
      return
    }

    const aligned = realign(cells, map)
    if (aligned.shift) {
      const side = aligned.shift > 0 ? 'left' : 'right'
      const what = aligned.part === 'outcome' ? 'Outcome cells were' : 'Cells were'
      warn(
        row,
        `${what} ${Math.abs(aligned.shift)} column${Math.abs(aligned.shift) > 1 ? 's' : ''} ${side} of the header; re-aligned`,
      )
    }
    const c = aligned.cells
    const get = (field: Field) => {
      const col = map?.[field]
      return col === undefined ? '' : tidy(c[col] ?? '')
    }

    // A theme starts where its title fills the first column (whether headed Ref, Theme or
    // nothing), or failing that the Theme column.
    const dataInFirstColumn = DATA_FIELDS.some((f) => map?.[f] === 0)
    const themeCol = !dataInFirstColumn && (c[0] ?? '').trim() ? 0 : map.theme
    const themeCell = themeCol === undefined ? '' : (c[themeCol] ?? '').trim()
    if (themeCell && !isActionNumber(themeCell)) {
      const rest = c.filter((cell, i) => i !== themeCol && cell.trim() !== '')
      if (themeCell.startsWith('*') && rest.length === 0) {
        const owner = ensureTheme(row)
        // The star only marks the row as a footnote; the note is the text after it.
        owner.notes.push(tidy(themeCell).replace(/^\*\s*/, ''))
        warn(row, `Footnote kept as a note on theme "${owner.title}"`)
        return
      }
      const { title, subtitle } = splitThemeCell(themeCell)
      theme = { row, title, subtitle, notes: [], actions: [] }
      plan.themes.push(theme)
      action = undefined
    }

    let number = get('actionNo')
    let actionText = get('actions')
    let outcome = get('outcomes')
    if (number && !isActionNumber(number)) {
      warn(
        row,
        `"${number.slice(0, 40)}" in the Action No column is not an action number; read as the action`,
      )
      actionText = [number, actionText].filter(Boolean).join(' ')
      number = ''
    }
    const hasOtherDeliverableCells = DELIVERABLE_FIELDS.some((f) => f !== 'outcomes' && get(f) !== '')

    if (number) {
      startAction(row, number, actionText)
      if (!actionText) warn(row, `Action ${number} has no action text`)
    } else if (actionText) {
      if (!outcome && action && hasOtherDeliverableCells) {
        warn(
          row,
          `Text in the Actions column has no action number and no outcome; read as a further outcome of ${actionLabel(action)}`,
        )
        outcome = actionText
      } else {
        startAction(row, null, actionText)
        warn(row, 'Action has no action number')
      }
    }

    if (outcome || hasOtherDeliverableCells) {
      const owner = action ?? startAction(row, null, '')
      if (owner.row === row && !owner.text && !owner.number)
        warn(row, 'Outcome has no action above it; kept under an unnumbered action')
      owner.deliverables.push(readDeliverable(row, get, outcome))
    }
  })

  for (const t of plan.themes) {
    for (const a of t.actions) {
      if (a.deliverables.length === 0)
        warn(a.row, `${actionLabel(a).replace(/^./, (x) => x.toUpperCase())} has no outcome, lead or dates`)
    }
  }
  checkPeople(plan)
  checkOrganisations(plan)
  if (!map)
    plan.errors.push({
      row: 0,
      message:
        'No header row found: Safer looks for a row with "Action No", "Actions" and "Outcomes" columns',
    })
  else if (plan.themes.length === 0)
    plan.errors.push({ row: 0, message: 'The header row was found but no plan rows follow it' })
  plan.warnings.sort((a, b) => a.row - b.row)
  return plan
}
