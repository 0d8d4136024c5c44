import { parseInput } from '../../../shared/validation.ts'
import { SERIOUS_VIOLENCE } from '../analysis/definitions.service.ts'
import { monthLabel, periodLabel } from '../analysis/months.ts'
import { SOURCE_LABELS } from '../query-types.ts'
import { assessmentInput } from '../schema.ts'
import type { CrimeService } from '../service.ts'
import type { Assessment, AssessmentSection } from './model.ts'
import { dataNotes } from './notes.ts'
import { deprivationSection, hotspotSource, hotspotsSection, outcomesSection, seriousViolenceSection, stopSearchSection, volumeSection } from './sections.ts'

const LEVELS: Record<number, string> = { 1: 'borough', 2: 'ward', 3: 'LSOA' }

/**
 * Builds the strategic assessment for an area and period from the loaded data. Volume, trend and
 * serious violence use the Met's recorded crime where it covers the area, else police.uk records.
 */
export async function buildAssessment(crime: CrimeService, input: unknown): Promise<Assessment> {
  const v = parseInput(assessmentInput, input)
  const recorded = await crime.analysis.resolve({ source: 'recorded', area: v.area, from: v.from, to: v.to })
  const source = (await crime.analysis.total(recorded)) > 0 ? 'recorded' : 'police-uk'
  const q =
    source === 'recorded'
      ? recorded
      : await crime.analysis.resolve({ source, area: v.area, from: v.from, to: v.to })
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
        levels: levels.map(
          (l) => `${LEVELS[l.level]} figures for ${monthLabel(l.from)} to ${monthLabel(l.to)}`,
        ),
        definition: await crime.definitions.get(SERIOUS_VIOLENCE),
      }),
    ],
  }
}
