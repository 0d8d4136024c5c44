import type { Indicator } from './indicator.ts'
import { type Period, parsePeriod, periodProblem } from './rules/periods.ts'

// One value as typed, on the entry form or in a row of an upload, checked against its indicator.
// The form and the import use this one check, so a value the form refuses the import refuses too,
// with the same words; each problem is keyed by its column.

export const VALUE_COLUMNS = [
  'period',
  'value',
  'target',
  'numerator',
  'denominator',
  'comparator',
  'note',
] as const
export type ValueColumn = (typeof VALUE_COLUMNS)[number]

export type RawValue = Partial<Record<ValueColumn, unknown>>

export interface CheckedValue {
  period: Period
  value: number
  numerator: number | null
  denominator: number | null
  target: number | null
  comparator: number | null
  note: string
}

const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0'])

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim())

/** A number as people type it: "1,234", "89%", "£1,200.50". undefined when blank, NaN when not a number. */
export function readNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw
  const t = text(raw)
    .replace(/^£/, '')
    .replace(/%$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '')
  if (t === '') return undefined
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN
}

export function checkValue(
  indicator: Pick<Indicator, 'unit' | 'frequency'>,
  raw: RawValue,
): { checked?: CheckedValue; errors: Partial<Record<ValueColumn, string>> } {
  const errors: Partial<Record<ValueColumn, string>> = {}
  const periodText = text(raw.period)
  const period = periodText ? parsePeriod(periodText, indicator.frequency) : null
  if (!periodText) errors.period = 'Enter the period'
  else if (!period) errors.period = periodProblem(periodText, indicator.frequency)

  const number = (column: ValueColumn): number | null => {
    const n = readNumber(raw[column])
    if (n === undefined) return null
    if (!Number.isFinite(n)) {
      errors[column] = `"${text(raw[column])}" is not a number`
      return null
    }
    return n
  }

  let value: number | null
  if (indicator.unit === 'yes-no') {
    const t = text(raw.value).toLowerCase()
    value = YES.has(t) ? 1 : NO.has(t) ? 0 : null
    if (value === null) errors.value = t ? `"${text(raw.value)}" is not yes or no` : 'Enter the value'
  } else {
    value = number('value')
    if (value === null && !errors.value) errors.value = 'Enter the value'
  }
  if (value !== null) {
    if (indicator.unit === 'percent' && (value < 0 || value > 100))
      errors.value = `${value} is not a percentage: it must be between 0 and 100`
    if (indicator.unit === 'count' && (!Number.isInteger(value) || value < 0))
      errors.value = `${value} is not a count: it must be a whole number, 0 or more`
  }
  const numerator = number('numerator')
  const denominator = number('denominator')
  if (denominator === 0) errors.denominator = 'The denominator cannot be 0'
  else if (denominator !== null && denominator < 0) errors.denominator = 'The denominator cannot be negative'
  if (numerator !== null && numerator < 0) errors.numerator = 'The numerator cannot be negative'
  if ((numerator === null) !== (denominator === null) && !errors.numerator && !errors.denominator) {
    const missing = numerator === null ? 'numerator' : 'denominator'
    errors[missing] = 'Give both the numerator and the denominator, or neither'
  }
  if (indicator.unit === 'percent' && numerator !== null && denominator && numerator > denominator)
    errors.numerator = 'The numerator cannot be more than the denominator for a percentage'
  const target = number('target')
  if (target !== null && indicator.unit === 'percent' && (target < 0 || target > 100))
    errors.target = `${target} is not a percentage: it must be between 0 and 100`
  const comparator = number('comparator')
  const note = text(raw.note)
  if (note.length > 2000) errors.note = 'The note must be 2,000 characters or fewer'

  if (Object.keys(errors).length || !period || value === null) return { errors }
  return { checked: { period, value, numerator, denominator, target, comparator, note }, errors }
}
