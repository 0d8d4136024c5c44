import { z } from 'zod'
import { MONTH } from './analysis/months.ts'
import { AREA_TYPES, COUNT_DIMENSIONS, SOURCES } from './query-types.ts'

// One definition of each analysis input, shared by the pages (query strings), the API and the CLI.

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const month = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().regex(MONTH, `${label} must be a month like 2024-01`).optional(),
  )

export const crimeQueryInput = z
  .object({
    source: z.preprocess(
      blankToUndefined,
      // No default here: the analysis service picks one by the same rule for pages, CLI and API.
      z.enum(SOURCES, { error: 'Choose police-uk or recorded' }).optional(),
    ),
    area: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
    areaType: z.preprocess(
      blankToUndefined,
      z.enum(AREA_TYPES, { error: 'Area type must be force, lad, ward or lsoa' }).optional(),
    ),
    from: month('From'),
    to: month('To'),
    crimeType: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
    by: z.preprocess(
      blankToUndefined,
      z
        .enum(COUNT_DIMENSIONS, { error: `Breakdown must be one of ${COUNT_DIMENSIONS.join(', ')}` })
        .optional(),
    ),
    populationYear: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'Population year must be a year like 2022' })
        .int()
        .min(2001)
        .max(2100)
        .optional(),
    ),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'From must be before To', path: ['to'] })

export type CrimeQueryInput = z.input<typeof crimeQueryInput>
export type ParsedCrimeQuery = z.output<typeof crimeQueryInput>

export const POLICE_UK_CRIME_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const

/** Form checkboxes arrive as one string or several; JSON as an array. */
const stringList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(200)).max(100),
)

export const definitionInput = z.object({
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(120),
  description: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()),
  policeUkTypes: stringList,
  recordedCategories: stringList,
  version: z.coerce
    .number({ error: 'The record version is missing – reload the page and try again' })
    .int()
    .min(0),
})
export type DefinitionInput = z.input<typeof definitionInput>

export const assessmentInput = z
  .object({
    area: z.preprocess(
      blankToUndefined,
      z.string({ error: 'Enter an area' }).trim().min(1, 'Enter an area').max(120),
    ),
    from: z.preprocess(
      blankToUndefined,
      z.string({ error: 'Enter the first month' }).trim().regex(MONTH, 'From must be a month like 2024-01'),
    ),
    to: z.preprocess(
      blankToUndefined,
      z.string({ error: 'Enter the last month' }).trim().regex(MONTH, 'To must be a month like 2024-12'),
    ),
  })
  .refine((v) => v.from <= v.to, { message: 'From must be before To', path: ['to'] })
