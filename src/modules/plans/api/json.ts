import type { Deliverable, LedDeliverable, ProgressUpdate } from '../deliverable.ts'
import type { PlansService } from '../plans.service.ts'
import type { StrategiesService } from '../strategies.service.ts'

// The API's JSON: camelCase, ids and versions included, never the database's column names.

type StrategyRow = Awaited<ReturnType<StrategiesService['list']>>[number]
type Strategy = Awaited<ReturnType<StrategiesService['get']>>
type PlanRow = Awaited<ReturnType<PlansService['listPlans']>>[number]

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

export const updateJson = (u: ProgressUpdate) => ({
  id: u.id,
  updateOn: u.updateOn,
  authorName: u.authorName,
  text: u.text,
  rag: u.rag,
  createdAt: u.createdAt,
})

export const deliverableJson = (d: Deliverable) => ({
  id: d.id,
  plan: d.plan,
  theme: d.theme,
  action: d.action,
  outcome: d.outcome,
  leads: d.leads,
  leadOrganisations: d.leadOrganisations,
  start: d.start,
  end: d.end,
  supportingOrganisations: d.supportingOrganisations,
  progress: d.progress,
  comment: d.comment,
  documentReferences: d.documentReferences,
  rag: d.rag,
  flags: d.flags,
  latestUpdate: d.updates[0] ? updateJson(d.updates[0]) : null,
  version: d.version,
})

export const ledJson = (r: LedDeliverable) => ({
  id: r.id,
  plan: r.plan,
  theme: r.theme,
  action: { number: r.action.number, text: r.action.text },
  outcome: r.outcome,
  start: r.start,
  end: r.end,
  rag: r.rag,
  flags: r.flags,
  latestUpdateOn: r.latestUpdateOn,
})
