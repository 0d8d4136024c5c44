import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import type { Services } from '../../module.ts'
import type { Deliverable, StoredDeliverable } from '../deliverable.ts'
import { paths } from '../paths.ts'
import { mayChangePlan, mayUpdateDeliverable } from '../policy.ts'
import { progressUpdateInput } from '../schema.ts'
import { type DateParts, dateItems, dayFromParts, partsFromBody, partsOf } from '../web/date-parts.ts'
import { deliverableInputOf, leadIdsOf, structureValues } from '../web/deliverable-form.ts'
import { deliverableChanges, deliverablePage, editValues } from '../web/deliverable-page.ts'
import { checkFormWithDate, renameError } from '../web/form-errors.ts'
import { ragItems } from '../web/status-tags.ts'
import { shortText } from '../web/structure-page.ts'
import { noticeOf, userOf } from './common.ts'
import { deliverableFormData } from './deliverable-form-data.ts'

const PAGE = 'plans/views/deliverable.njk'
const UPDATE_ORDER = ['updateOn-day', 'text', 'rag']

interface UpdateForm {
  date: DateParts
  text: string
  rag: string
  errors?: FieldErrors
}

function pageData(d: Deliverable, mayUpdate: boolean, form: UpdateForm, mayChange = false) {
  const page = deliverablePage(d)
  return {
    // The browser tab and history name it briefly; the heading gives the whole outcome.
    pageTitle: shortText(page.title),
    d: page,
    id: d.id,
    archived: d.archived ? { ...d.archived, at: formatDateTime(d.archived.at) } : null,
    mayUpdate: mayUpdate && !d.archived,
    mayChange: mayChange && !d.archived,
    form: {
      text: form.text,
      dateItems: dateItems(form.date, Boolean(form.errors?.['updateOn-day'])),
      ragItems: ragItems(form.rag),
    },
    errors: form.errors,
    backLink: page.plan.href,
  }
}

export function deliverableRoutes(
  app: FastifyInstance,
  services: Pick<Services, 'deliverables' | 'plans' | 'partners' | 'audit'>,
) {
  const { deliverables } = services
  const view = { permission: 'plans:view' as const }
  // Leads hold this for the deliverables they lead, partnership managers for all: the service's policy decides which.
  const update = { permission: 'plans:update-own' as const }

  app.get(
    paths.plans.deliverable(':id'),
    { config: { ...view, record: 'deliverable' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const d = await deliverables.get(id)
      return reply.page(PAGE, {
        ...pageData(
          d,
          mayUpdateDeliverable(userOf(request), d),
          { date: partsOf(londonToday()), text: '', rag: d.rag },
          mayChangePlan(userOf(request)),
        ),
        notice: noticeOf(request),
      })
    },
  )

  app.post(
    paths.plans.deliverableUpdates(':id'),
    { config: { ...update, record: 'deliverable' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const user = userOf(request)
      const d = await deliverables.getForUpdate(user, id)
      const body = formBody(request.body)
      const date = partsFromBody(body, 'updateOn')
      return submitForm(
        reply,
        async () => {
          const result = dayFromParts(date, 'The date of the update')
          const updateOn = checkFormWithDate(
            progressUpdateInput,
            { ...body, updateOn: '2000-01-01' },
            { key: 'updateOn-day', result, requiredMessage: 'Enter the date of the update' },
            UPDATE_ORDER,
          )
          await deliverables.addUpdate(request.actor, user, id, { ...body, updateOn })
          return withNotice(paths.plans.deliverable(id), 'Progress update added')
        },
        ({ errors }) => ({
          template: PAGE,
          ...pageData(d, true, {
            date,
            text: body.text ?? '',
            rag: body.rag ?? '',
            errors: renameError(errors, 'updateOn', 'updateOn-day'),
          }),
        }),
      )
    },
  )

  const formData = async (
    request: FastifyRequest,
    d: Deliverable,
    values: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) =>
    deliverableFormData(
      services,
      request,
      {
        pageTitle: 'Change the deliverable',
        caption: deliverablePage(d).title,
        formAction: paths.plans.deliverable(d.id),
        backLink: paths.plans.deliverable(d.id),
        planId: d.plan.id,
        values,
        leadNames: d.leads,
        manager: mayChangePlan(userOf(request)),
      },
      { id: d.id, ...extra },
    )

  app.get(
    paths.plans.editDeliverable(':id'),
    { config: { ...update, record: 'deliverable' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const d = await deliverables.getForUpdate(userOf(request), id)
      const { template, ...data } = await formData(request, d, { ...editValues(d), ...structureValues(d) })
      return reply.page(template, data)
    },
  )

  app.post(
    paths.plans.deliverable(':id'),
    { config: { ...update, record: 'deliverable' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const user = userOf(request)
      const d = await deliverables.getForUpdate(user, id)
      const body = formBody(request.body)
      return submitForm(
        reply,
        async () => {
          await deliverables.edit(request.actor, user, id, deliverableInputOf(body))
          return withNotice(paths.plans.deliverable(id), 'Deliverable saved')
        },
        ({ errors, current }) => {
          // The service's 409 carries the deliverable as stored now.
          const stored = current as StoredDeliverable | undefined
          // After a conflict the next save is made knowingly over the stored version.
          const values = {
            ...body,
            leadIds: leadIdsOf(body),
            ...(stored ? { version: String(stored.version) } : {}),
          }
          return formData(request, d, values, {
            errors,
            changes: stored ? deliverableChanges(stored, body) : undefined,
          })
        },
      )
    },
  )
}
