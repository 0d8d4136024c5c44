import type { Deliverable, LedDeliverable, ProgressUpdate, StoredDeliverable } from '../deliverable.ts'
import type { ListedPlan, PlanHeader } from '../plan.ts'
import type { ListedStrategy, Priority, Strategy, StrategyRecord } from '../strategy.ts'

// The API's JSON, shaped from the services' domain objects: camelCase, ids and versions included.
// The one exception is the stored record a 409 answers with (at the end): it has always carried
// the database's column names, and clients rely on them.

export const strategySummaryJson = (s: ListedStrategy) => ({
  id: s.id,
  title: s.title,
  period: s.period,
  status: s.status,
  adoptedOn: s.adoptedOn,
  adoptedBy: s.adoptedBy,
  priorityCount: s.priorityCount,
  version: s.version,
})

export const priorityJson = (p: Priority) => ({
  id: p.id,
  position: p.position,
  title: p.title,
  description: p.description,
  objectives: p.objectives,
  focus: p.focus,
  keyRecommendations: p.keyRecommendations,
  version: p.version,
})

/** A priority on its own, saying which strategy it belongs to. */
export const priorityOfStrategyJson = (p: Priority) => ({ ...priorityJson(p), strategyId: p.strategyId })

export const strategyJson = (s: Strategy) => ({
  id: s.id,
  title: s.title,
  period: s.period,
  status: s.status,
  adoptedOn: s.adoptedOn,
  adoptedBy: s.adoptedBy,
  vision: s.vision,
  strategicAims: s.strategicAims,
  priorities: s.priorities.map(priorityJson),
  leadership: s.leadership.map((l) => ({
    name: l.name,
    initials: l.initials,
    organisation: l.organisation,
    role: l.role,
    personId: l.personId,
  })),
  plans: s.plans.map((p) => ({ id: p.id, title: p.title, period: p.period })),
  version: s.version,
})

export const planSummaryJson = (p: ListedPlan) => ({
  id: p.id,
  title: p.title,
  period: p.period,
  owningBoard: p.owningBoard,
  strategyId: p.strategyId,
  strategyTitle: p.strategyTitle,
  updatedAt: p.updatedAt,
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
  actionId: d.actionId,
  archived: d.archived,
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

// The stored record a 409 answers with: the fields and names the API has always given it.

/** A strategy as stored, in its column names. */
export const storedStrategyJson = (s: StrategyRecord) => ({
  id: s.id,
  title: s.title,
  period: s.period,
  status: s.status,
  adopted_on: s.adoptedOn,
  adopted_by: s.adoptedBy,
  vision: s.vision,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
  version: s.version,
})

/** A deliverable as stored, in its column names, with where it sits in its plan. */
export const storedDeliverableJson = (d: StoredDeliverable) => ({
  id: d.id,
  action_id: d.actionId,
  position: d.position,
  outcome: d.outcome,
  start_on: d.start,
  end_on: d.end,
  supporting_organisations: d.supportingOrganisations,
  progress: d.progress,
  comment: d.comment,
  document_references: d.documentReferences,
  rag: d.rag,
  source_row: d.sourceRow,
  created_at: d.createdAt,
  updated_at: d.updatedAt,
  version: d.version,
  action_number: d.action.number,
  action_text: d.action.text,
  locally_added: d.action.locallyAdded ? 1 : 0,
  theme_title: d.theme,
  plan_id: d.plan.id,
  plan_title: d.plan.title,
  latest_update_on: d.latestUpdateOn,
})

/** A plan's link to its strategy, as stored. */
export const storedPlanLinkJson = (p: PlanHeader) => ({
  id: p.id,
  strategyId: p.strategyId,
  version: p.version,
})
