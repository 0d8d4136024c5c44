import { z } from 'zod'
import { optionalText, requiredText } from '../../shared/validation.ts'
import { SOURCES, UNITS } from './indicator.ts'
import { FREQUENCIES } from './rules/periods.ts'
import { POLARITIES } from './rules/rules.ts'

// One definition of each input, shared by the pages, the API and the command line.

const blank = (v: unknown) => (v === '' || v === null ? undefined : v)
const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(200),
)

export const computedSpecInput = z.object({
  source: z
    .enum(['recorded', 'police-uk'], { error: 'The crime source is recorded or police-uk' })
    .default('recorded'),
  area: requiredText('Enter the area the indicator counts crime in', 120),
  crimeType: z.preprocess(blank, z.string().trim().max(120).nullable().default(null)),
  measure: z
    .enum(['count', 'rate'], { error: 'A computed indicator is a count or a rate per 1,000' })
    .default('count'),
  comparatorAreas: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
  // An IOM cohort's measure (ADR 0037); the area then names the area the panel serves.
  cohort: z
    .object({
      panel: requiredText('Enter the IOM panel’s id or exact name', 200),
      cohort: z.enum(['all', 'fixed', 'flex', 'free'], { error: 'The cohort is all, fixed, flex or free' }),
      measure: z.enum(['ete', 'treatment', 'notReoffending6m', 'provenReoffending12m'], {
        error: 'The measure is ete, treatment, notReoffending6m or provenReoffending12m',
      }),
    })
    .optional(),
})

const indicatorFields = z.object({
  key: z
    .string({ error: 'Enter a key' })
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,59}$/,
      'The key is lower-case letters, digits and hyphens, like knife-crime',
    ),
  name: requiredText('Enter a name', 200),
  definition: optionalText(2000).transform((v) => v ?? ''),
  unit: z.enum(UNITS, { error: `The unit is one of ${UNITS.join(', ')}` }),
  ratePer: z.preprocess(blank, z.coerce.number().int().min(1).max(1_000_000).nullable().default(null)),
  polarity: z.enum(POLARITIES, {
    error: 'Polarity is up (higher is better), down (lower is better) or none',
  }),
  frequency: z.enum(FREQUENCIES, { error: `The frequency is one of ${FREQUENCIES.join(', ')}` }),
  tolerance: z.preprocess(
    blank,
    z.coerce
      .number({ error: 'The tolerance is a percentage, like 5' })
      .min(0, 'The tolerance cannot be negative')
      .max(100, 'The tolerance is at most 100%')
      .default(5),
  ),
  ownerOrganisationId: z.preprocess(blank, z.coerce.number().int().positive().nullable().default(null)),
  priorityIds: idList,
  actionIds: idList,
  baseline: z.preprocess(
    blank,
    z.coerce.number({ error: 'The baseline is a number' }).nullable().default(null),
  ),
  baselinePeriod: z.preprocess(blank, z.string().trim().max(20).nullable().default(null)),
  source: z.enum(SOURCES).default('manual'),
  /** The comparator column's series name, for an indicator whose values are typed in or uploaded. */
  comparatorSeries: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(80, 'The comparator’s name must be 80 characters or fewer')
      .nullable()
      .default(null),
  ),
  computed: computedSpecInput.nullable().default(null),
})

type Fields = Pick<z.output<typeof indicatorFields>, 'source' | 'computed' | 'unit'>

/** A computed indicator has its crime query and its unit follows the query's measure; no other has one. */
function consistent(v: Fields, ctx: z.RefinementCtx) {
  if ((v.source === 'computed') !== (v.computed !== null))
    ctx.addIssue({
      code: 'custom',
      message: 'A computed indicator needs its crime query, and only a computed one has one',
      path: ['computed'],
    })
  if (v.computed?.cohort) {
    if (v.unit !== 'percent')
      ctx.addIssue({ code: 'custom', message: 'An IOM cohort indicator is a percentage', path: ['unit'] })
    if (v.computed.comparatorAreas.length)
      ctx.addIssue({
        code: 'custom',
        message: 'An IOM cohort indicator has no comparator areas',
        path: ['computed', 'comparatorAreas'],
      })
  } else if (v.source === 'computed' && v.unit !== (v.computed?.measure === 'rate' ? 'rate' : 'count'))
    ctx.addIssue({
      code: 'custom',
      message: 'A computed indicator is a count, or a rate for a rate per 1,000',
      path: ['unit'],
    })
}

export const indicatorInput = indicatorFields.superRefine(consistent)

/** A change to an indicator: everything but its key (files and the command line name it), at the version read. */
export const indicatorChanges = indicatorFields
  .omit({ key: true })
  .extend({
    version: z.coerce.number({ error: 'Open the indicator again and make your change' }).int().positive(),
  })
  .superRefine(consistent)

export type IndicatorInput = z.input<typeof indicatorInput>

export const targetInput = z.object({
  period: requiredText('Enter the period', 20),
  // Blank is no target, not a target of 0.
  target: z.preprocess(blank, z.coerce.number({ error: 'Enter the target as a number, like 90' })),
})

export const correctionInput = z.object({
  reason: z.preprocess(
    blank,
    z.string().trim().max(500, 'The reason must be 500 characters or fewer').optional(),
  ),
})
