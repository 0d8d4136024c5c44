import { z } from 'zod'
import { UNITS } from '../indicator.ts'
import { FREQUENCIES } from '../rules/periods.ts'
import { DIRECTIONS, POLARITIES, RATINGS } from '../rules/rules.ts'

// The JSON answers others rely on, as the OpenAPI document describes them. Figures are exact.

const figure = z.number().nullable()

export const statusOutput = z.object({
  key: z.string(),
  period: z.string().nullable().describe('2025-01, 2025-Q1, 2025-26 or 2025; null before any value'),
  value: figure,
  target: figure,
  rag: z.enum(RATINGS),
  previous: figure.describe('The value of the period before'),
  direction: z.enum(DIRECTIONS).describe('Against the previous period, worded by polarity'),
  sameLastYear: figure,
  significant: z.boolean().nullable().describe('Against the same period last year; null when not tested'),
})

export const indicatorOutput = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.enum(UNITS),
  ratePer: z.number().int().nullable(),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  ownerOrganisationId: z.number().int().nullable(),
  priorityIds: z.array(z.number().int()),
  actionIds: z.array(z.number().int()),
  baseline: figure,
  baselinePeriod: z.string().nullable(),
  tolerance: z.number(),
  source: z.enum(['manual', 'upload', 'computed']),
  comparatorSeries: z
    .string()
    .describe('What the comparator column of entered and uploaded values is called'),
  computed: z.record(z.string(), z.unknown()).nullable(),
  version: z
    .number()
    .int()
    .describe('Send it back with a change: a change to an older version is refused (409)'),
  status: statusOutput,
  exceptions: z.array(z.string()).describe('Why it is in the exception report; empty when it is not'),
})

export const pointOutput = z.object({
  period: z.string(),
  value: figure,
  numerator: figure,
  denominator: figure,
  target: figure,
  rating: z.enum(RATINGS).nullable(),
  computed: z.boolean(),
  note: z.string(),
  comparators: z.record(z.string(), figure),
  rolling12: figure,
  yearToDate: figure,
  outsideLimits: z.boolean(),
  inRun: z.boolean(),
})

export const indicatorDetailOutput = indicatorOutput.extend({
  values: z.array(pointOutput).describe('Every period from the first to the last, gaps as null'),
  controlChart: z
    .object({ baseline: z.number().int(), mean: z.number(), upper: z.number(), lower: z.number() })
    .nullable()
    .describe('Monthly counts only: mean and 3σ limits over the first 12 months'),
  significance: z.object({
    method: z.enum(['counts', 'proportions', 'not-tested']),
    significant: z.boolean().nullable(),
    pValue: figure,
    explanation: z.string(),
  }),
})

export const exceptionsOutput = z.object({
  indicators: z.array(
    z.object({
      id: z.number().int(),
      key: z.string(),
      name: z.string(),
      period: z.string().nullable(),
      value: figure,
      display: z.string(),
      rag: z.enum(RATINGS),
      reasons: z.array(z.string()),
    }),
  ),
  deliverables: z.array(
    z.object({
      id: z.number().int(),
      plan: z.object({ id: z.number().int(), title: z.string() }),
      theme: z.string(),
      action: z.string(),
      outcome: z.string(),
      rag: z.string(),
      reasons: z.array(z.string()),
    }),
  ),
})

export const importBody = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'Give the file’s name, with its extension (.xlsx, .csv or .tsv)')
    .max(200),
  contentBase64: z
    .string({ error: 'Give the file’s content, base64-encoded' })
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'The content must be base64-encoded'),
  dryRun: z.boolean().optional(),
})

export const importOutput = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  written: z.boolean(),
  counts: z.object({
    rows: z.number().int(),
    indicators: z.number().int(),
    new: z.number().int(),
    corrections: z.number().int(),
    unchanged: z.number().int(),
  }),
  rows: z.array(z.record(z.string(), z.unknown())),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  warnings: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
})
