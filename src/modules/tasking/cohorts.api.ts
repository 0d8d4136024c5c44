import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import type { Services } from '../module.ts'

// The risk panels' cohorts, for choosing some of one when recording a tasking through the API: names
// for a member of the panel, pseudonyms for anyone else, each read audited by the cases service.

const cohort = z.object({
  panelId: z.number(),
  panelName: z.string(),
  named: z.boolean().describe('true only for a member of the panel: then the labels are names'),
  members: z.array(
    z.object({
      subjectId: z.number(),
      label: z.string().describe('A name, or a pseudonym like C-7F3A'),
      held: z.boolean(),
    }),
  ),
})

export function taskingCohortsApi(api: ApiRegistry, { tasking }: Pick<Services, 'tasking'>) {
  api.add({
    method: 'GET',
    url: '/tasking/cohorts',
    permission: 'tasking:manage',
    tag: 'Tasking',
    summary: 'The risk panels a tasking’s cohort may be drawn from, by name',
    response: z.object({ panels: z.array(z.object({ id: z.number(), name: z.string() })) }),
    handler: async () => ({ panels: await tasking.cohortPanels() }),
  })
  api.add({
    method: 'GET',
    url: '/tasking/cohorts/:id',
    record: 'casePanel',
    permission: 'tasking:manage',
    tag: 'Tasking',
    summary: 'A risk panel’s cohort now (the subjects of its open cases), named only for its members',
    params: idParams,
    response: cohort,
    handler: async ({ request, params }) =>
      tasking.cohort({ actor: request.actor, user: request.user, via: request.url.split('?')[0] }, params.id),
  })
}
