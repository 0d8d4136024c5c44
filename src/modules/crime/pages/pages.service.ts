import type { Db } from '../../../db/database.ts'
import { ValidationError } from '../../../shared/errors.ts'
import type { AnalysisService, ResolvedQuery } from '../analysis/analysis.service.ts'
import type { DetailedCoverage } from '../analysis/coverage.service.ts'
import { type DefinitionsService, SERIOUS_VIOLENCE } from '../analysis/definitions.service.ts'
import type { InsightsService } from '../analysis/insights.service.ts'
import * as places from '../areas/places.repository.ts'
import * as repo from '../repository.ts'
import { type AnalyticsStore, AnalyticsStoreBusyError } from '../store/store.ts'

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>

/** The overview page's figures: each counted once, exact (the view rounds them for display). */
export interface Overview {
  query: ResolvedQuery
  total: number
  /** null for a police force, or where no population estimate is loaded. */
  rate: Result<AnalysisService['rateFor']> | null
  change: Result<AnalysisService['change']>
  monthly: Result<AnalysisService['monthly']>
  /** Empty when the query is a single category. */
  byType: Result<AnalysisService['count']>
  /** police.uk only. */
  outcomes: Result<InsightsService['outcomes']> | null
  /** recorded crime only: which level (borough, ward, LSOA) supplied which months. */
  levels: Result<AnalysisService['recordedLevels']>
}

/**
 * One call per crime page: each gathers everything its page shows for a resolved query, as domain
 * objects. The page's view file only shapes them for its template.
 */
export function createCrimePagesService(
  db: Db,
  store: AnalyticsStore,
  analysis: AnalysisService,
  insights: InsightsService,
  definitions: DefinitionsService,
) {
  /**
   * What each page's period rests on: the months loaded, what the total leaves out, and the latest
   * month the source holds for the area (for the "no data loaded" message and its link).
   */
  async function coverage(q: ResolvedQuery, dataset?: 'stop-search') {
    const detail = dataset === 'stop-search' ? null : await analysis.coverage(q)
    return {
      coverage: detail ?? (await analysis.stopSearchCoverage(q.area, q.from, q.to)),
      /** The month-by-month detail a comparison needs (crime sources only). */
      detail,
      latestMonth: await analysis.latestMonth(dataset ?? q.source, q.area),
      policeUkTypes: await places.policeUkCrimeTypes(store),
    }
  }

  async function overview(q: ResolvedQuery, covered?: DetailedCoverage): Promise<Overview> {
    const total = await analysis.total(q)
    return {
      query: q,
      total,
      rate: q.area.type === 'force' ? null : await rateOrNone(q, total),
      change: await analysis.change(q, total, covered),
      monthly: await analysis.monthly(q),
      byType: q.categories?.length === 1 ? [] : await analysis.count(q, 'crime_type'),
      outcomes: q.source === 'police-uk' ? await insights.outcomes(q) : null,
      levels: q.source === 'recorded' ? await analysis.recordedLevels(q) : [],
    }
  }

  /** A rate needs a population estimate; without one the page shows the count and says why. */
  async function rateOrNone(q: ResolvedQuery, total: number) {
    try {
      return await analysis.rateFor(q, total)
    } catch (error) {
      if (error instanceof ValidationError) return null
      throw error
    }
  }

  /** The figures under the local definition, the definition itself and the categories it can use. */
  async function seriousViolence(q: ResolvedQuery, covered?: DetailedCoverage) {
    return {
      overview: await overview(q, covered),
      definition: await definitions.get(SERIOUS_VIOLENCE),
      recordedCategories: await places.recordedCategories(store),
    }
  }

  async function hotspots(q: ResolvedQuery) {
    return {
      query: q,
      hotspots: await insights.hotspots(q),
      wardShapes: await places.shapesIn(store, q.area, 'ward'),
      lsoaShapes: await places.shapesIn(store, q.area, 'lsoa'),
    }
  }

  async function deprivation(q: ResolvedQuery) {
    return insights.deprivation(q)
  }

  async function stopSearch(q: ResolvedQuery) {
    return insights.stopSearch(q.area, q.from, q.to)
  }

  /**
   * What is loaded, and (for those who load data) the recent loads. While another process holds
   * the store, what is loaded cannot be read: the page says nothing is, rather than failing.
   */
  async function dataLoaded(options: { history: boolean }) {
    let coverage: places.Coverage[] = []
    try {
      coverage = await places.coverage(store)
    } catch (error) {
      if (!(error instanceof AnalyticsStoreBusyError)) throw error
    }
    return { coverage, history: options.history ? await repo.listIngests(db, 50) : [] }
  }

  return { coverage, overview, seriousViolence, hotspots, deprivation, stopSearch, dataLoaded }
}

export type CrimePagesService = ReturnType<typeof createCrimePagesService>
export type PageCoverage = Awaited<ReturnType<CrimePagesService['coverage']>>
export type HotspotsPage = Awaited<ReturnType<CrimePagesService['hotspots']>>
export type SeriousViolencePage = Awaited<ReturnType<CrimePagesService['seriousViolence']>>
export type DataLoadedPage = Awaited<ReturnType<CrimePagesService['dataLoaded']>>
