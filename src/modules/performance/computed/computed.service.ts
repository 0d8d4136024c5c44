import type { Db } from '../../../db/database.ts'
import { ValidationError } from '../../../shared/errors.ts'
import type { AuditService } from '../../audit/service.ts'
import { SYSTEM_ACTOR } from '../../audit/service.ts'
import type { CrimeService } from '../../crime/service.ts'
import { type ComputedSpec, type Indicator, toIndicator } from '../indicator.ts'
import * as repo from '../indicators.repository.ts'
import { type Frequency, monthsOf, type Period, periodAt } from '../rules/periods.ts'
import { type CohortSource, cohortFigures } from './cohorts.ts'
import { LONDON, londonFigures } from './london.ts'

// Computed indicators are counted from the crime store, never typed. Their values are refreshed
// on read, keyed by the crime store's load version (the newest ingest): the first read after a
// load recounts them, every other read costs one small query. The crime module needs no hook, and
// a load made by another process (the command line) is seen as soon as it is finished.

/** The first month asked of the crime store: before any published series Safer reads. */
const EARLIEST = '2000-01'

export interface ComputedFigure {
  period: string
  value: number
  numerator: number | null
  denominator: number | null
}

type Crime = Pick<CrimeService, 'analysis' | 'listIngests'>

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7)
}

/** Every whole period at this frequency whose months are all loaded: a part-loaded period has no figure, never a low one. */
function wholePeriods(frequency: Frequency, loaded: Set<string>): Period[] {
  const months = [...loaded].sort()
  if (months.length === 0) return []
  const first = periodAt('month', Number(months[0]?.slice(0, 4)) * 12 + Number(months[0]?.slice(5, 7)) - 1)
  const year = Math.floor(first.index / 12) - 1
  const start = frequency === 'month' ? first.index : frequency === 'quarter' ? year * 4 : year
  const end = thisMonth()
  const periods: Period[] = []
  for (let i = start; ; i++) {
    const p = periodAt(frequency, i)
    const covers = monthsOf(p)
    if ((covers[0] as string) > end) break
    if (covers.every((m) => loaded.has(m))) periods.push(p)
  }
  return periods
}

export function createComputedService(
  db: Db,
  audit: AuditService,
  crime: Crime,
  cohorts: () => CohortSource | undefined = () => undefined,
) {
  async function loadVersion(): Promise<string> {
    const [latest] = await crime.listIngests(1)
    return latest ? `ingest-${latest.id}` : 'empty'
  }

  /** Monthly counts for an area and what the store holds, through the crime service. */
  async function monthly(spec: ComputedSpec, area: string, areaType?: 'force') {
    const result = await crime.analysis.counts({
      source: spec.source,
      area,
      areaType,
      crimeType: spec.crimeType ?? undefined,
      from: EARLIEST,
      to: thisMonth(),
      by: 'month',
    })
    const byMonth = new Map(result.rows.map((r) => [r.key ?? '', r.count]))
    return { query: result.query, byMonth, loaded: new Set(result.coverage.monthsLoaded) }
  }

  /** The figures of one area, period by period, as the indicator measures them. */
  async function figuresFor(
    indicator: Indicator,
    spec: ComputedSpec,
    area: string,
  ): Promise<ComputedFigure[]> {
    if (area.toLowerCase() === LONDON.toLowerCase()) return londonFigures(crime, indicator, spec, monthly)
    const { query, byMonth, loaded } = await monthly(spec, area)
    const figures: ComputedFigure[] = []
    for (const period of wholePeriods(indicator.frequency, loaded)) {
      const months = monthsOf(period)
      const count = months.reduce((s, m) => s + (byMonth.get(m) ?? 0), 0)
      if (spec.measure === 'count') {
        figures.push({ period: period.text, value: count, numerator: null, denominator: null })
        continue
      }
      const from = months[0] as string
      const to = months.at(-1) as string
      const rate = await crime.analysis.rateFor({ ...query, from, to }, count)
      if (rate.ratePer1000 === null) continue
      figures.push({
        period: period.text,
        value: rate.ratePer1000,
        numerator: count,
        denominator: rate.population,
      })
    }
    return figures
  }

  /** An IOM cohort indicator's source, or a problem: the risk panels may not be installed. */
  function cohortSource(): CohortSource {
    const source = cohorts()
    if (!source) throw new ValidationError({ 'computed.cohort': 'The risk panels are not installed here' })
    return source
  }

  async function refresh(indicator: Indicator, version: string): Promise<void> {
    const spec = indicator.computed
    if (!spec) return
    const own = spec.cohort
      ? await cohortFigures(cohortSource(), indicator, spec.cohort, thisMonth())
      : await figuresFor(indicator, spec, spec.area)
    const comparators = await Promise.all(
      spec.comparatorAreas.map(async (area) => ({ area, figures: await figuresFor(indicator, spec, area) })),
    )
    await db.transaction().execute(async (trx) => {
      await repo.clearComputed(trx, indicator.id)
      const now = new Date().toISOString()
      for (const f of own)
        await repo.insertValue(trx, {
          indicator_id: indicator.id,
          ...f,
          note: '',
          computed: 1,
          entered_by: spec.cohort ? 'Safer IOM cohort report' : 'Safer crime data',
          entered_by_user_id: null,
          entered_at: now,
        })
      for (const c of comparators)
        for (const f of c.figures)
          await repo.setComparator(trx, {
            indicator_id: indicator.id,
            series: c.area,
            period: f.period,
            value: f.value,
          })
      await repo.updateIndicator(trx, indicator.id, { computed_version: version })
      await audit.record(trx, SYSTEM_ACTOR, {
        action: 'indicator.refresh-computed',
        entityType: 'indicator',
        entityId: indicator.id,
        detail: { version, periods: own.length },
      })
    })
  }

  /** A cohort indicator's version: its panel's cohort and events, and the month (a period ends). */
  async function versionOf(indicator: Indicator, crimeVersion: string): Promise<string | null> {
    const spec = indicator.computed?.cohort
    if (!spec) return crimeVersion
    const source = cohorts()
    return source ? `${await source.version(spec)}-${thisMonth()}` : null
  }

  /** Recounts the computed indicators not yet counted from the crime store (or cohort) as it is now. */
  async function recount(): Promise<void> {
    const crimeVersion = await loadVersion()
    const computed = (await repo.listIndicators(db))
      .filter((row) => row.source === 'computed')
      .map(toIndicator)
    for (const indicator of computed) {
      // Without the risk panels a cohort indicator keeps the values it has.
      const version = await versionOf(indicator, crimeVersion)
      if (version === null || indicator.computedVersion === version) continue
      try {
        await refresh(indicator, version)
      } catch (error) {
        // PostgreSQL: another server process recounted the same indicator at the same moment and
        // committed first; its values are the same counts, so there is nothing left to do.
        if ((error as { code?: unknown }).code !== '23505') throw error
      }
    }
  }

  // One recount at a time in this process: readers arriving meanwhile wait for it, not start another.
  let running: Promise<void> | null = null
  function refreshIfStale(): Promise<void> {
    running ??= recount().finally(() => {
      running = null
    })
    return running
  }

  /**
   * Whether the crime store can count this query: its area, crime type and comparator areas are
   * ones it knows. Problems are named by the field of the definition they belong to.
   */
  async function check(spec: ComputedSpec): Promise<void> {
    if (spec.cohort) {
      const problems = await cohortSource().check(spec.cohort)
      if (Object.keys(problems).length) throw new ValidationError(problems)
      return
    }
    const problems: Record<string, string> = {}
    const ask = async (area: string, areaField: string) => {
      try {
        const query = await crime.analysis.resolve({
          source: spec.source,
          area,
          crimeType: spec.crimeType ?? undefined,
        })
        // A rate needs the area's population: without it the indicator could never be counted.
        if (spec.measure === 'rate') await crime.analysis.rateFor(query, 0)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        for (const [key, message] of Object.entries(error.fieldErrors)) {
          const field =
            key === 'crimeType'
              ? 'computed.crimeType'
              : key === 'populationYear'
                ? 'computed.measure'
                : areaField
          problems[field] ??= message
        }
      }
    }
    await ask(spec.area, 'computed.area')
    for (const area of spec.comparatorAreas)
      if (area.toLowerCase() !== LONDON.toLowerCase()) await ask(area, 'computed.comparatorAreas')
    if (Object.keys(problems).length) throw new ValidationError(problems)
  }

  return { refreshIfStale, loadVersion, figuresFor, check }
}

export type ComputedService = ReturnType<typeof createComputedService>
