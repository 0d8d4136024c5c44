import { formatNumber } from '../../../shared/svg.ts'
import type { ResolvedQuery } from '../analysis/analysis.service.ts'
import { periodLabel } from '../analysis/months.ts'
import type { Change } from '../analysis/statistics.ts'
import { AREA_TYPE_LABELS, AREA_TYPES, SOURCE_LABELS, SOURCES } from '../query-types.ts'
import { POLICE_UK_CRIME_TYPES } from '../schema.ts'
import { categoryName } from './names.ts'

// View data for the crime pages, shaped here (not in templates) so it can be tested.

/** The query string that keeps the reader's choices when they move between crime pages. */
export function queryString(
  q: Pick<ResolvedQuery, 'source' | 'area' | 'from' | 'to'> & { crimeType?: string },
): string {
  const params = new URLSearchParams({
    source: q.source,
    area: q.area.code,
    areaType: q.area.type,
    from: q.from,
    to: q.to,
  })
  if (q.crimeType) params.set('crimeType', q.crimeType)
  return `?${params.toString()}`
}

export interface FormValues {
  source?: string
  area?: string
  areaType?: string
  from?: string
  to?: string
  crimeType?: string
}

/**
 * Values and choices for the filter form at the top of each crime page. It offers only what the
 * source can answer: police.uk types that are loaded, and no category the period's data leaves out.
 */
export function filterForm(
  values: FormValues,
  recordedMajors: string[],
  loaded: { policeUkTypes?: string[]; unavailable?: string[] } = {},
) {
  const unavailable = new Set(loaded.unavailable ?? [])
  const crimeTypes = (
    values.source === 'recorded'
      ? recordedMajors
      : loaded.policeUkTypes?.length
        ? loaded.policeUkTypes
        : [...POLICE_UK_CRIME_TYPES]
  ).filter((t) => !unavailable.has(t))
  return {
    values,
    // Each source once, by its one label; no blank choice, since the page shows what was run.
    sourceItems: SOURCES.map((s) => ({ value: s, text: SOURCE_LABELS[s], selected: s === values.source })),
    areaTypeItems: AREA_TYPES.map((t) => ({ value: t, text: AREA_TYPE_LABELS[t] })),
    crimeTypeItems: [
      { value: 'serious-violence', text: 'Serious violence (local definition)' },
      ...crimeTypes.map((t) => ({ value: t, text: categoryName(t) })),
    ],
  }
}

/** The form values that describe a resolved query (so the form shows what was actually run). */
export function formValuesOf(q: ResolvedQuery, crimeType: string | undefined): FormValues {
  return { source: q.source, area: q.area.name, areaType: q.area.type, from: q.from, to: q.to, crimeType }
}

export function heading(q: ResolvedQuery): string {
  return `${categoryName(q.categoryLabel)} in ${q.area.name}, ${periodLabel(q.from, q.to)}`
}

/** "Up 12.5% (from 1,204), a significant change" in words a board paper would use. */
export function describeChange(
  change: Change & {
    from: string
    to: string
    complete?: boolean
    comparable?: boolean
    reason?: string | null
  },
): string {
  if (change.complete === false)
    return `No comparison: ${periodLabel(change.from, change.to)} is not all loaded`
  if (change.comparable === false)
    return `No comparison: ${change.reason ?? 'the periods are not like for like'}`
  const direction = change.difference > 0 ? 'Up' : change.difference < 0 ? 'Down' : 'No change'
  const size =
    change.percent === null
      ? `${formatNumber(Math.abs(change.difference))}`
      : `${formatNumber(Math.abs(change.percent))}%`
  const from = `from ${formatNumber(change.comparison)} in ${periodLabel(change.from, change.to)}`
  const p = change.pValue < 0.001 ? 'p < 0.001' : `p = ${change.pValue.toFixed(3)}`
  const significance = change.significant
    ? `a statistically significant change (${p})`
    : `not statistically significant (${p})`
  return change.difference === 0 ? `${direction} ${from}` : `${direction} ${size} ${from}; ${significance}`
}

export const fmt = (n: number | null | undefined, suffix = '') =>
  n === null || n === undefined ? '–' : `${formatNumber(n)}${suffix}`

/**
 * A rate per 1,000 residents as a person reads it: two decimal places (7.77), said so beside it.
 * Rates are kept exact everywhere else; the API and the CLI's --json give them unrounded.
 */
export const formatRate = (n: number | null | undefined) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
