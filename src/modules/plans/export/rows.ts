import { guardFormula } from '../../../shared/spreadsheet/formula-guard.ts'
import { spreadsheetPlanDate } from '../plan-dates.ts'
import type { ActionNode, DeliverableNode, LeaderNode, PlanTree, ThemeNode } from '../plan-tree.ts'
import { RAG_LETTERS, type Rag } from '../rag.ts'
import { LEADERSHIP_HEADERS, PLAN_HEADERS, PLAN_WIDTH } from './columns.ts'
import { themeCell } from './theme-cell.ts'

export type RowKind = 'title' | 'blank' | 'leadership-header' | 'leader' | 'plan-header' | 'plan' | 'note'

export interface SheetRow {
  kind: RowKind
  /** Cell text as it goes in the file: trimmed and guarded against formulas; '' is an empty cell. */
  cells: string[]
  /** On rows that carry a deliverable: its status, for the RAG column's fill. */
  rag?: Rag
  /** On a theme's first row, when its title is written plainly: the length of the title part of cells[0]. */
  boldPrefix?: number
}

export interface PlanSheet {
  rows: SheetRow[]
  /** 1-based: where the xlsx freezes panes and its filter starts. */
  firstPlanHeaderRow: number
}

export const RAG_COLUMN = PLAN_HEADERS.indexOf('RAG status')

// The importer trims every cell, so trimming here loses nothing on the way back, and a guard
// quote then sits right before the character a spreadsheet would act on.
const cell = (text: string) => guardFormula(text.trim())

function row(kind: RowKind, texts: readonly string[], extra: Partial<SheetRow> = {}): SheetRow {
  return { kind, cells: texts.map(cell), ...extra }
}

const leaderName = (l: LeaderNode) => (l.initials ? `${l.name} (${l.initials})` : l.name)

function leadershipRows(tree: PlanTree): SheetRow[] {
  const count = Math.max(tree.leadership.length, tree.strategicAims.length)
  if (count === 0) return []
  const rows = [row('leadership-header', LEADERSHIP_HEADERS)]
  for (let i = 0; i < count; i++) {
    const leader = tree.leadership[i]
    rows.push(
      row('leader', [
        '',
        leader ? leaderName(leader) : '',
        leader?.organisation ?? '',
        leader?.role ?? '',
        tree.strategicAims[i] ?? '',
      ]),
    )
  }
  rows.push(row('blank', []))
  return rows
}

function deliverableCells(d: DeliverableNode): string[] {
  return [
    d.outcome,
    d.leads.join('/'),
    d.leadOrganisations.join('/'),
    spreadsheetPlanDate(d.start),
    spreadsheetPlanDate(d.end),
    d.supportingOrganisations,
    d.progress,
    d.comment,
    d.documentReferences,
    RAG_LETTERS[d.rag],
  ]
}

const NO_DELIVERABLE = Array<string>(PLAN_WIDTH - 4).fill('')

function actionRows(action: ActionNode): Array<{ cells: string[]; rag?: Rag }> {
  const [first, ...rest] = action.deliverables
  const head = ['', '', action.number ?? '', action.text]
  if (!first) return [{ cells: [...head, ...NO_DELIVERABLE] }]
  return [
    { cells: [...head, ...deliverableCells(first)], rag: first.rag },
    ...rest.map((d) => ({ cells: ['', '', '', '', ...deliverableCells(d)], rag: d.rag })),
  ]
}

function themeRows(theme: ThemeNode): SheetRow[] {
  const opening = themeCell(theme.title, theme.subtitle)
  const body = theme.actions.flatMap(actionRows)
  const [first = { cells: Array<string>(PLAN_WIDTH).fill('') }, ...rest] = body
  first.cells[0] = opening.text
  const built = [first, ...rest].map((r) => row('plan', r.cells, r.rag ? { rag: r.rag } : {}))
  const head = built[0] as SheetRow
  // A guard quote in front of the title stays plain, so the bold run starts after it.
  if (opening.titleLength !== undefined)
    head.boldPrefix = (head.cells[0] as string).length - opening.text.length + opening.titleLength
  // The importer reads a first-column-only row starting with "*" as a footnote of the theme above.
  // The importer takes "* " off a footnote, so every note gets one: a note that starts with a star keeps it.
  const notes = theme.notes.map((note) => row('note', [`* ${note}`]))
  return [row('plan-header', PLAN_HEADERS), ...built, ...notes]
}

/** The plan as spreadsheet rows, shared by the CSV and xlsx writers so both say the same thing. */
export function buildPlanSheet(tree: PlanTree): PlanSheet {
  const rows: SheetRow[] = []
  if (tree.title.trim()) rows.push(row('title', [tree.title]), row('blank', []))
  rows.push(...leadershipRows(tree))
  const firstPlanHeaderRow = rows.length + 1
  // An empty plan still gets a header, so the file is a template the importer recognises.
  const themes = tree.themes.length > 0 ? tree.themes.map(themeRows) : [[row('plan-header', PLAN_HEADERS)]]
  themes.forEach((section, i) => {
    if (i > 0) rows.push(row('blank', []))
    rows.push(...section)
  })
  return { rows, firstPlanHeaderRow }
}
