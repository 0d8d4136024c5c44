import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { ResolvedQuery } from '../analysis/analysis.service.ts'
import { monthsText } from '../analysis/comparison.ts'
import type { Coverage } from '../analysis/coverage.service.ts'
import { SERIOUS_VIOLENCE } from '../analysis/definitions.service.ts'
import { monthLabel, monthLongLabel, periodLabel } from '../analysis/months.ts'
import { SOURCE_LABELS } from '../query-types.ts'
import { assessmentInput } from '../schema.ts'
import type { CrimeService } from '../service.ts'
import type { Assessment, AssessmentSection } from './model.ts'
import { dataNotes } from './notes.ts'
import {
  deprivationSection,
  hotspotSource,
  hotspotsSection,
  outcomesSection,
  seriousViolenceSection,
  stopSearchSection,
  volumeSection,
} from './sections.ts'

const LEVELS: Record<number, string> = { 1: 'borough', 2: 'ward', 3: 'LSOA' }

/** An assessment with no crime data for its period would state zeros: it is refused, saying where data is. */
async function refuseWithoutData(crime: CrimeService, q: ResolvedQuery): Promise<never> {
  const latest = [
    await crime.analysis.latestMonth('recorded', q.area),
    await crime.analysis.latestMonth('police-uk', q.area),
  ]
    .filter((m): m is string => m !== null)
    .sort()
    .at(-1)
  throw new ValidationError({
    from: `No crime data is loaded for ${q.area.name} from ${periodLabel(q.from, q.to)}${latest ? `: the latest loaded month is ${monthLongLabel(latest)}` : ''}. Choose a period with data, or load it first`,
  })
}

/** What the data notes say about months not loaded and categories left out. */
function coverageNotes(crime: Coverage, stopSearch: Coverage): string[] {
  const notes: string[] = []
  if (crime.monthsMissing.length)
    notes.push(
      `Partial coverage: no crime data is loaded for ${monthsText(crime.monthsMissing)}; volume, trend and serious violence cover the other ${crime.monthsLoaded.length} months only, and comparisons that need the missing months are not made.`,
    )
  if (crime.leavesOut)
    notes.push(`Totals do not include ${crime.leavesOut.categories.join(', ')}: ${crime.leavesOut.reason}.`)
  if (stopSearch.monthsLoaded.length && stopSearch.monthsMissing.length)
    notes.push(`Stop and search is loaded for ${monthsText(stopSearch.monthsLoaded)} only.`)
  return notes
}

/**
 * Builds the strategic assessment for an area and period from the loaded data. Volume, trend and
 * serious violence use the Met's recorded crime where it covers the area, else police.uk records.
 */
export async function buildAssessment(crime: CrimeService, input: unknown): Promise<Assessment> {
  const v = parseInput(assessmentInput, input)
  const recorded = await crime.analysis.resolve({ source: 'recorded', area: v.area, from: v.from, to: v.to })
  const recordedCoverage = await crime.analysis.coverage(recorded)
  const source = recordedCoverage.monthsLoaded.length > 0 ? 'recorded' : 'police-uk'
  const q =
    source === 'recorded'
      ? recorded
      : await crime.analysis.resolve({ source, area: v.area, from: v.from, to: v.to })
  const coverage = source === 'recorded' ? recordedCoverage : await crime.analysis.coverage(q)
  if (coverage.monthsLoaded.length === 0) await refuseWithoutData(crime, q)
  const sv = await crime.analysis.resolve({
    source,
    area: q.area.code,
    areaType: q.area.type,
    from: q.from,
    to: q.to,
    crimeType: SERIOUS_VIOLENCE,
  })
  const policeUk = await crime.analysis.resolve({
    source: 'police-uk',
    area: q.area.code,
    areaType: q.area.type,
    from: q.from,
    to: q.to,
  })
  const policeUkTotal = await crime.analysis.total(policeUk)

  const volume = await volumeSection(crime, q)
  const seriousViolence = await seriousViolenceSection(crime, sv)
  const hotspots = await hotspotsSection(
    crime,
    q.area.type === 'force' ? null : await hotspotSource(crime, q, policeUk),
  )
  const deprivation = q.area.type === 'force' ? null : await deprivationSection(crime, q)
  const stopSearch = await stopSearchSection(crime, q)
  const outcomes = policeUkTotal > 0 ? await outcomesSection(crime, policeUk) : null
  const levels = source === 'recorded' ? await crime.analysis.recordedLevels(q) : []
  const summary: AssessmentSection = {
    id: 'summary',
    title: 'Summary',
    paragraphs: [
      `This assessment covers ${q.area.name} (${q.area.code}) for ${periodLabel(q.from, q.to)}. It is built by Safer from published data (${SOURCE_LABELS[source]} for volume and trend); every chart has its figures in a table, and the data notes at the end give sources, licences and known gaps.`,
    ],
    bullets: [
      ...volume.summary,
      ...seriousViolence.summary,
      ...(hotspots?.summary ?? []),
      ...(stopSearch?.summary ?? []),
    ],
    charts: [],
    tables: [],
  }
  const sections = [
    summary,
    volume.section,
    seriousViolence.section,
    hotspots?.section,
    deprivation,
    stopSearch?.section,
    outcomes,
  ]
  return {
    title: `Strategic assessment: ${q.area.name}`,
    areaName: q.area.name,
    areaCode: q.area.code,
    period: periodLabel(q.from, q.to),
    from: q.from,
    to: q.to,
    generatedAt: new Date().toISOString(),
    sections: [
      ...sections.filter((s): s is AssessmentSection => s !== null && s !== undefined),
      dataNotes({
        source,
        coverage: coverageNotes(coverage, await crime.analysis.stopSearchCoverage(q.area, q.from, q.to)),
        levels: levels.map(
          (l) => `${LEVELS[l.level]} figures for ${monthLabel(l.from)} to ${monthLabel(l.to)}`,
        ),
        definition: await crime.definitions.get(SERIOUS_VIOLENCE),
      }),
    ],
  }
}
