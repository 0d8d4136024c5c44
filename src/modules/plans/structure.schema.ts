import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'
import { NO_STRATEGY } from './schema.ts'
import { limitedText, optionalLimitedText } from './text-limits.ts'

// What a partnership manager sends to build and reshape a plan. Structure changes carry the
// plan's version as read: the plan is the unit people reorder and rename, so a change made on a
// stale page is refused (409) rather than shuffling what someone else just moved.

const tick = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'yes')

export const newPlanInput = z.object({
  title: requiredText('Enter the plan’s title', 300),
  period: optionalText(50),
  owningBoard: optionalText(300),
  strategyId: z
    .union([z.literal(NO_STRATEGY), z.literal(''), z.null(), idField('Select a strategy from the list')], {
      error: 'Select a strategy from the list',
    })
    .optional()
    .transform((v) => (v === NO_STRATEGY || v === '' || v == null ? null : v)),
})

export const themeInput = z.object({
  title: requiredText('Enter the theme’s title', 300),
  subtitle: optionalLimitedText('Subtitle', 1000),
  version: versionField,
})

export const moveInput = z.object({
  direction: z.enum(['up', 'down'], { error: 'Choose whether to move it up or down' }),
  version: versionField,
})

export const actionInput = z.object({
  number: z
    .string()
    .trim()
    .max(20, 'The action’s number must be 20 characters or fewer')
    .optional()
    .nullable()
    .transform((v) => v || null),
  text: limitedText('Action', 5000, 'Describe the action'),
  locallyAdded: tick,
  /** Moves the action to another theme of the same plan. */
  themeId: idField('Select a theme from the list').optional(),
  version: versionField,
})

export const archiveInput = z.object({
  reason: limitedText('Reason', 1000, 'Say why it is being removed'),
  version: versionField,
})

export const restoreInput = z.object({ version: versionField })

export const planVersionInput = z.object({ version: versionField })
