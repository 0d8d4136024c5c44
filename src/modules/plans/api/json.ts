import type { DeliverablesService } from '../deliverables.service.ts'
import type { PlansService } from '../plans.service.ts'
import type { StrategiesService } from '../strategies.service.ts'

// The API's JSON: camelCase, ids and versions included, never the database's column names.

type StrategyRow = Awaited<ReturnType<StrategiesService['list']>>[number]
type Strategy = Awaited<ReturnType<StrategiesService['get']>>
type PlanRow = Awaited<ReturnType<PlansService['listPlans']>>[number]
type Deliverable = Awaited<ReturnType<DeliverablesService['get']>>
type Update = Deliverable['updates'][number]
type Led = Awaited<ReturnType<DeliverablesService['ledBy']>>[number]

export const strategySummaryJson = (s: StrategyRow) => ({
  id: s.id,
  title: s.title,
  period: s.period,
  status: s.status,
  adoptedOn: s.adopted_on,
  adoptedBy: s.adopted_by,
  priorityCount: Number(s.priority_count ?? 0),
  version: s.version,
})

export const strategyJson = (s: Strategy) => ({
  id: s.id,
  title: s.title,
  period: s.period,
  status: s.status,
  adoptedOn: s.adopted_on,
  adoptedBy: s.adopted_by,
  vision: s.vision,
  strategicAims: s.strategicAims,
  priorities: s.priorities,
  leadership: s.leadership.map((l) => ({
    name: l.name,
    initials: l.initials,
    organisation: l.organisation,
    role: l.role,
    personId: l.person_id,
  })),
  plans: s.plans,
  version: s.version,
})

export const planSummaryJson = (p: PlanRow) => ({
  id: p.id,
  title: p.title,
  period: p.period,
  owningBoard: p.owning_board,
  strategyId: p.strategy_id,
  strategyTitle: p.strategy_title,
  updatedAt: p.updated_at,
})

export const updateJson = (u: Update) => ({
  id: u.id,
  updateOn: u.update_on,
  authorName: u.author_name,
  text: u.text,
  rag: u.rag,
  createdAt: u.created_at,
})

export const deliverableJson = (d: Deliverable) => ({
  id: d.id,
  plan: { id: d.plan_id, title: d.plan_title },
  theme: d.theme_title,
  action: { number: d.action_number, locallyAdded: d.locally_added === 1, text: d.action_text },
  outcome: d.outcome,
  leads: d.leads.map((l) => ({ name: l.name_as_written, personId: l.person_id })),
  leadOrganisations: d.leadOrganisations,
  start: d.start_on,
  end: d.end_on,
  supportingOrganisations: d.supporting_organisations,
  progress: d.progress,
  comment: d.comment,
  documentReferences: d.document_references,
  rag: d.rag,
  flags: d.flags,
  latestUpdate: d.updates[0] ? updateJson(d.updates[0]) : null,
  version: d.version,
})

export const ledJson = (r: Led) => ({
  id: r.id,
  plan: { id: r.plan_id, title: r.plan_title },
  theme: r.theme_title,
  action: { number: r.action_number, text: r.action_text },
  outcome: r.outcome,
  start: r.start_on,
  end: r.end_on,
  rag: r.rag,
  flags: r.flags,
  latestUpdateOn: r.latest_update_on ?? null,
})
