
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { cleanFileName, keepFile, type UploadedFile } from '../../../http/uploads.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import type { ImportOutcome } from '../import/import.service.ts'
import { MAX_ROWS, MAX_UPLOAD_BYTES, readValuesFile, UnreadableValuesFileError } from '../import/read.ts'
import { formatValue } from '../indicator.ts'
import { paths } from '../paths.ts'
import { requireMayEnterValues } from '../policy.ts'
import { FREQUENCY_LABELS } from '../rules/periods.ts'
import { whoOf } from './common.ts'

const ENTER = 'performance/views/enter.njk'
const UPLOAD = 'performance/views/upload.njk'
const PREVIEW = 'performance/views/upload-preview.njk'
const FIELDS = ['period', 'value', 'numerator', 'denominator', 'note', 'reason'] as const

const UPLOAD_LIMITS = { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 5, fieldSize: 10_000, parts: 6 }

/** The rows the preview carries to the confirmation: re-checked in full there, so nothing here is trusted. */
function rowsFromForm(text: string | undefined): string[][] | null {
  try {
    const rows = JSON.parse(text ?? '') as unknown
    if (!Array.isArray(rows) || rows.length > MAX_ROWS + 1) return null
    if (
      !rows.every(
        (r) =>
          Array.isArray(r) && r.length <= 20 && r.every((c) => typeof c === 'string' && c.length <= 2000),
      )
    )
      return null
    return rows as string[][]
  } catch {
    return null
  }
}

/** The entry form for one period, and the upload of a long file with its preview. */
export async function entryRoutes(
  app: FastifyInstance,
  { indicators, indicatorImport }: Pick<Services, 'indicators' | 'indicatorImport'>,
) {
  const enter = { permission: 'performance:enter' as const }

  async function renderEnter(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    status: number,
    values: Record<string, string>,
    errors?: Record<string, string>,
  ) {
    const { indicator, series } = await indicators.get(id)
    requireMayEnterValues(whoOf(request).user, indicator)
    return reply.code(status).page(ENTER, {
      pageTitle: `Enter a value: ${indicator.name}`,
      indicator: {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        frequency: FREQUENCY_LABELS[indicator.frequency],
      },
      example: { month: '2025-01', quarter: '2025-Q1', 'financial-year': '2025-26', year: '2025' }[
        indicator.frequency
      ],
      latest: series.points
        .filter((p) => p.value !== null)
        .slice(-3)
        .reverse()
        .map((p) => ({ period: p.label, value: formatValue(indicator, p.value) })),
      values,
      errors,
      backLink: paths.performance.indicator(indicator.id),
    })
  }

  app.get(
    paths.performance.enter(':id'),
    { config: { ...enter, record: 'indicator' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return renderEnter(request, reply, id, 200, {})
    },
  )

  app.post(
    paths.performance.enter(':id'),
    { config: { ...enter, record: 'indicator' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      const values = Object.fromEntries(
        FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : '']),
      ) as Record<string, string>
      try {
        await indicators.enterValue(whoOf(request), id, values)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return renderEnter(request, reply, id, 400, values, error.fieldErrors)
      }
      return reply.redirect(
        withNotice(paths.performance.indicator(id), `Value for ${values.period} saved`),
        303,
      )
    },
  )

  const renderUpload = (
    reply: FastifyReply,
    status: number,
    errors?: Record<string, string>,
    report: ImportOutcome['errors'] = [],
  ) =>
    reply.code(status).page(UPLOAD, {
      pageTitle: 'Upload values from a spreadsheet',
      errors,
      report,
      backLink: paths.performance.dashboard(),
    })

  app.get(paths.performance.upload(), { config: enter }, async (_request, reply) => renderUpload(reply, 200))

  const answer = (reply: FastifyReply, outcome: ImportOutcome, rows: string[][]) => {
    if (outcome.errors.length)
      return renderUpload(
        reply,
        400,
        { file: `${outcome.fileName}: nothing was saved. Correct the rows below and upload the file again.` },
        outcome.errors,
      )
    return reply.page(PREVIEW, {
      pageTitle: 'Check the values before you save them',
      outcome,
      rows: JSON.stringify(rows),
      backLink: paths.performance.upload(),
    })
  }

  // Only the upload takes multipart bodies: the plugin is registered for this one route.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile: keepFile,
      throwFileSizeLimit: false,
      limits: UPLOAD_LIMITS,
    })
    scope.post(paths.performance.upload(), { config: enter }, async (request, reply) => {
      const file = ((request.body ?? {}) as Record<string, unknown>).file as UploadedFile | undefined
      if (!file || typeof file !== 'object' || !file.fileName)
        return renderUpload(reply, 400, { file: 'Select the file of values to upload' })
      const fileName = cleanFileName(file.fileName) || 'upload'
      // Read once for the preview; the rows then travel with the confirmation and are checked again.
      let rows: string[][]
      try {
        rows = await readValuesFile(file.content, fileName)
      } catch (error) {
        if (!(error instanceof UnreadableValuesFileError)) throw error
        return renderUpload(reply, 400, { file: error.message })
      }
      const outcome = await indicatorImport.importValues(whoOf(request), { fileName, rows, dryRun: true })
      return answer(reply, outcome, rows)
    })
  })

  app.post(paths.performance.uploadConfirm(), { config: enter }, async (request, reply) => {
    const body = formBody(request.body)
    const rows = rowsFromForm(body.rows)
    const fileName = cleanFileName(body.fileName ?? '') || 'upload'
    if (!rows)
      return renderUpload(reply, 400, { file: 'The upload could not be confirmed. Upload the file again.' })
    const outcome = await indicatorImport.importValues(whoOf(request), { fileName, rows })
    if (!outcome.written) return answer(reply, outcome, rows)
    const c = outcome.counts
    return reply.redirect(
      withNotice(
        paths.performance.dashboard(),
        `Saved ${c.rows} values: ${c.new} new, ${c.corrections} corrections`,
      ),
      303,
    )
  })
}
