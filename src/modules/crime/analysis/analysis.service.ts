import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import * as places from '../areas/places.repository.ts'
import {
  AREA_TYPE_LABELS,
  type Area,
  type CountDimension,
  type CountRow,
  type CrimeQuery,
  type Source,
} from '../query-types.ts'
import { crimeQueryInput, POLICE_UK_CRIME_TYPES } from '../schema.ts'
import { defaultSource } from '../sources.ts'
import { hasRecordedCrime } from '../store/contents.repository.ts'
import type { AnalyticsStore } from '../store/store.ts'
import { type Against, type Comparison, compareCovered, type PeriodChange } from './comparison.ts'
import * as counts from './counts.repository.ts'
import {
  type Coverage,
  createCoverageService,
  type DetailedCoverage,
  publicCoverage,
} from './coverage.service.ts'
import { type DefinitionsService, SERIOUS_VIOLENCE } from './definitions.service.ts'
import { addMonths, comparisonPeriods, monthRange, monthsBetween } from './months.ts'
import { compareCounts, ratePer1000 } from './statistics.ts'

export interface ResolvedQuery extends CrimeQuery {
  by: CountDimension | null
  /** What the categories are, in words ("All crime", "Burglary", "Serious violence"). */
  categoryLabel: string
  populationYear: number | null
}

const SV_WORDS = new Set([SERIOUS_VIOLENCE, 'serious violence', 'sv'])

/** Turns what someone typed (page, API, CLI) into a query on ONS codes, and runs the basic counts. */
export function createAnalysisService(store: AnalyticsStore, definitions: DefinitionsService) {
  const coverage = createCoverageService(store)

  async function resolveArea(text: string | undefined, type: Area['type'] | undefined): Promise<Area> {
    return (await findArea(text, type)).area
  }

  /** The area, and whether the ONS lookups that place crimes in it are imported. */
  async function findArea(
    text: string | undefined,
    type: Area['type'] | undefined,
  ): Promise<{ area: Area; lookupsImported: () => Promise<boolean> }> {
    if (!text) {
      const home = await places.homeArea(store)
      if (home) return { area: home, lookupsImported: () => places.hasAreaLookups(store) }
      throw new ValidationError({
        area: 'Enter an area: a local authority, ward, LSOA or police force, by name or ONS code',
      })
    }
    const { areas: found, lookupsImported } = await places.findAreas(store, text, type ?? null)
    if (found.length === 1 && found[0])
      return { area: found[0], lookupsImported: async () => lookupsImported }
    if (found.length === 0) {
      throw new ValidationError({
        area: `No ${type ? AREA_TYPE_LABELS[type].toLowerCase() : 'area'} called "${text}". Use an ONS code (E09…, E05…, E01…) or a name as ONS writes it, and check the area lookups are imported`,
      })
    }
    const choices = found.map((a) => `${a.name} (${a.type} ${a.code})`).join('; ')
    throw new ValidationError({
      area: `"${text}" could mean more than one area: ${choices}. Give its ONS code or an area type`,
    })
  }

  async function resolveCategories(
    source: Source,
    text: string | undefined,
  ): Promise<{ categories: string[] | null; label: string }> {
    if (!text) return { categories: null, label: 'All crime' }
    if (SV_WORDS.has(text.toLowerCase())) {
      const d = await definitions.get(SERIOUS_VIOLENCE)
      return { categories: source === 'police-uk' ? d.policeUkTypes : d.recordedCategories, label: d.name }
    }
    if (source === 'police-uk') {
      const known = [...new Set([...POLICE_UK_CRIME_TYPES, ...(await places.policeUkCrimeTypes(store))])]
      const match = known.find((t) => t.toLowerCase() === text.toLowerCase())
      if (!match)
        throw new ValidationError({
          crimeType: `No police.uk crime type "${text}". Known: ${known.join(', ')}, or serious-violence`,
        })
      return { categories: [match], label: match }
    }
    const upper = text.toUpperCase()
    const known = await places.recordedCategories(store)
    if (known.some((c) => c.major === upper)) return { categories: [upper], label: upper }
    const full = known.find((c) => `${c.major} / ${c.minor}` === upper || c.minor === upper)
    if (!full) {
      const majors = [...new Set(known.map((c) => c.major))]
      throw new ValidationError({
        crimeType: `No recorded-crime category "${text}". Major categories: ${majors.join(', ')}, or serious-violence`,
      })
    }
    return { categories: [`${full.major} / ${full.minor}`], label: `${full.major} / ${full.minor}` }
  }

  /**
   * Validates and resolves an analysis request; an empty period means the latest 12 months the
   * source holds for the area (stop and search: the latest 12 months of searches there).
   */
  async function resolve(input: unknown, options: { dataset?: 'stop-search' } = {}): Promise<ResolvedQuery> {
    const v = parseInput(crimeQueryInput, input)
    const source = v.source ?? defaultSource(await hasRecordedCrime(store))
    const { area, lookupsImported } = await findArea(v.area, v.areaType)
    if (
      area.type !== 'force' &&
      (source === 'police-uk' || area.type !== 'lad') &&
      !(await lookupsImported())
    ) {
      throw new ValidationError({
        area: 'The ONS area lookups are not imported, so crimes cannot be placed in wards or local authorities: run safer areas import first',
      })
    }
    if (source === 'recorded' && v.by && !counts.recordedDimensionSupported(v.by)) {
      throw new ValidationError({
        by: 'Recorded crime can be broken down by crime_type, month, ward or lsoa',
      })
    }
    const { categories, label } = await resolveCategories(source, v.crimeType)
    let to = v.to
    let from = v.from
    if (!to)
      to = from
        ? addMonths(from, 11)
        : ((await coverage.latestMonth(options.dataset ?? source, area)) ??
          (await counts.latestMonth(store, source)) ??
          new Date().toISOString().slice(0, 7))
    if (!from) from = addMonths(to, -11)
    return {
      source,
      area,
      from,
      to,
      categories,
      categoryLabel: label,
      by: v.by ?? null,
      populationYear: v.populationYear ?? null,
    }
  }

  async function count(q: CrimeQuery, by: CountDimension | null): Promise<CountRow[]> {
    return q.source === 'police-uk' ? counts.countStreet(store, q, by) : counts.countRecorded(store, q, by)
  }

  async function total(q: CrimeQuery): Promise<number> {
    return (await count(q, null))[0]?.count ?? 0
  }

  /**
   * `safer crime counts`: the total and a breakdown, with the coverage they rest on. Where no month
   * is loaded nothing is counted; the API and --json then give the total as null (`loadedTotal`).
   */
  async function counts_(input: unknown): Promise<{
    query: ResolvedQuery
    total: number
    rows: Array<{ key: string | null; label: string; count: number }>
    coverage: Coverage
  }> {
    const q = await resolve(input)
    const covered = publicCoverage(await coverage.of(q))
    if (covered.monthsLoaded.length === 0) return { query: q, total: 0, rows: [], coverage: covered }
    const all = await total(q)
    const rows = q.by ? await count(q, q.by) : []
    return { query: q, total: all, rows, coverage: covered }
  }

  /**
   * The period against the one just before it (or the same months a year earlier), only like for
   * like. `counted` and `covered` are the period's total and coverage when the caller has them.
   */
  async function compare(
    q: ResolvedQuery,
    against: Against,
    counted?: number,
    covered?: DetailedCoverage,
  ): Promise<Comparison> {
    const periods = comparisonPeriods(q)
    const other = { ...q, ...(against === 'previous' ? periods.previous : periods.lastYear) }
    const figure = async (p: ResolvedQuery, known?: number, detail?: DetailedCoverage) => {
      const d = detail ?? (await coverage.of(p))
      const n = d.monthsLoaded.length === 0 ? null : (known ?? (await total(p)))
      return { from: p.from, to: p.to, total: n, coverage: d, detail: d }
    }
    return compareCovered(against, await figure(q, counted, covered), await figure(other))
  }

  /** `safer crime change`: the comparison for what someone typed. */
  async function comparison(input: unknown, against: Against = 'previous') {
    const q = await resolve(input)
    return { query: q, ...(await compare(q, against)) }
  }

  /** The population year to use: the one asked for, else the latest estimate up to the period's end. */
  async function populationYearFor(q: ResolvedQuery): Promise<number | null> {
    const years = await places.populationYears(store)
    if (q.populationYear) {
      if (!years.includes(q.populationYear)) {
        throw new ValidationError({
          populationYear: `No population estimate for ${q.populationYear}. Loaded: ${years.join(', ') || 'none – import population first'}`,
        })
      }
      return q.populationYear
    }
    const endYear = Number(q.to.slice(0, 4))
    return years.filter((y) => y <= endYear).at(-1) ?? years[0] ?? null
  }

  /** Crimes per 1,000 residents, exact (pages round it for display); `crimes` when already counted. */
  async function rateFor(q: ResolvedQuery, crimes?: number) {
    if (q.area.type === 'force')
      throw new ValidationError({
        area: 'Rates need an ONS area (local authority, ward or LSOA): a police force has no population estimate',
      })
    const year = await populationYearFor(q)
    if (year === null)
      throw new ValidationError({
        populationYear: 'No population estimates are loaded: import them with safer areas import',
      })
    const count = crimes ?? (await total(q))
    const { population } = await places.populationOf(store, q.area, year)
    return {
      query: q,
      count,
      population,
      populationYear: year,
      ratePer1000: ratePer1000(count, population),
    }
  }

  async function rate(input: unknown) {
    return rateFor(await resolve(input))
  }

  /**
   * Against the period just before and the same months a year earlier, each with a significance
   * test. A comparison period whose months are not all loaded is marked incomplete, not compared.
   * `counted` is the period's total when the caller already has it.
   */
  async function change(q: ResolvedQuery, counted?: number, covered?: DetailedCoverage) {
    const current = counted ?? (await total(q))
    const detail = covered ?? (await coverage.of(q))
    const shaped = async (against: Against): Promise<PeriodChange> => {
      const c = await compare(q, against, current, detail)
      const counts = compareCounts(current, c.previous.total ?? 0)
      return {
        ...counts,
        significant: c.comparable && counts.significant,
        from: c.previous.from,
        to: c.previous.to,
        complete: c.previous.coverage.monthsMissing.length === 0,
        comparable: c.comparable,
        reason: c.reason,
        coverage: c.previous.coverage,
      }
    }
    return { previous: await shaped('previous'), lastYear: await shaped('last-year') }
  }

  /** Monthly counts with the rolling 12-month total; incomplete where the 12 months are not all loaded. */
  async function monthly(q: ResolvedQuery) {
    const start = addMonths(q.from, -11)
    const rows = await count({ ...q, from: start }, 'month')
    const byMonth = new Map(rows.map((r) => [r.key, r.count]))
    const loaded = await counts.loadedMonths(store, q.source)
    const months = monthRange(start, q.to)
    return monthRange(q.from, q.to).map((month) => {
      const window = months.slice(months.indexOf(month) - 11, months.indexOf(month) + 1)
      return {
        month,
        count: byMonth.get(month) ?? 0,
        loaded: loaded.has(month),
        rolling12: window.reduce((s, m) => s + (byMonth.get(m) ?? 0), 0),
        rollingComplete: window.length === 12 && window.every((m) => loaded.has(m)),
      }
    })
  }

  return {
    resolve,
    resolveArea,
    count,
    total,
    counts: counts_,
    rate,
    rateFor,
    change,
    compare,
    comparison,
    coverage: coverage.of,
    stopSearchCoverage: coverage.stopSearch,
    latestMonth: coverage.latestMonth,
    monthly,
    populationYearFor,
    months: (q: ResolvedQuery) => monthsBetween(q.from, q.to),
    recordedLevels: (q: CrimeQuery) => counts.recordedLevels(store, q),
  }
}

export type AnalysisService = ReturnType<typeof createAnalysisService>
