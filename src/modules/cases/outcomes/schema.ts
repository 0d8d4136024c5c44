import { z } from 'zod'
import { idField, optionalText } from '../../../shared/validation.ts'
import { OUTCOME_EVENT_KINDS, type OutcomeEventKind } from '../rules/cohort-outcomes.ts'
import { DEFAULT_IOM_MATRIX } from '../rules/iom-score.ts'
import { day, optionalDay } from '../shared-schema.ts'

export const OUTCOME_KIND_LABELS: Record<OutcomeEventKind, string> = {
  'proven-reoffence': 'Proven reoffence',
  'ete-started': 'Education, training or employment started',
  'ete-sustained': 'Education, training or employment sustained',
  'treatment-started': 'Structured treatment started',
  'accommodation-secured': 'Accommodation secured',
}

/** The offence groups offered on the form: the IOM matrix's, so that scoring and outcomes speak alike. */
export const OFFENCE_GROUPS = DEFAULT_IOM_MATRIX.groups.map((g) => ({ id: g.id, label: g.label }))

export const outcomeInput = z.object({
  kind: z.enum(OUTCOME_EVENT_KINDS, { error: 'Select what happened' }),
  panelId: z.union([z.literal(''), idField('Select the panel recording it')]).optional(),
  date: day('Enter the day it happened as a real date, like 2026-03-31'),
  offenceGroup: optionalText(100),
  provenOn: optionalDay('Enter the day it was proven as a real date, like 2026-03-31'),
  notes: optionalText(5000),
})
