// The one place that says who may do what. Every route names one of these actions
// (or 'public'); the permission-matrix test calls every route as every role.

export const ROLES = ['admin', 'partnership-manager', 'lead', 'board-member', 'analyst', 'caseworker', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  'partnership-manager': 'Partnership manager',
  lead: 'Lead (updates their own actions)',
  'board-member': 'Board member',
  analyst: 'Analyst',
  caseworker: 'Caseworker',
  viewer: 'Viewer',
}

const EVERYONE = [
  'home:view',
  'account:manage',
  'organisations:view',
  'people:view',
  // Strategies and action plans are the partnership's shared work: everyone signed in reads them.
  'plans:view',
  'plans:export',
  // Crime figures are published data: everyone signed in may read the analyses.
  'crime:view',
] as const

// Loading crime and area data, saving local definitions, and building the strategic assessment.
const CRIME_ANALYSIS = ['crime:ingest', 'crime:define', 'assessment:build'] as const

const PERMISSIONS = {
  // plans:update-own opens the deliverable update routes; plans:manage lets the service allow any deliverable.
  admin: [...EVERYONE, ...CRIME_ANALYSIS, 'organisations:manage', 'people:manage', 'users:view', 'users:manage', 'audit:view', 'plans:manage', 'plans:update-own'],
  'partnership-manager': [...EVERYONE, ...CRIME_ANALYSIS, 'organisations:manage', 'people:manage', 'plans:manage', 'plans:update-own'],
  // A lead updates the deliverables they lead; the service checks which ones those are.
  lead: [...EVERYONE, 'plans:update-own'],
  'board-member': [...EVERYONE],
  analyst: [...EVERYONE, ...CRIME_ANALYSIS],
  caseworker: [...EVERYONE],
  viewer: [...EVERYONE],
} as const satisfies Record<Role, readonly string[]>

export type Action = (typeof PERMISSIONS)[Role][number]
/** What a route declares: an action a role must hold, or 'public' for pages anyone may see. */
export type RoutePermission = Action | 'public'

export const ALL_ACTIONS: readonly Action[] = [...new Set(Object.values(PERMISSIONS).flat())] as Action[]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[role] as readonly string[]).includes(action)
}
