import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { MAX_UPLOAD_BYTES } from '../import/read.ts'
import { sendDownload, whoOf } from '../pages/common.ts'
import { indicatorChanges, indicatorInput, targetInput } from '../schema.ts'
import {
  exceptionsOutput,
  importBody,
  importOutput,
  indicatorDetailOutput,
  indicatorOutput,
  statusOutput,
} from './contracts.ts'
import { indicatorDetailJson, indicatorJson, statusJson } from './json.ts'

const tag = 'Performance'
const IMPORT_BODY_LIMIT = Math.ceil(((MAX_UPLOAD_BYTES + 1) * 4) / 3) + 64 * 1024

const valueBody = z.object({
  period: z.string(),
  value: z.union([z.number(), z.string()]),
  numerator: z.union([z.number(), z.string()]).nullable().optional(),
  denominator: z.union([z.number(), z.string()]).nullable().optional(),
  target: z.union([z.number(), z.string()]).nullable().optional(),
  comparator: z.union([z.number(), z.string()]).nullable().optional(),
  note: z.string().optional(),
  reason: z
    .string()
    .optional()
    .describe('Required when the period already has a different value: kept in the corrections history'),
})

export function performanceApi(
  api: ApiRegistry,
  {
    indicators,
    indicatorImport,
    performanceReports,
  }: Pick<Services, 'indicators' | 'indicatorImport' | 'performanceReports'>,
) {
  api.add({
    method: 'GET',
    url: '/indicators',
    permission: 'performance:view',
    tag,
    summary: 'Every indicator with its latest status (value, target, RAG, direction, significance)',
    response: z.object({ indicators: z.array(indicatorOutput) }),
    handler: async () => ({ indicators: (await indicators.list()).map(indicatorJson) }),
  })
  api.add({
    method: 'POST',
    url: '/indicators',
    permission: 'performance:define',
    tag,
    summary: 'Define an indicator: partnership managers and administrators',
    body: indicatorInput,
    status: 201,
    response: indicatorOutput,
    handler: async ({ request, body }) =>
      indicatorJson(await indicators.get(await indicators.define(whoOf(request), body))),
  })
  api.add({
    method: 'GET',
    url: '/indicators/:id',
    record: 'indicator',
    permission: 'performance:view',
    tag,
    summary: 'One indicator with every period’s value, target, comparators and rating, and its control chart',
    params: idParams,
    response: indicatorDetailOutput,
    handler: async ({ params }) => indicatorDetailJson(await indicators.get(params.id)),
  })
  api.add({
    method: 'PUT',
    url: '/indicators/:id',
    record: 'indicator',
    permission: 'performance:define',
    tag,
    summary:
      'Change an indicator’s definition (all but its key), at the version read: partnership managers and administrators',
    params: idParams,
    body: indicatorChanges,
    response: indicatorOutput,
    handler: async ({ request, params, body }) => {
      await indicators.change(whoOf(request), params.id, body)
      return indicatorJson(await indicators.get(params.id))
    },
  })
  api.add({
    method: 'GET',
    url: '/indicators/:id/status',
    record: 'indicator',
    permission: 'performance:view',
    tag,
    summary: 'The status for a period (by default the latest): as `safer indicator status --json`',
    params: idParams,
    query: z.object({ period: z.string().max(20).optional() }),
    response: statusOutput,
    handler: async ({ params, query }) =>
      statusJson(await indicators.get(params.id, query.period || undefined)),
  })
  api.add({
    method: 'GET',
    url: '/indicators/:id/corrections',
    record: 'indicator',
    permission: 'performance:view',
    tag,
    summary: 'Values that were corrected, newest first: the old value, who entered it, and why it changed',
    params: idParams,
    handler: async ({ params }) => ({ corrections: await indicators.corrections(params.id) }),
  })
  api.add({
    method: 'POST',
    url: '/indicators/:id/values',
    record: 'indicator',
    permission: 'performance:enter',
    tag,
    summary:
      'Enter one period’s value: the owner organisation’s users and partnership managers (a changed value needs a reason)',
    params: idParams,
    body: valueBody,
    status: 201,
    response: statusOutput,
    handler: async ({ request, params, body }) => {
      const input = parseInput(valueBody, body)
      await indicators.enterValue(whoOf(request), params.id, input)
      return statusJson(await indicators.get(params.id, input.period.trim()))
    },
  })
  api.add({
    method: 'PUT',
    url: '/indicators/:id/targets',
    record: 'indicator',
    permission: 'performance:define',
    tag,
    summary: 'Set the target for a period: partnership managers and administrators',
    params: idParams,
    body: targetInput,
    handler: async ({ request, params, body }) => {
      await indicators.setTarget(whoOf(request), params.id, body)
      return indicatorDetailJson(await indicators.get(params.id))
    },
  })
  api.add({
    method: 'DELETE',
    url: '/indicators/:id/targets',
    record: 'indicator',
    permission: 'performance:define',
    tag,
    summary: 'Remove the target for a period: partnership managers and administrators',
    params: idParams,
    query: z.object({ period: z.string().max(20) }),
    handler: async ({ request, params, query }) => {
      await indicators.removeTarget(whoOf(request), params.id, query.period)
      return indicatorDetailJson(await indicators.get(params.id))
    },
  })
  api.add({
    method: 'GET',
    url: '/indicators/:id/export',
    record: 'indicator',
    permission: 'performance:export',
    tag,
    summary: 'The figures as a file download (the upload’s own long layout)',
    params: idParams,
    query: z.object({ format: z.enum(['csv', 'xlsx'], { error: 'format is csv or xlsx' }).default('csv') }),
    handler: async ({ request, reply, params, query }) =>
      sendDownload(reply, await performanceReports.download(request.actor, params.id, query.format)),
  })
  api.add({
    method: 'POST',
    url: '/indicators/import',
    permission: 'performance:enter',
    tag,
    summary:
      'Import values from a long .csv, .tsv or .xlsx (all or nothing); 400 lists each problem by row and column',
    body: importBody,
    bodyLimit: IMPORT_BODY_LIMIT,
    response: importOutput,
    handler: async ({ request, reply, body }) => {
      const v = parseInput(importBody, body)
      const outcome = await indicatorImport.importValues(whoOf(request), {
        fileName: v.fileName,
        content: Buffer.from(v.contentBase64, 'base64'),
        dryRun: v.dryRun,
      })
      if (outcome.errors.length) {
        const first = outcome.errors[0]
        const detail = first?.message ?? 'The file could not be read'
        return reply
          .code(400)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'The request is not valid',
            status: 400,
            detail,
            errors: { contentBase64: detail },
            report: outcome.errors,
          })
      }
      return reply.code(outcome.written ? 201 : 200).send(outcome)
    },
  })
  api.add({
    method: 'GET',
    url: '/performance/exceptions',
    permission: 'performance:view',
    tag,
    summary: 'The exception report: indicators and plan deliverables needing attention, each with why',
    response: exceptionsOutput,
    handler: async () => performanceReports.exceptions(),
  })
  api.add({
    method: 'GET',
    url: '/plans/:id/vvrap-return',
    record: 'plan',
    permission: 'performance:export',
    tag,
    summary:
      'The London VVRAP quarterly update of a plan as .xlsx: a cover sheet, then theme, action, lead, RAG, progress and comment',
    params: idParams,
    query: z.object({
      quarter: z
        .string()
        .max(10)
        .optional()
        .describe('A calendar quarter, 2025-Q1; the current one by default'),
      borough: z.string().max(100).optional(),
    }),
    handler: async ({ request, reply, params, query }) =>
      sendDownload(
        reply,
        await performanceReports.vvrapReturn(request.actor, params.id, {
          quarter: query.quarter,
          borough: query.borough,
          author: whoOf(request).user.name,
        }),
      ),
  })
}
