import type { FastifyRequest } from 'fastify'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { structureChoices } from '../web/deliverable-form.ts'
import { ragItems } from '../web/status-tags.ts'

export const DELIVERABLE_FORM = 'plans/views/deliverable-form.njk'

// The list of people is personal data: a manager choosing a lead reads it, so the read is audited
// as the partners module's own list is.
const PEOPLE_READ = ['people'] as const

type Needs = Pick<Services, 'plans' | 'partners' | 'audit'>

/** What the deliverable form shows; a manager also gets the lead, organisation and action fields. */
export async function deliverableFormData(
  services: Needs,
  request: FastifyRequest,
  form: {
    pageTitle: string
    caption: string
    formAction: string
    backLink: string
    planId: number
    values: Record<string, unknown>
    leadNames?: ReadonlyArray<{ personId: number; name: string }>
    manager: boolean
  },
  extra: Record<string, unknown> = {},
) {
  const { values } = form
  let structure: ReturnType<typeof structureChoices> | undefined
  if (form.manager) {
    await auditRead(services.audit, PEOPLE_READ, request, {
      what: 'people',
      filter: { purpose: 'choosing a deliverable’s leads' },
    })
    const people = (await services.partners.listPeople()).map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisationShortName ?? p.organisationName,
    }))
    const leadIds = Array.isArray(values.leadIds) ? (values.leadIds as string[]) : []
    structure = structureChoices(
      people,
      await services.plans.getPlan(form.planId),
      { leadIds, actionId: String(values.actionId ?? '') },
      form.leadNames,
    )
  }
  const showConfirm =
    Boolean((extra.errors as Record<string, string> | undefined)?.end) ||
    values.confirmEndBeforeStart === 'yes'
  return {
    template: DELIVERABLE_FORM,
    pageTitle: form.pageTitle,
    title: form.caption,
    formAction: form.formAction,
    values,
    ragItems: ragItems(values.rag),
    structure,
    showConfirm,
    backLink: form.backLink,
    ...extra,
  }
}
