// Roles are the partnership's, not any one module's: modules grant their actions to these.

export const ROLES = [
  'admin',
  'partnership-manager',
  'lead',
  'board-member',
  'analyst',
  'caseworker',
  'viewer',
] as const
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

/** Every role: for what everyone signed in may do. */
export const EVERYONE: readonly Role[] = ROLES

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
