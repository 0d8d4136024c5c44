import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'
import { endDay, isCalendarDate, isImpossibleDay, parsePlanDate, startDay } from './plan-dates.ts'
import { RAG_STATUSES } from './rag.ts'
import { limitedText, optionalLimitedText } from './text-limits.ts'

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
      const typed = (value ?? '').trim()
      const message = isImpossibleDay(typed)
        ? `The ${label} must be a real date: ${typed} is not a day in the calendar`
        : `Enter the ${label} as a month like Dec-18, a date like 05/12/2018, Ongoing or TBC`
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    })

/** A form's tick box (`yes`) or the API's boolean. */
const confirmation = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'yes')

/**
 * An end before the start is almost always a slip (Mar-19 for Mar-20), so it is refused unless the
 * person says it is what the plan means: the flag "End before start" then shows it to everyone.
 */
function endNotBeforeStart(
  v: { start?: string | null; end?: string | null; confirmEndBeforeStart?: boolean },
  ctx: z.RefinementCtx,
) {
  const { start, end } = v
  if (!isCalendarDate(start ?? null) || !isCalendarDate(end ?? null) || v.confirmEndBeforeStart) return
  if (endDay(end as string) < startDay(start as string)) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message:
        'The end must be on or after the start. If the plan really ends before it starts, tick “Save the end before the start”',
    })
  }
}

const isoDay = z
  .string({ error: 'Enter the date of the update' })
  .trim()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
    'Enter the date of the update as YYYY-MM-DD, for example 2026-11-23',
  )

export const progressUpdateInput = z.object({
  updateOn: isoDay,
  text: limitedText('Progress update', 5000, 'Describe the progress made'),
  rag,
})

/** People picked from the partnership's list: ids from a form (one or several) or JSON. */
const personIds = z
  .union([idField('Select a lead from the list'), z.array(idField('Select a lead from the list'))])
  .optional()
  .transform((v) => (v === undefined ? undefined : [...new Set(Array.isArray(v) ? v : [v])]))

/** Lead organisations, one a line on a form or a list in JSON. */
const organisationLines = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    value === undefined
      ? undefined
      : [
          ...new Set(
            (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean),
          ),
        ],
  )
  .refine(
    (v) => !v || v.every((name) => name.length <= 200),
    'Each lead organisation must be 200 characters or fewer',
  )

const deliverableFields = {
  outcome: limitedText('Outcome', 5000, 'Enter the outcome'),
  start: planDate('start'),
  end: planDate('end'),
  confirmEndBeforeStart: confirmation,
  /** Absent leaves a deliverable's leads as they are; changing them is a partnership manager's. */
  leadPersonIds: personIds,
  leadOrganisations: organisationLines,
  supportingOrganisations: optionalLimitedText('Supporting organisations', 1000),
  progress: optionalLimitedText('Progress', 5000),
  comment: optionalLimitedText('Comment', 5000),
  documentReferences: optionalLimitedText('Document references', 1000),
  rag,
}

export const newDeliverableInput = z.object(deliverableFields).superRefine(endNotBeforeStart)

export const deliverableChangesInput = z
  .object({
    ...deliverableFields,
    /** Moves the deliverable to another action of the same plan. */
    actionId: idField('Select an action from the list').optional(),
    version: versionField,
  })
  .superRefine(endNotBeforeStart)

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
  .refine(
    (v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
    'Enter the date as YYYY-MM-DD, for example 2010-11-16',
  )
  .transform((v) => v || null)

export const strategyInput = z.object({
  title: requiredText('Enter the strategy’s title', 300),
  period: optionalText(50),
  status: z.enum(STRATEGY_STATUSES, {
    error: 'Select whether the strategy is a draft, adopted or superseded',
  }),
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
    .union([z.literal(NO_STRATEGY), z.null(), idField('Select a strategy from the list')], {
      error: STRATEGY_CHOICE,
    })
    .transform((v) => (v === NO_STRATEGY ? null : v)),
  version: versionField,
})
