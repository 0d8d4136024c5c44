// How the partnership writes a period, one way per frequency: 2025-01 (a month), 2025-Q1 (a
// calendar quarter), 2025-26 (a financial year, April to March) and 2025 (a calendar year). Each
// period is also a whole number (its index) so that the one before it, and the same period a year
// earlier, are plain arithmetic.

export const FREQUENCIES = ['month', 'quarter', 'financial-year', 'year'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  month: 'Monthly',
  quarter: 'Quarterly (calendar quarters)',
  'financial-year': 'Financial year (April to March)',
  year: 'Calendar year',
}

const EXAMPLES: Record<Frequency, string> = {
  month: 'a month, written like 2025-01',
  quarter: 'a calendar quarter, written like 2025-Q1',
  'financial-year': 'a financial year, written like 2025-26',
  year: 'a year, written like 2025',
}

/** Periods a year holds at each frequency. */
export const PER_YEAR: Record<Frequency, number> = { month: 12, quarter: 4, 'financial-year': 1, year: 1 }

export interface Period {
  frequency: Frequency
  /** As written: 2025-01, 2025-Q1, 2025-26, 2025. */
  text: string
  /** Consecutive periods have consecutive indexes. */
  index: number
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function periodYear(year: number): boolean {
  return year >= 1990 && year <= 2100
}

function indexOf(text: string, frequency: Frequency): number | null {
  if (frequency === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(text)
    const month = Number(m?.[2])
    if (!m || !periodYear(Number(m[1])) || month < 1 || month > 12) return null
    return Number(m[1]) * 12 + month - 1
  }
  if (frequency === 'quarter') {
    const m = /^(\d{4})-Q(\d)$/i.exec(text)
    const quarter = Number(m?.[2])
    if (!m || !periodYear(Number(m[1])) || quarter < 1 || quarter > 4) return null
    return Number(m[1]) * 4 + quarter - 1
  }
  if (frequency === 'financial-year') {
    const m = /^(\d{4})[-/](\d{2})$/.exec(text)
    const start = Number(m?.[1])
    if (!m || !periodYear(start) || Number(m[2]) !== (start + 1) % 100) return null
    return start
  }
  const m = /^(\d{4})$/.exec(text)
  return m && periodYear(Number(m[1])) ? Number(m[1]) : null
}

/** The period with this index, written the partnership's way. */
export function periodAt(frequency: Frequency, index: number): Period {
  const text =
    frequency === 'month'
      ? `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
      : frequency === 'quarter'
        ? `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
        : frequency === 'financial-year'
          ? `${index}-${String((index + 1) % 100).padStart(2, '0')}`
          : String(index)
  return { frequency, text, index }
}

/** Why a period cannot be read, in words that say how to write it. */
export function periodProblem(text: string, frequency: Frequency): string {
  return `"${text}" is not ${EXAMPLES[frequency]}`
}

/** The period, or null when it is not written the way this frequency's periods are. */
export function parsePeriod(text: string, frequency: Frequency): Period | null {
  const trimmed = text.trim()
  const index = indexOf(trimmed, frequency)
  return index === null ? null : periodAt(frequency, index)
}

export const previousPeriod = (p: Period) => periodAt(p.frequency, p.index - 1)
export const sameLastYear = (p: Period) => periodAt(p.frequency, p.index - PER_YEAR[p.frequency])

/** "Jan 2025", "Q1 2025 (Jan to Mar)", "2025-26", "2025". */
export function periodLabel(p: Period): string {
  if (p.frequency === 'month') return `${MONTH_NAMES[p.index % 12]} ${Math.floor(p.index / 12)}`
  if (p.frequency === 'quarter') {
    const q = p.index % 4
    return `Q${q + 1} ${Math.floor(p.index / 4)} (${MONTH_NAMES[q * 3]} to ${MONTH_NAMES[q * 3 + 2]})`
  }
  return p.text
}

/** The calendar months (YYYY-MM) a period covers, first to last. */
export function monthsOf(p: Period): string[] {
  const first =
    p.frequency === 'month'
      ? p.index
      : p.frequency === 'quarter'
        ? p.index * 3
        : p.frequency === 'financial-year'
          ? p.index * 12 + 3
          : p.index * 12
  const count = p.frequency === 'month' ? 1 : p.frequency === 'quarter' ? 3 : 12
  return Array.from({ length: count }, (_, i) => periodAt('month', first + i).text)
}

/** The financial year (April to March) a month (YYYY-MM) falls in. */
export function financialYearOf(month: string): Period {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return periodAt('financial-year', m >= 4 ? year : year - 1)
}
