import { type ApiRegistry, idParams } from '../../http/api.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import type { Organisation, Person } from './records.ts'
import { organisationChanges, organisationInput, personChanges, personInput } from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const organisation = (o: Organisation) => ({
  id: o.id,
  name: o.name,
  shortName: o.shortName,
  type: o.type,
  version: o.version,
})

function person(p: Person) {
  return {
    id: p.id,
    name: p.name,
    jobTitle: p.jobTitle,
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    email: p.email,
    version: p.version,
  }
}

export function partnersApi(api: ApiRegistry, { partners, audit }: Pick<Services, 'partners' | 'audit'>) {
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
    handler: async ({ request, body }) =>
      organisation(await partners.getOrganisation(await partners.createOrganisation(request.actor, body))),
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
    handler: async ({ request }) => {
      const people = (await partners.listPeople()).map(person)
      await auditRead(audit, sensitiveReads, request, { what: 'people' })
      return { people }
    },
  })
  api.add({
    method: 'POST',
    url: '/people',
    permission: 'people:manage',
    tag: 'Partners',
    summary: 'Add a person',
    body: personInput,
    status: 201,
    handler: async ({ request, body }) =>
      person(await partners.getPerson(await partners.createPerson(request.actor, body))),
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
