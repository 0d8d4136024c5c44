import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { asCurrentUser, type CurrentUser } from '../../access/current-user.ts'
import { ROOT_DIR } from '../../web/nunjucks.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'
import { PARTNERSHIP_PLAN_2017_20, VIOLENT_CRIME_STRATEGY } from './demo-strategies.ts'

export const DEMO_PLAN_FILE = resolve(
  ROOT_DIR,
  'demo-data/plans/southwark-knife-crime-and-serious-violence-plan-2018-20.tsv',
)

type DemoStrategy = typeof VIOLENT_CRIME_STRATEGY | typeof PARTNERSHIP_PLAN_2017_20

async function addStrategy(services: Pick<Services, 'strategies'>, actor: Actor, s: DemoStrategy) {
  const id = await services.strategies.create(actor, { ...s, priorities: undefined })
  for (const p of s.priorities) await services.strategies.addPriority(actor, id, p)
  return id
}

// A few updates, so the plan's RAG summary and flags have something to show.
const UPDATES: Array<{ action: string; lead: string; updateOn: string; rag: string; text: string }> = [
  {
    action: '2',
    lead: 'Det Supt Helen Lyons',
    updateOn: '2026-10-14',
    rag: 'green',
    text: 'Monthly tasking meeting running since October, with the violence intelligence briefing and events tracker reviewed each time.',
  },
  {
    action: '*3',
    lead: 'Det Supt Helen Lyons',
    updateOn: '2026-09-02',
    rag: 'amber',
    text: 'Structure review drafted; the youth violence meeting review is waiting on the new policing boundaries.',
  },
  {
    action: '1',
    lead: 'Caroline Thwaites',
    updateOn: '2026-11-05',
    rag: 'blue',
    text: 'Performance dashboard agreed and now a standing item at the quarterly board.',
  },
  {
    action: '8',
    lead: 'Supt Ian Howells',
    updateOn: '2026-08-20',
    rag: 'red',
    text: 'Activity tracker not shared since the summer: analyst post vacant.',
  },
]

/** The plans part of the demo: two strategies, and seed 003's plan through the real importer. */
export async function loadPlansDemo(
  services: Pick<Services, 'strategies' | 'planImport' | 'users' | 'plans' | 'deliverables'>,
  actor: Actor,
) {
  await addStrategy(services, actor, VIOLENT_CRIME_STRATEGY)
  const partnershipPlan = await addStrategy(services, actor, PARTNERSHIP_PLAN_2017_20)
  const outcome = await services.planImport.importPlan(actor, {
    fileName: 'southwark-knife-crime-and-serious-violence-plan-2018-20.tsv',
    content: readFileSync(DEMO_PLAN_FILE),
    strategyId: partnershipPlan,
  })
  if (!outcome.planId)
    throw new Error(
      `The demo plan did not import: ${outcome.summary.errors.map((e) => e.message).join('; ')}`,
    )

  const manager = await services.users.findByEmail('manager@safer.example')
  if (!manager) return
  const asManager: CurrentUser = asCurrentUser(manager)
  const plan = await services.plans.getPlan(outcome.planId)
  for (const u of UPDATES) {
    const deliverable = plan.themes
      .flatMap((t) => t.actions)
      .filter((a) => a.number === u.action)
      .flatMap((a) => a.deliverables)
      .find((d) => d.leads.includes(u.lead))
    if (deliverable) {
      await services.deliverables.addUpdate(
        { userId: manager.id, label: manager.email, ip: null },
        asManager,
        deliverable.id,
        u,
      )
    }
  }
}
