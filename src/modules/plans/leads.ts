import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import type { PartnersService } from '../partners/service.ts'
import type { DeliverableLead } from './deliverable.ts'

/**
 * The leads a manager picked, as the plan will name them: a lead already on the deliverable keeps
 * the name the plan wrote ("Det Supt Helen Lyons"); a newly picked person is named as the
 * partnership's list of people names them. Read before the change's transaction opens.
 */
export async function resolveLeads(
  partners: Pick<PartnersService, 'getPerson'>,
  personIds: number[],
  current: ReadonlyArray<DeliverableLead> = [],
): Promise<DeliverableLead[]> {
  const leads: DeliverableLead[] = []
  for (const personId of personIds) {
    const kept = current.find((l) => l.personId === personId)
    if (kept) {
      leads.push(kept)
      continue
    }
    try {
      leads.push({ personId, name: (await partners.getPerson(personId)).name })
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new ValidationError({ leadPersonIds: 'Select a lead from the list of people' })
      throw error
    }
  }
  return leads
}
