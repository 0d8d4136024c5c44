import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import type { PartnersService } from '../partners/service.ts'
import type { Partner } from './records.ts'

/** Every organisation a form names must be one the partners service holds. */
export async function checkOrganisations(partners: PartnersService, ids: number[], field: string) {
  for (const id of ids)
    await partners.getOrganisation(id).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: 'Select an organisation from the list' })
      throw error
    })
}

/** Rows of (owner, organisation) as each owner's list of partners. */
export function partnersByOwner(rows: Array<{ ownerId: number; id: number; name: string }>) {
  const by = new Map<number, Partner[]>()
  for (const r of rows) by.set(r.ownerId, [...(by.get(r.ownerId) ?? []), { id: r.id, name: r.name }])
  return (ownerId: number) => by.get(ownerId) ?? []
}
