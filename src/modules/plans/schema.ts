import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'
import { parsePlanDate } from './plan-dates.ts'
import { RAG_STATUSES } from './rag.ts'

const rag = z.enum(RAG_STATUSES, { error: 'Select a RAG status' })

/** A start or end as a person types it: "Dec-18", "2018-12", "05/12/2018", "Ongoing", "TBC" or blank. */
const planDate = (label: string) =>
  z
    .string()
    .optional()
    .nullable()
    .transform((value, ctx) => {
      const parsed = parsePlanDate(value ?? '')
      if (parsed.ok) return parsed.value
      ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a month like Dec-18, a date like 05/12/2018, Ongoing or TBC` })
      return z.NEVER
    })

const isoDay = z
  .string({ error: 'Enter the date of the update' })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'Enter the date of the update as YYYY-MM-DD, for example 2026-11-23')

export const progressUpdateInput = z.object({
  updateOn: isoDay,
  text: requiredText('Describe the progress made', 5000),
  rag,
})

export const deliverableChangesInput = z.object({
  outcome: requiredText('Enter the outcome', 5000),
  start: planDate('start'),
  end: planDate('end'),
  supportingOrganisations: optionalText(1000),
  progress: optionalText(5000),
  comment: optionalText(5000),
  documentReferences: optionalText(1000),
  rag,
  version: versionField,
})

export type ProgressUpdateInput = z.input<typeof progressUpdateInput>

export const STRATEGY_STATUSES = ['draft', 'adopted', 'superseded'] as const

/** Text areas hold one item a line: bullets and numbering that people paste in are dropped. */
const lines = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (Array.isArray(value) ? value : (value ?? '').split(/\r?\n/))
      .map((line) => line.replace(/^\s*(?:[-•·*]|\d+[.)])\s*/, '').trim())
      .filter(Boolean),
  )

const optionalDay = z
  .string()
  .trim()
  .optional()
  .nullable()
  .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), 'Enter the date as YYYY-MM-DD, for example 2010-11-16')
  .transform((v) => v || null)

export const strategyInput = z.object({
  title: requiredText('Enter the strategy’s title', 300),
  period: optionalText(50),
  status: z.enum(STRATEGY_STATUSES, { error: 'Select whether the strategy is a draft, adopted or superseded' }),
  adoptedOn: optionalDay,
  adoptedBy: optionalText(300),
  vision: optionalText(5000),
  strategicAims: lines,
})
export const strategyChanges = strategyInput.extend({ version: versionField })

export const priorityInput = z.object({
  title: requiredText('Enter the priority’s title', 300),
  description: optionalText(5000),
  objectives: lines,
  focus: lines,
  keyRecommendations: lines,
})
export const priorityChanges = priorityInput.extend({ version: versionField })

/** The form's choice for "this plan delivers no strategy"; the API sends null. */
export const NO_STRATEGY = 'none'
const STRATEGY_CHOICE = 'Select a strategy from the list'

/**
 * Which strategy a plan delivers, and the plan's version as read. Unlinking takes an explicit choice:
 * a missing or blank strategyId is an error, never "none".
 */
export const planStrategyInput = z.object({
  strategyId: z
    .union([z.literal(NO_STRATEGY), z.null(), idField('Select a strategy from the list')], { error: STRATEGY_CHOICE })
    .transform((v) => (v === NO_STRATEGY ? null : v)),
  version: versionField,
})
