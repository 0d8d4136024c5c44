import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import { sendProblem } from '../../../http/problem.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { idField } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { MAX_IMPORT_BYTES } from '../import/table.ts'
import { PlanExistsError } from '../import.service.ts'
import { summarisePlan } from '../plan-summary.ts'
import { sendDownload } from '../routes/common.ts'
import { planStrategyInput } from '../schema.ts'
import { answeringConflictWith } from './conflict.ts'
import { planSummaryJson, storedPlanLinkJson } from './json.ts'

const tag = 'Plans'

export const exportQuery = z.object({
  format: z.enum(['xlsx', 'csv'], { error: 'The format is xlsx or csv' }).default('xlsx'),
})

export const importBody = z.object({
  fileName: z
    .string({ error: 'Give the file’s name, with its extension (.xlsx, .csv or .tsv)' })
    .trim()
    .min(1, 'Give the file’s name, with its extension (.xlsx, .csv or .tsv)')
    .max(200, 'Must be 200 characters or fewer'),
  contentBase64: z
    .string({ error: 'Give the file’s content, base64-encoded' })
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'The content must be base64-encoded'),
  title: z.string().trim().max(300, 'Must be 300 characters or fewer').optional(),
  strategyId: idField('The strategy id must be a whole number').nullable().optional(),
  dryRun: z.boolean().optional(),
  replace: z.boolean().optional(),
})

// Base64 is a third larger than the file; leave room for the rest of the JSON.
const IMPORT_BODY_LIMIT = Math.ceil(((MAX_IMPORT_BYTES + 1) * 4) / 3) + 64 * 1024

export function plansApi(
  api: ApiRegistry,
  { plans, planImport, strategies }: Pick<Services, 'plans' | 'planImport' | 'strategies'>,
) {
  api.add({
    method: 'GET',
    url: '/plans',
    permission: 'plans:view',
    tag,
    summary: 'List action plans',
    handler: async () => ({ plans: (await plans.listPlans()).map(planSummaryJson) }),
  })
  api.add({
    method: 'GET',
    url: '/plans/:id',
    record: 'plan',
    permission: 'plans:view',
    tag,
    summary: 'One plan whole: themes, actions and deliverables with their flags',
    params: idParams,
    handler: async ({ params }) => plans.getPlan(params.id),
  })
  api.add({
    method: 'PUT',
    url: '/plans/:id/strategy',
    record: 'plan',
    permission: 'plans:manage',
    tag,
    summary:
      'Link the plan to the strategy it delivers ({strategyId: null} for none), with the plan version you read: a stale version answers 409',
    params: idParams,
    body: planStrategyInput,
    handler: async ({ request, params, body }) => {
      await answeringConflictWith(storedPlanLinkJson, () =>
        strategies.setPlanStrategy(request.actor, params.id, body),
      )
      const plan = await plans.getPlan(params.id)
      return { id: plan.id, strategyId: plan.strategyId }
    },
  })
  api.add({
    method: 'GET',
    url: '/plans/:id/summary',
    record: 'plan',
    permission: 'plans:view',
    tag,
    summary: 'Plan on a page: RAG and flag counts per theme, lead organisation and lead',
    params: idParams,
    handler: async ({ params }) => summarisePlan(await plans.getPlan(params.id)),
  })
  api.add({
    method: 'GET',
    url: '/plans/:id/export',
    record: 'plan',
    permission: 'plans:export',
    tag,
    summary: 'Download a plan as a spreadsheet in the partnership’s layout (every export is audited)',
    params: idParams,
    query: exportQuery,
    handler: async ({ request, reply, params, query }) => {
      sendDownload(reply, await plans.exportPlan(request.actor, params.id, query.format))
    },
  })
  api.add({
    method: 'POST',
    url: '/plans/import',
    permission: 'plans:manage',
    tag,
    summary:
      'Import a plan from a spreadsheet (all or nothing); 400 lists the problems, 409 if a plan with the title exists',
    body: importBody,
    bodyLimit: IMPORT_BODY_LIMIT,
    handler: async ({ request, reply, body }) => {
      const input = importBody.safeParse(body)
      if (!input.success) {
        const errors: Record<string, string> = {}
        for (const issue of input.error.issues) errors[issue.path.join('.') || 'form'] ??= issue.message
        throw new ValidationError(errors)
      }
      const v = input.data
      if (v.strategyId) {
        await strategies.get(v.strategyId).catch((error: unknown) => {
          throw error instanceof NotFoundError
            ? new ValidationError({ strategyId: 'No strategy has this id' })
            : error
        })
      }
      try {
        const outcome = await planImport.importPlan(request.actor, {
          fileName: v.fileName,
          content: Buffer.from(v.contentBase64, 'base64'),
          title: v.title,
          strategyId: v.strategyId ?? null,
          dryRun: v.dryRun,
          replace: v.replace,
        })
        const { summary } = outcome
        if (summary.errors.length) {
          const first = summary.errors[0]
          reply
            .code(400)
            .type('application/problem+json')
            .send({
              type: 'about:blank',
              title: 'The request is not valid',
              status: 400,
              detail: first?.message ?? 'The file could not be read',
              errors: { contentBase64: first?.message ?? 'The file could not be read' },
              report: summary.errors,
            })
          return
        }
        reply.code(v.dryRun ? 200 : 201).send({
          ...summary,
          planId: outcome.planId,
          replaced: outcome.replaced,
          dryRun: Boolean(v.dryRun),
          ...(outcome.changes ? { changes: outcome.changes } : {}),
        })
      } catch (error) {
        if (!(error instanceof PlanExistsError)) throw error
        sendProblem(reply, 409, error.message, { current: { planId: error.planId, title: error.title } })
      }
    },
  })
}
