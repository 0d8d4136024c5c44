import type { Definition } from '../analysis/definitions.service.ts'
import type { AssessmentSection } from './model.ts'

/** The data notes that end every assessment: sources, licences, definitions and known gaps. */
export function dataNotes(options: {
  source: string
  /** Months not loaded and categories left out: said plainly, first. */
  coverage: string[]
  levels: string[]
  definition: Definition
}): AssessmentSection {
  return {
    id: 'data-notes',
    title: 'Data notes',
    paragraphs: [
      ...options.coverage,
      options.source === 'recorded'
        ? `Volume, trend and serious violence use the Metropolitan Police's recorded crime (Home Office categories): ${options.levels.join('; ')}. The Met's LSOA figures leave out crimes that could not be placed, so they sum to less than the borough's.`
        : 'Volume, trend and serious violence use data.police.uk street-level crime records.',
      `Serious violence follows the partnership's local definition "${options.definition.name}"${options.definition.saved ? '' : " (Safer's starting point; the partnership has not yet saved its own)"}.`,
      'Significance: an exact test that two counts come from the same underlying rate (the conditional binomial test for Poisson counts), at the 5% level.',
      'Rounding: rates per 1,000 residents are shown to two decimal places and percentages to one. Each is worked out from the exact counts; the Safer API and command line give them unrounded.',
    ],
    bullets: [
      'data.police.uk street crime, outcomes and stop and search: Open Government Licence v3.0. Locations are anonymised to a nearby point; anti-social behaviour has no Crime ID; British Transport Police publish no outcomes.',
      'Metropolitan Police recorded crime (London Datastore): Open Government Licence v2.0.',
      'ONS lookups and mid-year population estimates, and the English Indices of Deprivation 2019: Open Government Licence v3.0. Population estimates run to mid-2022; later periods use the latest.',
      'Boundaries: Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right.',
    ],
    charts: [],
    tables: [],
  }
}
