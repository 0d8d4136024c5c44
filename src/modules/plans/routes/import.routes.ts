import { join } from 'node:path'
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import type { Config } from '../../../config.ts'
import { cleanFileName, keepFile, type UploadedFile } from '../../../http/uploads.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import type { PlanChanges } from '../import/plan-diff.ts'
import type { ImportSummary } from '../import/summary.ts'
import { MAX_IMPORT_BYTES } from '../import/table.ts'
import { PlanExistsError } from '../import.service.ts'
import { paths } from '../paths.ts'
import { importErrors, importPreview, replacePreview } from '../web/import-preview.ts'
import { mergeOffers } from '../web/merge-offers.ts'
import { userOf } from './common.ts'
import { createPendingImports, type PendingImport } from './pending-imports.ts'

const FORM = 'plans/views/import.njk'
const PREVIEW = 'plans/views/import-preview.njk'

// One more byte than the importer takes, so a larger file reaches it and gets its plain "over 20 MB" message.
const UPLOAD_LIMITS = { fileSize: MAX_IMPORT_BYTES + 1, files: 1, fields: 10, fieldSize: 10_000, parts: 12 }

export async function importRoutes(
  app: FastifyInstance,
  {
    plans,
    planImport,
    strategies,
    partners,
  }: Pick<Services, 'plans' | 'planImport' | 'strategies' | 'partners'>,
  config: Pick<Config, 'dataDir'>,
) {
  const manage = { permission: 'plans:manage' as const }
  const pending = createPendingImports(join(config.dataDir, 'uploads'))

  async function renderForm(
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown>,
    errors?: FieldErrors,
    report: unknown[] = [],
  ) {
    const strategyItems = (await strategies.list()).map((s) => ({
      value: s.id,
      text: s.period ? `${s.title} (${s.period})` : s.title,
    }))
    return reply.code(status).page(FORM, {
      pageTitle: 'Import a plan from a spreadsheet',
      values,
      strategyItems,
      errors,
      report,
      backLink: paths.plans.list(),
    })
  }

  /** The preview of an upload that read without errors; the summary is read again only after a refusal. */
  async function renderPreview(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    upload: {
      token: string
      meta: Pick<PendingImport, 'fileName' | 'strategyId'>
      summary: ImportSummary
      changes?: PlanChanges
    },
    replace: boolean,
    errors?: FieldErrors,
  ) {
    const { token, meta, summary, changes } = upload
    const preview = importPreview(summary)
    const existing = (await plans.listPlans()).find((p) => p.title === preview.title)
    const strategy = meta.strategyId
      ? (await strategies.list()).find((s) => s.id === meta.strategyId)
      : undefined
    return reply.code(status).page(PREVIEW, {
      pageTitle: 'Check the plan before you import it',
      token,
      fileName: meta.fileName,
      preview,
      existing: existing ? { title: existing.title, href: paths.plans.show(existing.id) } : undefined,
      changes: existing && changes ? replacePreview(changes) : undefined,
      mergeOffers: mergeOffers(
        summary,
        { people: await partners.listPeople(), organisations: await partners.listOrganisations() },
        {
          people: can(userOf(request).role, 'people:merge'),
          organisations: can(userOf(request).role, 'organisations:merge'),
        },
      ),
      strategyTitle: strategy?.title,
      replace,
      errors,
      backLink: paths.plans.import(),
    })
  }

  app.get(paths.plans.import(), { config: manage }, async (_request, reply) => renderForm(reply, 200, {}))

  // Only the upload takes multipart bodies: the plugin is registered for this one route, so
  // every other form keeps its URL-encoded parser. The CSRF token travels in the multipart body.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile: keepFile,
      throwFileSizeLimit: false,
      limits: UPLOAD_LIMITS,
    })
    scope.post(paths.plans.import(), { config: manage }, async (request: FastifyRequest, reply) => {
      const user = userOf(request)
      const body = (request.body ?? {}) as Record<string, unknown>
      const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '')
      const values = {
        title: text('title'),
        strategyId: text('strategyId'),
        replace: text('replace') === 'yes',
      }
      const file = body.file as UploadedFile | undefined
      const errors: FieldErrors = {}
      if (!file || typeof file !== 'object' || !file.fileName)
        errors.file = 'Select the spreadsheet to import'
      if (values.title.length > 300) errors.title = 'The title must be 300 characters or fewer'
      let strategyId: number | null = null
      if (values.strategyId) {
        const found = (await strategies.list()).find((s) => String(s.id) === values.strategyId)
        if (found) strategyId = found.id
        else errors.strategyId = 'Select a strategy from the list'
      }
      if (Object.keys(errors).length || !file) return renderForm(reply, 400, values, errors)

      const fileName = cleanFileName(file.fileName) || 'upload'
      const title = values.title || null
      const { summary } = await planImport.importPlan(request.actor, {
        fileName,
        content: file.content,
        title: title ?? undefined,
        strategyId,
        dryRun: true,
      })
      if (summary.errors.length) {
        const problem = importErrors(summary)
        return renderForm(reply, 400, values, problem.errors, problem.report)
      }
      const meta = { userId: user.id, fileName, title, strategyId, replace: values.replace }
      const token = await pending.save(meta, file.content)
      // Post/redirect/get: the preview is a page of its own, so Back from the imported plan returns
      // to it without the browser offering to send the upload again.
      return reply.redirect(paths.plans.importPreview(token), 303)
    })
  })

  app.get<{ Params: { token: string } }>(
    `${paths.plans.import()}/uploads/:token`,
    { config: manage },
    async (request, reply) => {
      const user = userOf(request)
      const token = request.params.token
      const upload = await pending.load(user.id, token)
      if (!upload) {
        return renderForm(
          reply,
          404,
          {},
          {
            file: 'The file you uploaded has expired or has already been imported. Upload it again.',
          },
        )
      }
      const { meta, content } = upload
      const { summary, changes } = await planImport.importPlan(request.actor, {
        fileName: meta.fileName,
        content,
        title: meta.title ?? undefined,
        strategyId: meta.strategyId,
        dryRun: true,
      })
      return renderPreview(request, reply, 200, { token, meta, summary, changes }, meta.replace === true)
    },
  )

  app.post(paths.plans.importConfirm(), { config: manage }, async (request, reply) => {
    const user = userOf(request)
    const body = formBody(request.body)
    const upload = await pending.load(user.id, body.token)
    if (!upload) {
      return renderForm(
        reply,
        400,
        {},
        { file: 'The file you uploaded has expired or has already been imported. Upload it again.' },
      )
    }
    const { meta, content } = upload
    const replace = body.replace === 'yes'
    try {
      const outcome = await planImport.importPlan(request.actor, {
        fileName: meta.fileName,
        content,
        title: meta.title ?? undefined,
        strategyId: meta.strategyId,
        replace,
      })
      await pending.discard(body.token as string)
      if (!outcome.planId) {
        const problem = importErrors(outcome.summary)
        return renderForm(reply, 400, {}, problem.errors, problem.report)
      }
      const c = outcome.summary.counts
      const d = outcome.changes
      const notice = d
        ? `Plan replaced: ${d.added.length} added, ${d.changed.length} changed, ${d.archived.length} archived; every progress update kept`
        : `Plan imported: ${c.themes} themes, ${c.actions} actions, ${c.deliverables} deliverables`
      return reply.redirect(withNotice(paths.plans.show(outcome.planId), notice), 303)
    } catch (error) {
      if (!(error instanceof PlanExistsError)) throw error
      const message = `A plan called “${error.title}” already exists. Tick “Replace the existing plan” to replace it with this file, or upload the file again with a different title.`
      const { summary, changes } = await planImport.importPlan(request.actor, {
        fileName: meta.fileName,
        content,
        title: meta.title ?? undefined,
        dryRun: true,
      })
      return renderPreview(
        request,
        reply,
        409,
        { token: body.token as string, meta, summary, changes },
        false,
        {
          replace: message,
        },
      )
    }
  })
}
