import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import type { Intervention } from './intervention.ts'
import { directoryFilter, INTERVENTION_KIND_LABELS, INTERVENTION_KINDS } from './schema.ts'

const LIST = 'cases/views/interventions.njk'
const ONE = 'cases/views/intervention.njk'
const FORM = 'cases/views/intervention-form.njk'

const kindItems = INTERVENTION_KINDS.map((k) => ({ value: k, text: INTERVENTION_KIND_LABELS[k] }))
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : [])

/** The form's values from a stored service. */
const valuesOf = (i: Intervention) => ({
  name: i.name,
  providerOrganisationId: String(i.provider.id),
  kind: i.kind,
  description: i.description,
  eligibility: i.eligibility,
  referralRoute: i.referralRoute,
  places: i.capacity.places === null ? '' : String(i.capacity.places),
  contact: i.contact,
  panelIds: i.panels.map((p) => String(p.id)),
  version: String(i.version),
})

/** The interventions directory: read by every signed-in partner, kept by managers and panel chairs. */
export function directoryRoutes(
  app: FastifyInstance,
  { cases, partners }: Pick<Services, 'cases' | 'partners'>,
) {
  const read = { permission: 'cases:directory' as const }
  // Keeping the directory is decided in the service (managers and panel chairs); the route lets in
  // those who may use the risk panels at all.
  const keep = { permission: 'cases:view' as const }

  app.get(paths.cases.interventions(), { config: read }, async (request, reply) => {
    const query = request.query as Record<string, string>
    const filter = parseInput(directoryFilter, { kind: query.kind ?? '', panel: query.panel ?? '' })
    const panels = await cases.listPanels()
    return reply.page(LIST, {
      pageTitle: 'Interventions directory',
      interventions: await cases.listInterventions(filter),
      kindItems,
      panelItems: panels.map((p) => ({ value: p.id, text: p.name })),
      values: { kind: filter.kind ?? '', panel: filter.panel ?? '' },
      mayManage: await cases.mayManageDirectory(request.user),
      notice: noticeOf(request),
    })
  })

  async function form(extra: Record<string, unknown>) {
    const values = (extra.values ?? {}) as Record<string, unknown>
    const chosen = new Set(listOf(values.panelIds))
    return {
      template: FORM,
      kindRadios: kindItems.map((k) => ({ ...k, checked: values.kind === k.value })),
      organisationItems: (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name })),
      panelItems: (await cases.listPanels()).map((p) => ({
        value: p.id,
        text: p.name,
        checked: chosen.has(String(p.id)),
      })),
      backLink: paths.cases.interventions(),
      ...extra,
    }
  }

  app.get(paths.cases.newIntervention(), { config: keep }, async (request, reply) => {
    await cases.requireMayManageDirectory(whoOf(request))
    const { template, ...data } = await form({
      pageTitle: 'Add a service to the directory',
      action: paths.cases.interventions(),
      values: {},
    })
    return reply.page(template, data)
  })

  app.post(paths.cases.interventions(), { config: keep }, async (request, reply) =>
    submitForm(
      reply,
      async () =>
        withNotice(
          paths.cases.intervention(await cases.createIntervention(whoOf(request), request.body)),
          'Service added to the directory',
        ),
      ({ errors }) =>
        form({
          pageTitle: 'Add a service to the directory',
          action: paths.cases.interventions(),
          values: formBody(request.body),
          errors,
        }),
    ),
  )

  app.get(
    '/cases/interventions/:id',
    { config: { ...read, record: 'intervention' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const found = await cases.getIntervention(id)
      return reply.page(ONE, {
        pageTitle: found.name,
        found,
        mayManage: await cases.mayManageDirectory(request.user),
        notice: noticeOf(request),
        backLink: paths.cases.interventions(),
      })
    },
  )

  app.get(
    '/cases/interventions/:id/edit',
    { config: { ...keep, record: 'intervention' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await cases.requireMayManageDirectory(whoOf(request))
      const found = await cases.getIntervention(id)
      const { template, ...data } = await form({
        pageTitle: `Change ${found.name}`,
        action: paths.cases.intervention(id),
        values: valuesOf(found),
      })
      return reply.page(template, { ...data, backLink: paths.cases.intervention(id) })
    },
  )

  app.post(
    '/cases/interventions/:id',
    { config: { ...keep, record: 'intervention' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return submitForm(
        reply,
        async () => {
          await cases.updateIntervention(whoOf(request), id, request.body)
          return withNotice(paths.cases.intervention(id), 'Service changed')
        },
        ({ errors }) =>
          form({
            pageTitle: 'Change a service',
            action: paths.cases.intervention(id),
            values: formBody(request.body),
            errors,
            backLink: paths.cases.intervention(id),
          }),
      )
    },
  )
}
