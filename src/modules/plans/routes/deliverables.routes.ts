import type { FastifyInstance } from 'fastify'
import type { Services } from '../../module.ts'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { paths } from '../paths.ts'
import { londonToday } from '../flags.ts'
import { progressUpdateInput } from '../schema.ts'
import { type DateParts, dateItems, dayFromParts, partsFromBody, partsOf } from '../web/date-parts.ts'
import type { Deliverable, StoredDeliverable } from '../deliverable.ts'
import { mayUpdateDeliverable } from '../policy.ts'
import { deliverableChanges, deliverablePage, editValues } from '../web/deliverable-page.ts'
import { checkFormWithDate, renameError } from '../web/form-errors.ts'
import { ragItems } from '../web/status-tags.ts'
import { noticeOf, userOf } from './common.ts'

const PAGE = 'plans/views/deliverable.njk'
const FORM = 'plans/views/deliverable-form.njk'
const UPDATE_ORDER = ['updateOn-day', 'text', 'rag']

interface UpdateForm {
  date: DateParts
  text: string
  rag: string
  errors?: FieldErrors
}

function pageData(d: Deliverable, mayUpdate: boolean, form: UpdateForm) {
  const page = deliverablePage(d)
  return {
    pageTitle: page.title,
    d: page,
    id: d.id,
    mayUpdate,
    form: {
      text: form.text,
      dateItems: dateItems(form.date, Boolean(form.errors?.['updateOn-day'])),
      ragItems: ragItems(form.rag),
    },
    errors: form.errors,
    backLink: page.plan.href,
  }
}

export function deliverableRoutes(app: FastifyInstance, { deliverables }: Pick<Services, 'deliverables'>) {
  const view = { permission: 'plans:view' as const }
  // Leads hold this for the deliverables they lead, partnership managers for all: the service's policy decides which.
  const update = { permission: 'plans:update-own' as const }

  app.get(paths.plans.deliverable(':id'), { config: { ...view, record: 'deliverable' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const d = await deliverables.get(id)
    return reply.page(PAGE, {
      ...pageData(d, mayUpdateDeliverable(userOf(request), d), { date: partsOf(londonToday()), text: '', rag: d.rag }),
      notice: noticeOf(request),
    })
  })

  app.post(paths.plans.deliverableUpdates(':id'), { config: { ...update, record: 'deliverable' } }, async (request, reply) => {
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
  })

  const formData = (d: Deliverable, values: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    template: FORM,
    pageTitle: 'Change the deliverable',
    title: deliverablePage(d).title,
    id: d.id,
    values,
    ragItems: ragItems(values.rag),
    backLink: paths.plans.deliverable(d.id),
    ...extra,
  })

  app.get(paths.plans.editDeliverable(':id'), { config: { ...update, record: 'deliverable' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const d = await deliverables.getForUpdate(userOf(request), id)
    const { template, ...data } = formData(d, editValues(d))
    return reply.page(template, data)
  })

  app.post(paths.plans.deliverable(':id'), { config: { ...update, record: 'deliverable' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const user = userOf(request)
    const d = await deliverables.getForUpdate(user, id)
    const body = formBody(request.body)
    return submitForm(
      reply,
      async () => {
        await deliverables.edit(request.actor, user, id, body)
        return withNotice(paths.plans.deliverable(id), 'Deliverable saved')
      },
      ({ errors, current }) => {
        // The service's 409 carries the deliverable as stored now.
        const stored = current as StoredDeliverable | undefined
        // After a conflict the next save is made knowingly over the stored version.
        const values = stored ? { ...body, version: String(stored.version) } : body
        return formData(d, values, { errors, changes: stored ? deliverableChanges(stored, body) : undefined })
      },
    )
  })
}
