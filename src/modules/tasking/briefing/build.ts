import { ValidationError } from '../../../shared/errors.ts'
import type { ResolvedQuery } from '../../crime/analysis/analysis.service.ts'
import type { CrimeService } from '../../crime/service.ts'
import type { TaskingSettings } from '../records.ts'
import type { BriefingFigures, ChangeRow, HotspotRow } from './model.ts'
import { addMonths } from './months.ts'

// The intelligence briefing's figures, through the crime module's service only (ADR 0032): its
// hotspots, its counts, and its like-for-like comparison with the significance test, so that the
// briefing can never disagree with the crime pages.

const SOURCE_LABELS = {
  'police-uk': 'police.uk street-level crime',
  recorded: 'Metropolitan Police recorded crime',
}

type LsoaTableRow = {
  code: string
  name: string
  wardName: string | null
  population: number | null
  count: number
  ratePer1000: number | null
}

const asHotspot = (l: LsoaTableRow): HotspotRow => ({
  code: l.code,
  name: l.name,
  wardName: l.wardName ?? null,
  count: l.count,
  population: l.population ?? null,
  ratePer1000: l.ratePer1000 ?? null,
})

export interface BriefingRequest {
  month: string
  /** An ONS area code or name; null for the partnership's home area. */
  area: string | null
}

export async function buildBriefing(
  crime: CrimeService,
  request: BriefingRequest,
  settings: TaskingSettings,
): Promise<BriefingFigures> {
  const source = await crime.defaultSource()
  let area = request.area
  if (!area) {
    const home = await crime.homeArea()
    if (!home)
      throw new ValidationError({
        area: 'No crime data is loaded, so there is no home area to brief on: load crime data and the ONS area lookups first',
      })
    area = home.code
  }
  const q = await crime.analysis.resolve({ source, area, from: request.month, to: request.month })
  if (q.area.type === 'force' || q.area.type === 'lsoa')
    throw new ValidationError({
      area: 'A briefing is for a local authority or a ward, not a police force or LSOA',
    })
  const covered = await crime.analysis.coverage(q)
  const loaded = covered.monthsLoaded.length > 0
  const top = settings.hotspotCount
  const types = source === 'police-uk' ? settings.policeUkTypes : settings.recordedCategories
  const violent: ResolvedQuery = { ...q, categories: types, categoryLabel: 'Serious violence' }

  const total = loaded ? await crime.analysis.total(q) : null
  const hotspots = loaded ? await crime.insights.hotspots(q) : null
  const wards = (hotspots?.wards ?? []).filter((w) => w.count > 0).slice(0, top)
  const violentLsoas = loaded ? (await crime.insights.lsoaTable(violent)).rows : []

  const changes: ChangeRow[] = []
  const compareBoth = async (subject: string, base: ResolvedQuery) => {
    const quarter = { ...base, from: addMonths(request.month, -2), to: request.month }
    for (const [against, query, crimeAgainst] of [
      ['previous-three-months', quarter, 'previous'],
      ['last-year', base, 'last-year'],
    ] as const) {
      const c = await crime.analysis.compare(query, crimeAgainst)
      changes.push({
        subject,
        against,
        current: { from: c.current.from, to: c.current.to, total: c.current.total },
        previous: { from: c.previous.from, to: c.previous.to, total: c.previous.total },
        comparable: c.comparable,
        reason: c.reason,
        changePercent: c.changePercent,
        significant: c.significant,
        pValue: c.test?.pValue ?? null,
      })
      changeTest ??= c.test?.name ?? null
    }
  }
  let changeTest: string | null = null
  await compareBoth('All crime', q)
  await compareBoth('Serious violence', violent)
  for (const type of types) await compareBoth(type, { ...q, categories: [type], categoryLabel: type })
  for (const w of wards)
    await compareBoth(`Ward: ${w.name}`, { ...q, area: { type: 'ward', code: w.code, name: w.name } })

  const byType = []
  for (const type of types)
    byType.push({ type, count: loaded ? await crime.analysis.total({ ...q, categories: [type] }) : null })
  const newest = (await crime.listIngests(1))[0]

  return {
    month: request.month,
    area: { type: q.area.type, code: q.area.code, name: q.area.name },
    source,
    sourceLabel: SOURCE_LABELS[source],
    generatedAt: new Date().toISOString(),
    dataAsAt: {
      loadedAt: newest?.ingested_at ?? null,
      latestMonth: await crime.analysis.latestMonth(source, q.area),
    },
    hotspotCount: top,
    total,
    populationYear: hotspots?.populationYear ?? null,
    hotspots: {
      lsoas: (hotspots?.lsoas ?? [])
        .filter((l) => l.count > 0)
        .slice(0, top)
        .map(asHotspot),
      wards: wards.map((w) => ({
        code: w.code,
        name: w.name,
        wardName: null,
        count: w.count,
        population: w.population || null,
        ratePer1000: w.ratePer1000 ?? null,
      })),
    },
    areaCounts: {
      wards: (hotspots?.wards ?? []).map((w) => ({ code: w.code, count: w.count })),
      lsoas: (hotspots?.lsoas ?? []).map((l) => ({ code: l.code, count: l.count })),
    },
    changeTest,
    changes,
    violence: {
      types,
      total: loaded ? await crime.analysis.total(violent) : null,
      byType,
      lsoas: violentLsoas
        .filter((l) => l.count > 0)
        .slice(0, top)
        .map(asHotspot),
    },
  }
}
