import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import { cleanFileName } from '../../../http/uploads.ts'
import { idField, parseInput, requiredText } from '../../../shared/validation.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { LINK_KINDS, MAX_PAPER_BYTES } from './rules.ts'
import {
  actionDeliverableInput,
  paperLinkInput,
  resolutionDeliverableInput,
  resolutionLinkInput,
} from './schema.ts'
import { paperHref, planRecordHref } from './view.ts'

const TAG = 'Governance'

const paper = z.object({
  id: z.number(),
  itemId: z.number(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  href: z.string().nullable(),
  fileType: z.enum(['pdf', 'docx', 'xlsx']).optional(),
  sizeBytes: z.number().optional(),
  linkKind: z.enum(LINK_KINDS).optional(),
  targetId: z.number().nullable().optional(),
  found: z.boolean().optional(),
})
const planRecord = z.object({
  kind: z.enum(['action', 'deliverable']),
  id: z.number(),
  planId: z.number().nullable(),
  title: z.string(),
  found: z.boolean(),
  href: z.string().nullable(),
})
const resolutionLink = planRecord.extend({
  resolutionId: z.number(),
  resolutionNumber: z.string(),
  itemId: z.number(),
  created: z.boolean(),
})
const ownedAction = z.object({
  id: z.number(),
  meetingId: z.number(),
  meetingStartsAt: z.string(),
  itemNumber: z.number(),
  description: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  deliverable: planRecord.nullable(),
})

/** A paper sent as JSON: its bytes in base64. */
export const paperUploadInput = z.object({
  itemId: idField('Choose the agenda item'),
  fileName: requiredText('Give the file’s name', 200),
  content: z
    .string({ error: 'Send the file’s bytes in base64' })
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'Send the file’s bytes in base64'),
})

export function papersApi(
  api: ApiRegistry,
  { governance, governancePapers, audit }: Pick<Services, 'governance' | 'governancePapers' | 'audit'>,
) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })
  const view = 'governance:view' as const
  const manage = 'governance:manage' as const
  const papersOf = async (id: number) => ({
    papers: (await governancePapers.papersOfMeeting(id)).map((p) => ({ ...p, href: paperHref(p) })),
  })
  const linksOf = async (id: number) => ({
    links: (await governancePapers.resolutionLinksOfMeeting(id)).map((l) => ({
      ...l,
      href: planRecordHref(l),
    })),
  })

  api.add({
    method: 'GET',
    url: '/meetings/:id/papers',
    record: 'meeting',
    permission: view,
    tag: TAG,
    summary:
      'The papers on a meeting’s agenda items: files (href downloads one) and links to plans and figures',
    params: idParams,
    response: z.object({ papers: z.array(paper) }),
    handler: async ({ params }) => {
      await governance.getMeeting(params.id)
      return papersOf(params.id)
    },
  })
  api.add({
    method: 'POST',
    url: '/meetings/:id/papers',
    record: 'meeting',
    permission: manage,
    tag: TAG,
    summary: 'Upload a paper (PDF, DOCX or XLSX, at most 20 MB) to an item, its bytes in base64',
    params: idParams,
    body: paperUploadInput,
    bodyLimit: Math.ceil((MAX_PAPER_BYTES * 4) / 3) + 64 * 1024,
    status: 201,
    response: z.object({ papers: z.array(paper) }),
    handler: async ({ request, params, body }) => {
      const v = parseInput(paperUploadInput, body)
      const content = Buffer.from(v.content, 'base64')
      const fileName = cleanFileName(v.fileName) || 'paper'
      await governancePapers.addPaperFile(
        who(request),
        params.id,
        { itemId: v.itemId },
        { fileName, content },
      )
      return papersOf(params.id)
    },
  })
  api.add({
    method: 'POST',
    url: '/meetings/:id/paper-links',
    record: 'meeting',
    permission: manage,
    tag: TAG,
    summary:
      'Add a link as a paper: target is plan:ID, plan-summary:ID, indicator-set:PRIORITY_ID or exception-report',
    params: idParams,
    body: paperLinkInput,
    status: 201,
    response: z.object({ papers: z.array(paper) }),
    handler: async ({ request, params, body }) => {
      await governancePapers.addPaperLink(who(request), params.id, body)
      return papersOf(params.id)
    },
  })
  api.add({
    method: 'GET',
    url: '/papers/:id',
    record: 'paper',
    permission: view,
    tag: TAG,
    summary: 'One uploaded paper, its bytes in base64',
    params: idParams,
    response: z.object({ fileName: z.string(), contentType: z.string(), content: z.string() }),
    handler: async ({ request, params }) => {
      const file = await governancePapers.getPaperFile(params.id)
      await auditRead(audit, sensitiveReads, request, { what: 'meeting', entityId: file.meetingId })
      return {
        fileName: file.fileName,
        contentType: file.contentType,
        content: file.content.toString('base64'),
      }
    },
  })
  api.add({
    method: 'DELETE',
    url: '/papers/:id',
    record: 'paper',
    permission: manage,
    tag: TAG,
    summary: 'Take a paper off its item',
    params: idParams,
    response: z.object({ papers: z.array(paper) }),
    handler: async ({ request, params }) =>
      papersOf(await governancePapers.removePaper(who(request), params.id)),
  })
  api.add({
    method: 'GET',
    url: '/meetings/:id/plan-links',
    record: 'meeting',
    permission: view,
    tag: TAG,
    summary: 'The plan actions and deliverables the meeting’s resolutions change or created',
    params: idParams,
    response: z.object({ links: z.array(resolutionLink) }),
    handler: async ({ params }) => {
      await governance.getMeeting(params.id)
      return linksOf(params.id)
    },
  })
  const posts: Array<[string, string, z.ZodType, (w: Who, id: number, body: unknown) => Promise<unknown>]> = [
    [
      'resolution-links',
      'Link a resolution to a plan action or deliverable it changes (target action:ID or deliverable:ID)',
      resolutionLinkInput,
      governancePapers.linkResolution,
    ],
    [
      'resolution-deliverables',
      'Create a deliverable in the plan from a resolution, under the chosen plan action',
      resolutionDeliverableInput,
      governancePapers.createDeliverable,
    ],
    [
      'action-deliverables',
      'Link an action arising to the plan deliverable it follows up (blank deliverableId unlinks)',
      actionDeliverableInput,
      governancePapers.linkActionToDeliverable,
    ],
  ]
  for (const [part, summary, body, act] of posts) {
    api.add({
      method: 'POST',
      url: `/meetings/:id/${part}`,
      record: 'meeting',
      permission: manage,
      tag: TAG,
      summary,
      params: idParams,
      body,
      response: z.object({ links: z.array(resolutionLink) }),
      handler: async ({ request, params, body: input }) => {
        await act(who(request), params.id, input)
        return linksOf(params.id)
      },
    })
  }
  api.add({
    method: 'GET',
    url: '/my-actions-arising',
    permission: view,
    tag: TAG,
    summary: 'The signed-in user’s own actions arising (their linked person owns them), overdue ones flagged',
    response: z.object({ actions: z.array(ownedAction) }),
    handler: async ({ request }) => {
      const personId = request.user?.personId ?? null
      const actions = personId === null ? [] : await governancePapers.actionsArisingOwnedBy(personId)
      return {
        actions: actions.map((a) => ({
          ...a,
          deliverable: a.deliverable && { ...a.deliverable, href: planRecordHref(a.deliverable) },
        })),
      }
    },
  })
  api.add({
    method: 'PUT',
    url: '/my-actions-arising/:id/status',
    record: 'actionArising',
    permission: view,
    tag: TAG,
    summary: 'Close or reopen one of your own actions arising',
    params: idParams,
    body: z.object({ status: z.enum(['open', 'closed']) }),
    response: z.object({ id: z.number(), status: z.enum(['open', 'closed']) }),
    handler: async ({ request, params, body }) => {
      await governance.setOwnActionStatus(who(request), request.user?.personId ?? null, params.id, body)
      const action = await governance.getAction(params.id)
      return { id: action.id, status: action.status }
    },
  })
}
