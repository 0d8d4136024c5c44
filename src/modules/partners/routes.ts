import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../access/permissions.ts'
import { idParams } from '../../http/api.ts'
import { ORGANISATION_TYPES } from '../../shared/organisation-types.ts'
import { parseInput } from '../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../web/forms.ts'
import { auditRead } from '../audit/read-audit.ts'
import { paths as mergePaths } from '../merges/paths.ts'
import type { Services } from '../module.ts'
import { paths } from './paths.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const ORGANISATION_FORM = 'partners/views/organisation-form.njk'
const PERSON_FORM = 'partners/views/person-form.njk'
const typeItems = ORGANISATION_TYPES.map((t) => ({ value: t, text: t.charAt(0).toUpperCase() + t.slice(1) }))

const notice = (request: FastifyRequest) => (request.query as { notice?: string }).notice

export function partnersRoutes(
  app: FastifyInstance,
  { partners, audit }: Pick<Services, 'partners' | 'audit'>,
) {
  const view = { permission: 'organisations:view' as const }
  const manage = { permission: 'organisations:manage' as const }

  app.get(paths.admin.organisations(), { config: view }, async (request, reply) =>
    reply.page('partners/views/organisations.njk', {
      pageTitle: 'Partner organisations',
      organisations: await partners.listOrganisations(),
      canManage: request.user ? can(request.user.role, 'organisations:manage') : false,
      notice: notice(request),
    }),
  )

  const organisationForm = (extra: Record<string, unknown>) => ({
    template: ORGANISATION_FORM,
    typeItems,
    backLink: paths.admin.organisations(),
    ...extra,
  })

  app.get(paths.admin.newOrganisation(), { config: manage }, async (_request, reply) =>
    reply.page(ORGANISATION_FORM, organisationForm({ pageTitle: 'Add a partner organisation', values: {} })),
  )

  app.post(paths.admin.organisations(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        await partners.createOrganisation(request.actor, request.body)
        return withNotice(paths.admin.organisations(), 'Organisation added')
      },
      ({ errors }) =>
        organisationForm({ pageTitle: 'Add a partner organisation', values: formBody(request.body), errors }),
    ),
  )

  app.get(
    '/admin/organisations/:id',
    { config: { ...view, record: 'organisation' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      // A merged-away organisation's old address leads to the one it was merged into.
      const survivor = await partners.survivorOf('organisation', id)
      if (survivor !== null) return reply.redirect(paths.admin.organisation(survivor), 301)
      const org = await partners.getOrganisation(id)
      return reply.page(ORGANISATION_FORM, {
        ...organisationForm({
          pageTitle: org.name,
          organisation: org,
          values: { name: org.name, shortName: org.shortName, type: org.type, version: org.version },
        }),
        readOnly: !(request.user && can(request.user.role, 'organisations:manage')),
        merged: await partners.mergedInto('organisation', id),
        mergeHref:
          request.user && can(request.user.role, 'organisations:merge')
            ? mergePaths.merges.organisation(id)
            : null,
        notice: notice(request),
      })
    },
  )

  app.post(
    '/admin/organisations/:id',
    { config: { ...manage, record: 'organisation' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const org = await partners.getOrganisation(id)
      return submitForm(
        reply,
        async () => {
          await partners.updateOrganisation(request.actor, id, request.body)
          return withNotice(paths.admin.organisations(), 'Organisation saved')
        },
        ({ errors, current }) =>
          organisationForm({
            pageTitle: org.name,
            organisation: org,
            // After a conflict the next save is made knowingly over the stored version.
            values: {
              ...formBody(request.body),
              version: current ? org.version : formBody(request.body).version,
            },
            current,
            errors,
          }),
      )
    },
  )

  // People

  const personForm = async (extra: Record<string, unknown>) => ({
    template: PERSON_FORM,
    organisationItems: (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name })),
    backLink: paths.admin.people(),
    ...extra,
  })
  const viewPeople = { permission: 'people:view' as const }
  const managePeople = { permission: 'people:manage' as const }

  app.get(paths.admin.people(), { config: viewPeople }, async (request, reply) => {
    const people = await partners.listPeople()
    await auditRead(audit, sensitiveReads, request, { what: 'people' })
    return reply.page('partners/views/people.njk', {
      pageTitle: 'People',
      people,
      canManage: request.user ? can(request.user.role, 'people:manage') : false,
      notice: notice(request),
    })
  })

  app.get(paths.admin.newPerson(), { config: managePeople }, async (_request, reply) => {
    const { template, ...data } = await personForm({ pageTitle: 'Add a person', values: {} })
    return reply.page(template, data)
  })

  app.post(paths.admin.people(), { config: managePeople }, async (request, reply) => {
    const form = await personForm({ pageTitle: 'Add a person', values: formBody(request.body) })
    return submitForm(
      reply,
      async () => {
        await partners.createPerson(request.actor, request.body)
        return withNotice(paths.admin.people(), 'Person added')
      },
      ({ errors }) => ({ ...form, errors }),
    )
  })

  app.get('/admin/people/:id', { config: { ...viewPeople, record: 'person' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    // A merged-away person's old address leads to the person they were merged into.
    const survivor = await partners.survivorOf('person', id)
    if (survivor !== null) return reply.redirect(paths.admin.person(survivor), 301)
    const p = await partners.getPerson(id)
    const values = {
      name: p.name,
      jobTitle: p.jobTitle,
      organisationId: p.organisationId,
      email: p.email,
      version: p.version,
    }
    const { template, ...data } = await personForm({ pageTitle: p.name, person: p, values })
    return reply.page(template, {
      ...data,
      readOnly: !(request.user && can(request.user.role, 'people:manage')),
      merged: await partners.mergedInto('person', id),
      mergeHref: request.user && can(request.user.role, 'people:merge') ? mergePaths.merges.person(id) : null,
      notice: notice(request),
    })
  })

  app.post('/admin/people/:id', { config: { ...managePeople, record: 'person' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const p = await partners.getPerson(id)
    const body = formBody(request.body)
    const form = await personForm({ pageTitle: p.name, person: p })
    return submitForm(
      reply,
      async () => {
        await partners.updatePerson(request.actor, id, request.body)
        return withNotice(paths.admin.people(), 'Person saved')
      },
      ({ errors, current }) => ({
        ...form,
        values: { ...body, version: current ? p.version : body.version },
        current,
        errors,
      }),
    )
  })
}
