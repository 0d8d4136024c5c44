import type { Area, CrimeQuery, Source } from '../query-types.ts'
import { POLICE_UK_CRIME_TYPES } from '../schema.ts'
import type { AnalyticsStore } from '../store/store.ts'
import { recordedMonthLevels } from './counts.repository.ts'
import * as repo from './coverage.repository.ts'
import { monthRange } from './months.ts'

/** Which months of a period the source holds for the area, and what its total cannot include. */
export interface Coverage {
  monthsLoaded: string[]
  monthsMissing: string[]
  /** Categories the total leaves out because the source does not publish them here, and why; null when none. */
  leavesOut: { categories: string[]; reason: string } | null
}

/**
 * Coverage with, for each loaded month, what the figure rests on: for police.uk the forces and
 * the crime types each holds, for recorded crime the level (borough, ward, LSOA) it comes from.
 * Two periods are like for like only when these match month for month.
 */
export interface DetailedCoverage extends Coverage {
  source: Source
  /** police.uk: month → force → crime types held. */
  forces: Map<string, Map<string, string[]>>
  /** recorded: month → 1 borough, 2 ward, 3 LSOA. */
  levels: Map<string, number>
}

const LSOA_LEVEL = 3

const majorOf = (category: string) => category.split(' / ')[0] ?? category

/** Works out coverage from the store; none of it counts crimes. */
export function createCoverageService(store: AnalyticsStore) {
  async function policeUk(q: CrimeQuery): Promise<DetailedCoverage> {
    const months = monthRange(q.from, q.to)
    const wanted = q.categories ? new Set(q.categories) : null
    const rows = await repo.streetTypesByMonth(store, await repo.forcesIn(store, q.area), q.from, q.to)
    const forces = new Map<string, Map<string, string[]>>()
    for (const r of rows) {
      if (wanted && !wanted.has(r.type)) continue
      const month = forces.get(r.m) ?? new Map<string, string[]>()
      month.set(r.force, [...(month.get(r.force) ?? []), r.type])
      forces.set(r.m, month)
    }
    const held = new Set(rows.map((r) => r.type))
    const absent = (q.categories ?? POLICE_UK_CRIME_TYPES).filter((t) => !held.has(t))
    const loaded = months.filter((m) => forces.has(m))
    return {
      source: 'police-uk',
      monthsLoaded: loaded,
      monthsMissing: months.filter((m) => !forces.has(m)),
      leavesOut:
        loaded.length && absent.length && absent.length < (q.categories ?? POLICE_UK_CRIME_TYPES).length
          ? { categories: absent, reason: 'not in the police.uk files loaded for this area and period' }
          : null,
      forces,
      levels: new Map(),
    }
  }

  async function recorded(q: CrimeQuery): Promise<DetailedCoverage> {
    const months = monthRange(q.from, q.to)
    const levels = new Map((await recordedMonthLevels(store, q)).map((r) => [r.m, r.level]))
    const notAtLsoa = new Set(await repo.categoriesMissingAtLsoaLevel(store))
    const wanted = q.categories ? [...new Set(q.categories.map(majorOf))] : null
    // A month from LSOA figures cannot answer for a category the Met does not publish there.
    const answerable = (m: string) =>
      levels.get(m) !== LSOA_LEVEL || !wanted || wanted.some((c) => !notAtLsoa.has(c))
    const loaded = months.filter((m) => levels.has(m) && answerable(m))
    const missingHere = loaded.some((m) => levels.get(m) === LSOA_LEVEL)
      ? (wanted ?? [...notAtLsoa]).filter((c) => notAtLsoa.has(c))
      : []
    return {
      source: 'recorded',
      monthsLoaded: loaded,
      monthsMissing: months.filter((m) => !loaded.includes(m)),
      leavesOut: missingHere.length
        ? {
            categories: missingHere,
            reason:
              'the Met does not publish them at LSOA level, the only level it publishes for some months of this period',
          }
        : null,
      forces: new Map(),
      levels: new Map(loaded.map((m) => [m, levels.get(m) as number])),
    }
  }

  return {
    /** Month by month, what the query's source holds for its area and categories. */
    of: (q: CrimeQuery): Promise<DetailedCoverage> => (q.source === 'police-uk' ? policeUk(q) : recorded(q)),
    /** Stop and search: the months with searches in the area. */
    async stopSearch(area: Area, from: string, to: string): Promise<Coverage> {
      const loaded = new Set(await repo.stopSearchMonths(store, area, from, to))
      const months = monthRange(from, to)
      return {
        monthsLoaded: months.filter((m) => loaded.has(m)),
        monthsMissing: months.filter((m) => !loaded.has(m)),
        leavesOut: null,
      }
    },
    latestMonth: (source: Source | 'stop-search', area: Area) => repo.latestMonthIn(store, source, area),
  }
}

export type CoverageService = ReturnType<typeof createCoverageService>

/** A total as machine outputs give it: null, not 0, when no month of the period is loaded. */
export function loadedTotal(total: number, coverage: Coverage): number | null {
  return coverage.monthsLoaded.length === 0 ? null : total
}

/** Coverage as the API and --json give it. */
export function publicCoverage(c: Coverage): Coverage {
  return { monthsLoaded: c.monthsLoaded, monthsMissing: c.monthsMissing, leavesOut: c.leavesOut }
}
