/** The decisions register, decision records and the forward plan, spread into governance's paths. */
export const decisionPaths = {
  decisions: () => '/governance/decisions',
  newDecision: () => '/governance/decisions/new',
  decision: (id: number | string) => `/governance/decisions/${id}`,
  decisionStatus: (id: number | string) => `/governance/decisions/${id}/status`,
  forwardPlan: () => '/governance/forward-plan',
  publicDecisions: () => '/public/decisions',
  publicDecision: (id: number | string) => `/public/decisions/${id}`,
} as const
