import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../../http/api.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { idField, parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { dayText, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { DISABILITY, GENDERS, SEXUALITIES } from '../referrals/schema.ts'
import { subjectFromForm, subjectToForm } from './subject-form.ts'
import { subjectAccessDocx } from './subject-access-docx.ts'

const RETENTION = 'cases/views/retention.njk'
const DELETE = 'cases/views/retention-delete.njk'
const EXPORT = 'cases/views/subject-export.njk'
const EDIT = 'cases/views/subject-edit.njk'
const MERGES = 'cases/views/subject-merges.njk'

const words = (v: string) => (v.charAt(0).toUpperCase() + v.slice(1)).replace(/-/g, ' ')
const choices = {
  genderItems: GENDERS.map((g) => ({ value: g, text: words(g) })),
  disabilityItems: DISABILITY.map((d) => ({ value: d, text: words(d) })),
  sexualityItems: SEXUALITIES.map((s) => ({ value: s, text: words(s) })),
}

const unmergeBody = z.object({ merge: idField('Choose the merge to undo') })

/** The rights' pages: retention review, subject access export, rectification and merges. The service decides who. */
export function rightsRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }
  const idOf = (request: FastifyRequest) => parseInput(idParams, request.params).id

  app.get(paths.cases.retention(), { config: view }, async (request, reply) =>
    reply.page(RETENTION, {
      pageTitle: 'Closed cases due for deletion',
      entries: (await cases.retentionDue(whoOf(request))).map((e) => ({
        ...e,
        closedText: dayText(e.closedOn),
        dueText: dayText(e.dueOn),
      })),
      notice: noticeOf(request),
      backLink: paths.cases.panels(),
    }),
  )

  const deletePage = async (request: FastifyRequest, errors?: Record<string, string>) => {
    const entry = await cases.retentionEntry(whoOf(request), idOf(request))
    return {
      pageTitle: `Delete case ${entry.caseId}`,
      entry: { ...entry, closedText: dayText(entry.closedOn), dueText: dayText(entry.dueOn) },
      errors,
      backLink: paths.cases.retention(),
    }
  }

  app.get('/cases/retention/:id/delete', { config: { ...view, record: 'case' } }, async (request, reply) =>
    reply.page(DELETE, await deletePage(request)),
  )

  app.post('/cases/retention/:id/delete', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const id = idOf(request)
    return submitForm(
      reply,
      async () => {
        await cases.retentionEntry(whoOf(request), id)
        const body = formBody(request.body)
        if (body.confirm !== 'yes')
          throw new ValidationError({ confirm: 'Confirm that the case should be deleted' })
        await cases.deleteUnderRetention(whoOf(request), id)
        return withNotice(paths.cases.retention(), `Case ${id} deleted. Its audit trail is kept.`)
      },
      async ({ errors }) => ({ template: DELETE, ...(await deletePage(request, errors)) }),
    )
  })

  const exportPage = async (request: FastifyRequest, errors?: Record<string, string>) => {
    const id = idOf(request)
    if (!(await cases.mayExportSubject(whoOf(request), id))) throw new NotFoundError('Person')
    return {
      pageTitle: 'Export what is held about a person',
      subjectId: id,
      values: errors ? formBody(request.body) : { format: 'docx' },
      errors,
      backLink: paths.cases.subject(id),
    }
  }

  app.get(
    '/cases/subjects/:id/export',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => reply.page(EXPORT, await exportPage(request)),
  )

  app.post(
    '/cases/subjects/:id/export',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => {
      const id = idOf(request)
      const body = formBody(request.body)
      try {
        const found = await cases.exportSubject(whoOf(request), id, body)
        const name = `subject-access-${found.subject.id}`
        if (body.format === 'json')
          return reply
            .type('application/json')
            .header('content-disposition', `attachment; filename="${name}.json"`)
            .send(JSON.stringify(found, null, 2))
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${name}.docx"`)
          .send(await subjectAccessDocx(found))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return reply.code(400).page(EXPORT, await exportPage(request, error.fieldErrors))
      }
    },
  )

  const editPage = async (request: FastifyRequest, errors?: Record<string, string>) => {
    const subject = await cases.subjectForEdit(whoOf(request), idOf(request))
    return {
      pageTitle: `Correct ${subject.forename} ${subject.surname}’s details`,
      subject,
      ...choices,
      values: errors ? formBody(request.body) : subjectToForm(subject),
      errors,
      backLink: paths.cases.subject(subject.id),
    }
  }

  app.get(
    '/cases/subjects/:id/edit',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => reply.page(EDIT, await editPage(request)),
  )

  app.post(
    '/cases/subjects/:id/edit',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => {
      const id = idOf(request)
      return submitForm(
        reply,
        async () => {
          await cases.updateSubjectDetails(whoOf(request), id, subjectFromForm(formBody(request.body)))
          return withNotice(paths.cases.subject(id), 'Details corrected')
        },
        async ({ errors }) => ({ template: EDIT, ...(await editPage(request, errors)) }),
      )
    },
  )

  const mergesPage = async (request: FastifyRequest, errors?: Record<string, string>) => {
    const id = idOf(request)
    const found = await cases.subjectMerges(whoOf(request), id)
    return {
      pageTitle: `Records of ${found.name}`,
      subjectId: id,
      ...found,
      values: errors ? formBody(request.body) : {},
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.subject(id),
    }
  }

  app.get(
    '/cases/subjects/:id/merges',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => reply.page(MERGES, await mergesPage(request)),
  )

  app.post(
    '/cases/subjects/:id/merges',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => {
      const id = idOf(request)
      return submitForm(
        reply,
        async () => {
          await cases.mergeSubjects(whoOf(request), id, request.body)
          return withNotice(paths.cases.subjectMerges(id), 'Records merged. The merge can be undone below.')
        },
        async ({ errors }) => ({ template: MERGES, ...(await mergesPage(request, errors)) }),
      )
    },
  )

  app.post(
    '/cases/subjects/:id/unmerge',
    { config: { ...view, record: 'caseSubject' } },
    async (request, reply) => {
      const id = idOf(request)
      return submitForm(
        reply,
        async () => {
          const { merge } = parseInput(unmergeBody, request.body)
          await cases.unmergeSubjects(whoOf(request), Number(merge), id)
          return withNotice(
            paths.cases.subjectMerges(id),
            'Merge undone: both records stand on their own again.',
          )
        },
        async ({ errors }) => ({ template: MERGES, ...(await mergesPage(request, errors)) }),
      )
    },
  )
}
