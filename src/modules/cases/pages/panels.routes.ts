import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { isPanelChair, isPanelMember } from '../policy.ts'
import { paths } from '../paths.ts'
import {
  CADENCES,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  PANEL_TYPE_LABELS,
  PANEL_TYPES,
} from '../panels/schema.ts'
import { canManagePanels, canRefer, dayText, noticeOf, whoOf } from './common.ts'

const PANELS = 'cases/views/panels.njk'
const PANEL = 'cases/views/panel.njk'
const PANEL_FORM = 'cases/views/panel-form.njk'

const typeItems = PANEL_TYPES.map((t) => ({ value: t, text: PANEL_TYPE_LABELS[t] }))
const basisItems = LEGAL_BASES.map((b) => ({ value: b, text: LEGAL_BASIS_LABELS[b] }))
const cadenceItems = CADENCES.map((c) => ({ value: c, text: c.charAt(0).toUpperCase() + c.slice(1) }))

/** A multi-select or a single value from a form, as a list of strings. */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : [])

export function panelRoutes(
  app: FastifyInstance,
  { cases, users, partners }: Pick<Services, 'cases' | 'users' | 'partners'>,
) {
  const view = { permission: 'cases:view' as const }
  const manage = { permission: 'cases:manage-panels' as const }

  app.get(paths.cases.panels(), { config: view }, async (request, reply) => {
    const panels = await cases.listPanels()
    return reply.page(PANELS, {
      pageTitle: 'Risk panels',
      panels: panels.map((p) => ({
        ...p,
        member: isPanelMember(request.user, p),
        review: dayText(p.isa.reviewDate),
      })),
      canManage: canManagePanels(request),
      canRefer: canRefer(request),
      notice: noticeOf(request),
    })
  })

  async function form(extra: Record<string, unknown>) {
    const people = (await users.list())
      .filter((u) => !u.disabledAt && ['admin', 'partnership-manager', 'caseworker', 'lead'].includes(u.role))
      .map((u) => ({ value: u.id, text: `${u.name} (${u.organisationShortName})` }))
    const values = (extra.values ?? {}) as Record<string, unknown>
    const chosen = (field: string) => new Set(listOf(values[field]))
    const organisations = (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name }))
    return {
      template: PANEL_FORM,
      typeItems,
      basisItems,
      cadenceItems,
      people,
      memberItems: people.map((p) => ({ ...p, checked: chosen('memberUserIds').has(String(p.value)) })),
      organisationItems: organisations.map((o) => ({
        ...o,
        checked: chosen('organisationIds').has(String(o.value)),
      })),
      backLink: paths.cases.panels(),
      ...extra,
    }
  }

  app.get(paths.cases.newPanel(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await form({
      pageTitle: 'Set up a risk panel',
      action: paths.cases.panels(),
      values: { retentionYears: '6', escalationIncidents: '3' },
    })
    return reply.page(template, data)
  })

  app.post(paths.cases.panels(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () =>
        withNotice(paths.cases.panel(await cases.createPanel(whoOf(request), request.body)), 'Panel set up'),
      ({ errors }) =>
        form({
          pageTitle: 'Set up a risk panel',
          action: paths.cases.panels(),
          values: formBody(request.body),
          errors,
        }),
    ),
  )

  app.get(
    '/cases/panels/:id/edit',
    { config: { ...manage, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const panel = await cases.getPanel(id)
      const { template, ...data } = await form({
        pageTitle: `Change ${panel.name}`,
        action: paths.cases.panel(id),
        values: {
          ...panel,
          chairUserId: panel.chairUserId,
          memberUserIds: panel.memberUserIds.map(String),
          organisationIds: panel.organisations.map((o) => String(o.id)),
          isaParties: panel.isa.parties.join('\n'),
          isaLegalBasis: panel.isa.legalBasis,
          isaReviewDate: panel.isa.reviewDate,
        },
        backLink: paths.cases.panel(id),
      })
      return reply.page(template, data)
    },
  )

  app.post('/cases/panels/:id', { config: { ...manage, record: 'casePanel' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const panel = await cases.getPanel(id)
    return submitForm(
      reply,
      async () => {
        await cases.updatePanel(whoOf(request), id, request.body)
        return withNotice(paths.cases.panel(id), 'Panel saved')
      },
      ({ errors }) =>
        form({
          pageTitle: `Change ${panel.name}`,
          action: paths.cases.panel(id),
          values: formBody(request.body),
          errors,
          backLink: paths.cases.panel(id),
        }),
    )
  })

  async function panelPage(request: FastifyRequest, id: number) {
    const who = whoOf(request)
    const panel = await cases.getPanel(id)
    const member = isPanelMember(request.user, panel)
    return {
      pageTitle: panel.name,
      panel,
      review: dayText(panel.isa.reviewDate),
      member,
      // The open cases are for the members alone; setting the panel up gives no right to read them.
      openCases: member
        ? (await cases.listCases(who, { panelId: id })).filter(
            (c) => c.status !== 'closed' && c.status !== 'declined',
          )
        : [],
      alerts: isPanelChair(request.user, panel)
        ? (await cases.breakGlassAlerts(request.user)).filter((a) => a.panelId === id)
        : [],
      canManage: canManagePanels(request),
      notice: noticeOf(request),
      backLink: paths.cases.panels(),
    }
  }

  app.get('/cases/panels/:id', { config: { ...view, record: 'casePanel' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(PANEL, await panelPage(request, id))
  })

  app.post(
    '/cases/break-glass/:id/seen',
    { config: { ...view, record: 'breakGlass' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await cases.markBreakGlassSeen(whoOf(request), id)
      const back = formBody(request.body).back
      return reply.redirect(
        back?.startsWith('/cases/panels/') ? withNotice(back, 'Marked as seen') : paths.cases.panels(),
        303,
      )
    },
  )
}
