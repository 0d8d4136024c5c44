import type { Db } from '../../../db/database.ts'
import type { Indicator } from '../indicator.ts'
import { toIndicator } from '../indicator.ts'
import * as repo from '../indicators.repository.ts'
import type { IndicatorsService, Who } from '../indicators.service.ts'
import { OPERATOR } from '../indicators.service.ts'
import { mayDefineIndicators, mayEnterValues } from '../policy.ts'
import { type CheckedValue, checkValue, VALUE_COLUMNS, type ValueColumn } from '../values.ts'
import { readValuesFile, UnreadableValuesFileError } from './read.ts'

// A long file of values, one row per indicator and period: `indicator, period, value` and
// optionally `target, numerator, denominator, comparator, note`. All or nothing, as the plan
// import: every row is checked first, each problem named by its row and column, and nothing is
// written unless every row is good.

const COLUMNS = ['indicator', ...VALUE_COLUMNS] as const
type Column = (typeof COLUMNS)[number]
const REQUIRED: Column[] = ['indicator', 'period', 'value']

export interface ImportProblem {
  /** The row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole. */
  row: number
  column: Column | null
  message: string
}

export interface ImportedRow {
  row: number
  indicator: string
  period: string
  value: number
  target: number | null
  numerator: number | null
  denominator: number | null
  comparator: number | null
  note: string
  /** new: no value yet; correction: replaces a different one (kept in the history); unchanged. */
  change: 'new' | 'correction' | 'unchanged'
  previous: number | null
}

export interface ImportOutcome {
  fileName: string
  dryRun: boolean
  written: boolean
  rows: ImportedRow[]
  counts: { rows: number; indicators: number; new: number; corrections: number; unchanged: number }
  errors: ImportProblem[]
  warnings: ImportProblem[]
}

export function createImportService(db: Db, indicators: IndicatorsService) {
  async function importValues(
    who: Who,
    input: { fileName: string; content?: Buffer; rows?: string[][]; dryRun?: boolean },
  ): Promise<ImportOutcome> {
    const outcome: ImportOutcome = {
      fileName: input.fileName,
      dryRun: Boolean(input.dryRun),
      written: false,
      rows: [],
      counts: { rows: 0, indicators: 0, new: 0, corrections: 0, unchanged: 0 },
      errors: [],
      warnings: [],
    }
    let table: string[][]
    try {
      table = input.rows ?? (await readValuesFile(input.content ?? Buffer.alloc(0), input.fileName))
    } catch (error) {
      if (!(error instanceof UnreadableValuesFileError)) throw error
      outcome.errors.push({ row: 0, column: null, message: error.message })
      return outcome
    }
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase())
    const at = new Map<Column, number>()
    header.forEach((h, i) => {
      if ((COLUMNS as readonly string[]).includes(h)) at.set(h as Column, i)
      else if (h)
        outcome.warnings.push({
          row: 1,
          column: null,
          message: `Column "${table[0]?.[i]}" is not one Safer reads; it was left out`,
        })
    })
    const missing = REQUIRED.filter((c) => !at.has(c))
    if (missing.length) {
      outcome.errors.push({
        row: 1,
        column: null,
        message: `The first row must name the columns indicator, period and value (missing: ${missing.join(', ')})`,
      })
      return outcome
    }
    const known = new Map((await repo.listIndicators(db)).map((r) => [r.key, toIndicator(r)]))
    const seen = new Map<string, number>()
    const good: Array<{ row: number; indicator: Indicator; checked: CheckedValue }> = []
    table.slice(1).forEach((cells, i) => {
      const row = i + 2
      if (cells.every((c) => c.trim() === '')) return
      const cell = (c: Column) => {
        const index = at.get(c)
        return index === undefined ? '' : (cells[index] ?? '')
      }
      const problem = (column: Column | null, message: string) =>
        outcome.errors.push({ row, column, message })
      const key = cell('indicator')
      const indicator = known.get(key) ?? known.get(key.toLowerCase())
      if (!indicator) {
        problem('indicator', key ? `Unknown indicator "${key}"` : 'Give the indicator’s key')
        return
      }
      if (!mayEnterValues(who.user ?? OPERATOR, indicator)) {
        problem(
          'indicator',
          indicator.source === 'computed'
            ? `${indicator.key} is computed from Safer’s crime data: its values cannot be uploaded`
            : `You cannot enter values for ${indicator.key}: only its owner organisation’s users and partnership managers can`,
        )
        return
      }
      const raw = Object.fromEntries(VALUE_COLUMNS.map((c) => [c, cell(c)])) as Record<ValueColumn, string>
      const { checked, errors } = checkValue(indicator, raw)
      for (const [column, message] of Object.entries(errors)) problem(column as Column, message)
      if (!checked) return
      if (checked.target !== null && who.user && !mayDefineIndicators(who.user)) {
        problem(
          'target',
          'Only partnership managers and administrators set targets: leave the target column empty',
        )
        return
      }
      const id = `${indicator.key}|${checked.period.text}`
      const earlier = seen.get(id)
      if (earlier !== undefined) {
        problem(
          'period',
          `A second row for ${indicator.key} in ${checked.period.text} (the first is row ${earlier})`,
        )
        return
      }
      seen.set(id, row)
      good.push({ row, indicator, checked })
    })
    if (good.length === 0 && outcome.errors.length === 0)
      outcome.errors.push({
        row: 0,
        column: null,
        message: `${input.fileName} has no rows of values under its header`,
      })

    for (const { row, indicator, checked } of good) {
      const stored = await repo.findValue(db, indicator.id, checked.period.text)
      const change = !stored
        ? 'new'
        : stored.value === checked.value &&
            stored.numerator === checked.numerator &&
            stored.denominator === checked.denominator &&
            stored.note === checked.note
          ? 'unchanged'
          : 'correction'
      outcome.rows.push({
        row,
        indicator: indicator.key,
        period: checked.period.text,
        value: checked.value,
        target: checked.target,
        numerator: checked.numerator,
        denominator: checked.denominator,
        comparator: checked.comparator,
        note: checked.note,
        change,
        previous: stored?.value ?? null,
      })
    }
    const c = outcome.counts
    c.rows = outcome.rows.length
    c.indicators = new Set(outcome.rows.map((r) => r.indicator)).size
    c.new = outcome.rows.filter((r) => r.change === 'new').length
    c.corrections = outcome.rows.filter((r) => r.change === 'correction').length
    c.unchanged = outcome.rows.filter((r) => r.change === 'unchanged').length
    if (outcome.errors.length || input.dryRun) return outcome

    await db.transaction().execute(async (trx) => {
      const byIndicator = new Map<number, { indicator: Indicator; rows: CheckedValue[] }>()
      for (const g of good) {
        const entry = byIndicator.get(g.indicator.id) ?? { indicator: g.indicator, rows: [] }
        entry.rows.push(g.checked)
        byIndicator.set(g.indicator.id, entry)
      }
      for (const { indicator, rows } of byIndicator.values())
        await indicators.writeValues(
          trx,
          who,
          indicator,
          rows,
          `Corrected by the upload of ${input.fileName}`,
          'upload',
        )
    })
    outcome.written = true
    return outcome
  }

  return { importValues }
}

export type IndicatorImportService = ReturnType<typeof createImportService>
