import { actionHeading } from '../../../web/plan-words.ts'
import type { Deliverable } from '../deliverable.ts'
import type { PlanView } from '../plan-view.ts'
import { shortText } from './structure-page.ts'

// The deliverable form's choices for a partnership manager (leads, organisations, the action it
// sits under) and the reverse: a posted form back into what the services take.

export interface PersonChoice {
  id: number
  name: string
  organisation: string | null
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value])
    .map(String)
    .filter(Boolean)

/** The ids of the leads the form asks for: those still ticked, and the one added from the list. */
export function leadIdsOf(body: Record<string, unknown>): string[] {
  return [...new Set([...asList(body.leadPersonIds), ...asList(body.addLead)])]
}

/**
 * The service's input from the form. The structure fields are sent only by the form a manager sees
 * (it carries structureShown): without them a lead's save leaves leads and organisations alone.
 */
export function deliverableInputOf(body: Record<string, unknown>): Record<string, unknown> {
  const { leadPersonIds: _l, addLead: _a, structureShown, leadOrganisations, actionId, ...rest } = body
  if (structureShown !== 'yes') return rest
  return {
    ...rest,
    leadPersonIds: leadIdsOf(body),
    leadOrganisations: leadOrganisations ?? '',
    actionId: actionId || undefined,
  }
}

/** The manager's part of the form: who leads it (ticked), whom to add, and which action it is under. */
export function structureChoices(
  people: PersonChoice[],
  plan: PlanView,
  values: { leadIds: string[]; actionId: string },
  leadNames: ReadonlyArray<{ personId: number; name: string }> = [],
) {
  const nameOf = (id: string) =>
    leadNames.find((l) => String(l.personId) === id)?.name ??
    people.find((p) => String(p.id) === id)?.name ??
    `Person ${id}`
  const shown = [...new Set([...leadNames.map((l) => String(l.personId)), ...values.leadIds])]
  return {
    leadItems: shown.map((id) => ({ value: id, text: nameOf(id), checked: values.leadIds.includes(id) })),
    peopleItems: [
      { value: '', text: 'No one else' },
      ...people
        .filter((p) => !shown.includes(String(p.id)))
        .map((p) => ({
          value: String(p.id),
          text: p.organisation ? `${p.name} (${p.organisation})` : p.name,
        })),
    ],
    actionItems: plan.themes.flatMap((theme) =>
      theme.actions.map((a) => ({
        value: String(a.id),
        text: `${shortText(theme.title, 40)} – ${actionHeading(a.number)}: ${shortText(a.text, 50)}`,
        selected: String(a.id) === values.actionId,
      })),
    ),
  }
}

/** The edit form's structure values as stored. */
export function structureValues(d: Deliverable) {
  return {
    leadOrganisations: d.leadOrganisations.join('\n'),
    actionId: String(d.actionId),
    leadIds: d.leads.map((l) => String(l.personId)),
  }
}
