import type { Services } from '../module.ts'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import type { Organisation } from './tables.ts'
import { organisationChanges, organisationInput, personChanges, personInput } from './schema.ts'

const organisation = (o: Organisation) => ({ id: o.id, name: o.name, shortName: o.short_name, type: o.type, version: o.version })

function person(p: {
  id: number
  name: string
  job_title: string | null
  organisation_id: number | null
  organisation_name: string | null
  email: string | null
  version: number
}) {
  return {
    id: p.id,
    name: p.name,
    jobTitle: p.job_title,
    organisationId: p.organisation_id,
    organisationName: p.organisation_name,
    email: p.email,
    version: p.version,
  }
}

export function partnersApi(api: ApiRegistry, { partners }: Pick<Services, 'partners'>) {
  api.add({
    method: 'GET',
    url: '/organisations',
    permission: 'organisations:view',
    tag: 'Partners',
    summary: 'List partner organisations',
    handler: async () => ({ organisations: (await partners.listOrganisations()).map(organisation) }),
  })
  api.add({
    method: 'POST',
    url: '/organisations',
    permission: 'organisations:manage',
    tag: 'Partners',
    summary: 'Add a partner organisation',
    body: organisationInput,
    status: 201,
    handler: async ({ request, body }) => organisation(await partners.getOrganisation(await partners.createOrganisation(request.actor, body))),
  })
  api.add({
    method: 'GET',
    url: '/organisations/:id',
    record: 'organisation',
    permission: 'organisations:view',
    tag: 'Partners',
    summary: 'One partner organisation',
    params: idParams,
    handler: async ({ params }) => organisation(await partners.getOrganisation(params.id)),
  })
  api.add({
    method: 'PUT',
    url: '/organisations/:id',
    record: 'organisation',
    permission: 'organisations:manage',
    tag: 'Partners',
    summary: 'Change a partner organisation (a stale version answers 409)',
    params: idParams,
    body: organisationChanges,
    handler: async ({ request, params, body }) => {
      await partners.updateOrganisation(request.actor, params.id, body)
      return organisation(await partners.getOrganisation(params.id))
    },
  })
  api.add({
    method: 'GET',
    url: '/people',
    permission: 'people:view',
    tag: 'Partners',
    summary: 'List people (named leads, board members, contacts)',
    handler: async () => ({ people: (await partners.listPeople()).map(person) }),
  })
  api.add({
    method: 'POST',
    url: '/people',
    permission: 'people:manage',
    tag: 'Partners',
    summary: 'Add a person',
    body: personInput,
    status: 201,
    handler: async ({ request, body }) => person(await partners.getPerson(await partners.createPerson(request.actor, body))),
  })
  api.add({
    method: 'GET',
    url: '/people/:id',
    record: 'person',
    permission: 'people:view',
    tag: 'Partners',
    summary: 'One person',
    params: idParams,
    handler: async ({ params }) => person(await partners.getPerson(params.id)),
  })
  api.add({
    method: 'PUT',
    url: '/people/:id',
    record: 'person',
    permission: 'people:manage',
    tag: 'Partners',
    summary: 'Change a person (a stale version answers 409)',
    params: idParams,
    body: personChanges,
    handler: async ({ request, params, body }) => {
      await partners.updatePerson(request.actor, params.id, body)
      return person(await partners.getPerson(params.id))
    },
  })
}
