import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { cleanFileName, keepFile, type UploadedFile } from '../../../http/uploads.ts'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { MAX_PAPER_BYTES } from './rules.ts'
import { paperHref } from './view.ts'

const PAPER_FORM = 'governance/papers/views/paper-form.njk'
// One byte over the limit is enough to know a file is too large, without reading the rest.
const UPLOAD_LIMITS = { fileSize: MAX_PAPER_BYTES + 1, files: 1, fields: 5, fieldSize: 10_000, parts: 6 }

/**
 * A paper keeps the name it was uploaded with, which may be any language's: an ASCII fallback for
 * old clients and the name itself as RFC 6266 allows (a header may carry only Latin-1 bytes).
 */
const rfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '')}"; filename*=UTF-8''${rfc5987(name)}`

type Deps = Pick<Services, 'governance' | 'governancePapers' | 'plans' | 'strategies' | 'audit'>

/** Adding a paper to an item (a file or a link), downloading one, and taking one off. */
export async function paperRoutes(app: FastifyInstance, deps: Deps) {
  const { governance, governancePapers, plans, strategies, audit } = deps
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }

  async function formPage(
    request: FastifyRequest,
    meetingId: number,
    values: Record<string, string>,
    errors?: FieldErrors,
    form?: string,
  ) {
    const meeting = await governance.getMeeting(meetingId)
    const targets: Array<{ value: string; text: string }> = [
      { value: 'exception-report', text: 'Exception report (performance)' },
    ]
    for (const p of await plans.listPlans()) {
      targets.push({ value: `plan:${p.id}`, text: `Action plan: ${p.title}` })
      targets.push({ value: `plan-summary:${p.id}`, text: `Action plan summary: ${p.title}` })
    }
    for (const s of await strategies.list()) {
      const strategy = await strategies.get(s.id)
      for (const priority of strategy.priorities)
        targets.push({ value: `indicator-set:${priority.id}`, text: `Indicators for ${priority.title}` })
    }
    const papers = await governancePapers.papersOfMeeting(meetingId)
    return {
      template: PAPER_FORM,
      pageTitle: `Add a paper: ${meeting.boardName}`,
      meeting,
      itemChoices: meeting.items.map((i) => ({ value: i.id, text: `Item ${i.number}: ${i.title}` })),
      targets,
      papers: papers.map((p) => ({ ...p, href: paperHref(p) })),
      values: { itemId: (request.query as { item?: string }).item ?? '', ...values },
      errors,
      form,
      backLink: paths.governance.meeting(meetingId),
    }
  }

  app.get(
    paths.governance.meetingPapers(':id'),
    { config: { ...manage, record: 'meeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await formPage(request, id, {})
      return reply.page(template, data)
    },
  )

  app.post(
    paths.governance.meetingPaperLinks(':id'),
    { config: { ...manage, record: 'meeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await governance.getMeeting(id)
      return submitForm(
        reply,
        async () => {
          await governancePapers.addPaperLink(whoOf(request), id, request.body)
          return withNotice(paths.governance.meeting(id), 'Paper added')
        },
        (problem) => formPage(request, id, formBody(request.body), problem.errors, 'link'),
      )
    },
  )

  // Only the upload takes multipart bodies: the plugin is registered for this one route, so every
  // other form keeps its URL-encoded parser. The CSRF token travels in the multipart body.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile: keepFile,
      throwFileSizeLimit: false,
      limits: UPLOAD_LIMITS,
    })
    scope.post(
      paths.governance.meetingPapers(':id'),
      { config: { ...manage, record: 'meeting' } },
      async (request, reply) => {
        const { id } = parseInput(idParams, request.params)
        await governance.getMeeting(id)
        const body = (request.body ?? {}) as Record<string, unknown>
        const itemId = typeof body.itemId === 'string' ? body.itemId : ''
        const file = body.file as UploadedFile | undefined
        return submitForm(
          reply,
          async () => {
            if (!file || typeof file !== 'object' || !file.fileName)
              throw new ValidationError({ file: 'Select the paper to upload' })
            const fileName = cleanFileName(file.fileName) || 'paper'
            await governancePapers.addPaperFile(
              whoOf(request),
              id,
              { itemId },
              { fileName, content: file.content },
            )
            return withNotice(paths.governance.meeting(id), `Paper ${fileName} added`)
          },
          (problem) => formPage(request, id, { itemId }, problem.errors, 'file'),
        )
      },
    )
  })

  // Exempt items' papers too: every route here needs someone signed in, which is all exempt asks
  // for now. The download is a read of the meeting's record, audited as reading the page is.
  app.get(paths.governance.paper(':id'), { config: { ...view, record: 'paper' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const file = await governancePapers.getPaperFile(id)
    await auditRead(audit, sensitiveReads, request, { what: 'meeting', entityId: file.meetingId })
    return reply
      .header('Content-Disposition', attachment(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .type(file.contentType)
      .send(file.content)
  })

  app.post(
    paths.governance.removePaper(':id'),
    { config: { ...manage, record: 'paper' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const meetingId = await governancePapers.removePaper(whoOf(request), id)
      return reply.redirect(withNotice(paths.governance.meeting(meetingId), 'Paper removed'), 303)
    },
  )
}
