import { z } from 'zod'
import { AGAINST, CHANGE_TEST } from './analysis/comparison.ts'
import { crimeQueryInput } from './schema.ts'

// The JSON answers whose shape others rely on, as the API documents them (OpenAPI) and the CLI's
// --json and the README describe them.

const month = z.string().describe('YYYY-MM')

export const coverageOutput = z
  .object({
    monthsLoaded: z.array(month).describe('Months of the period the source holds for the area'),
    monthsMissing: z.array(month).describe('Months of the period with no data: not zero crimes'),
    leavesOut: z
      .object({ categories: z.array(z.string()), reason: z.string() })
      .nullable()
      .describe('Categories the total cannot include here (sexual offences at LSOA level, for instance)'),
  })
  .describe('What the figure rests on')

const total = z.number().int().nullable().describe('null when no month of the period is loaded')

export const countsOutput = z.object({
  total,
  rows: z.array(z.object({ key: z.string().nullable(), label: z.string(), count: z.number().int() })),
  coverage: coverageOutput,
  query: z.record(z.string(), z.unknown()),
})

const periodFigure = z.object({ from: month, to: month, total, coverage: coverageOutput })

export const comparisonOutput = z.object({
  against: z.enum(AGAINST),
  current: periodFigure,
  previous: periodFigure.describe(
    'The period of the same length just before, or the same months a year earlier',
  ),
  comparable: z
    .boolean()
    .describe('True only when both periods hold the same months, forces, crime types and levels'),
  reason: z.string().nullable().describe('Why the periods cannot be compared; null when they can'),
  changePercent: z.number().nullable().describe('Exact; null when not comparable or the previous total is 0'),
  significant: z.boolean().nullable().describe('At the 5% level; null when not comparable'),
  test: z.object({ name: z.literal(CHANGE_TEST), pValue: z.number() }).nullable(),
})

export const comparisonInput = crimeQueryInput.safeExtend({
  against: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(AGAINST, { error: 'Against must be previous or last-year' }).default('previous'),
    )
    .describe('previous: the same number of months just before; last-year: the same months a year earlier'),
})
