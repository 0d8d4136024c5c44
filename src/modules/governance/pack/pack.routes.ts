import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { submitForm, withNotice } from '../../../web/forms.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { packSensitiveReads } from './sensitive-reads.ts'

const PROBLEM = 'governance/pack/views/pack-problem.njk'
const ANNUAL = 'governance/pack/views/annual-report.njk'

const sendFile = (reply: FastifyReply, file: { fileName: string; content: Buffer; contentType: string }) =>
  reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '')}"`)
    .send(file.content)

/** The meeting page's pack section posts here; the files download from here; the annual report is asked for here. */
export function packRoutes(
  app: FastifyInstance,
  { boardPacks, audit }: Pick<Services, 'boardPacks' | 'audit'>,
) {
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }

  app.post(
    paths.governance.meetingPacks(':id'),
    { config: { ...manage, record: 'meeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const version = await boardPacks.build(whoOf(request), id)
      return reply.redirect(
        `${withNotice(paths.governance.meeting(id), `Board pack version ${version.number} made`)}#board-pack`,
        303,
      )
    },
  )

  app.get(
    paths.governance.pack(':id'),
    { config: { ...view, record: 'boardPack' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const file = await boardPacks.packFile(id)
      await auditRead(audit, packSensitiveReads, request, { what: 'board-pack', entityId: id })
      return sendFile(reply, file)
    },
  )

  app.post(
    paths.governance.packCirculated(':id'),
    { config: { ...manage, record: 'boardPack' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const version = await boardPacks.getVersion(id)
      return submitForm(
        reply,
        async () => {
          await boardPacks.markCirculated(whoOf(request), id)
          const notice = `Version ${version.number} marked as circulated`
          return `${withNotice(paths.governance.meeting(version.meetingId), notice)}#board-pack`
        },
        (problem) => ({
          template: PROBLEM,
          pageTitle: 'Board pack',
          errors: problem.errors,
          backLink: paths.governance.meeting(version.meetingId),
        }),
      )
    },
  )

  async function annualForm(request: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>) {
    const query = request.query as Record<string, string | undefined>
    const strategies = await boardPacks.strategies()
    return reply.code(errors ? 400 : 200).page(ANNUAL, {
      pageTitle: 'Annual report on a strategy',
      strategyItems: strategies.map((s) => ({ value: String(s.id), text: s.title })),
      values: { strategy: query.strategy ?? '', year: query.year ?? String(new Date().getUTCFullYear()) },
      errors,
      backLink: paths.governance.boards(),
    })
  }

  app.get(paths.governance.annualReport(), { config: view }, async (request, reply) =>
    annualForm(request, reply),
  )

  app.get(paths.governance.annualReportDownload(), { config: view }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>
    try {
      if (!/^\d{1,9}$/.test(query.strategy ?? ''))
        throw new ValidationError({ strategy: 'Select a strategy' })
      return sendFile(reply, await boardPacks.annualReport(request.actor, Number(query.strategy), query.year))
    } catch (error) {
      if (error instanceof ValidationError) return annualForm(request, reply, error.fieldErrors)
      throw error
    }
  })
}
