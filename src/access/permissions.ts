import { MODULES } from '../modules/index.ts'
import type { SaferModule } from '../modules/module.ts'
import { ROLES, type Role } from './roles.ts'

// Who may do what, gathered from each module's grants. Every route names one of these actions
// (or 'public'); the permission-matrix test calls every route as every role.

type ActionsOf<M> = M extends SaferModule<infer P> ? keyof P & string : never
export type Action = ActionsOf<(typeof MODULES)[number]>
/** What a route declares: an action a role must hold, or 'public' for pages anyone may see. */
export type RoutePermission = Action | 'public'

export interface PermissionTable {
  actions: readonly string[]
  byRole: ReadonlyMap<Role, ReadonlySet<string>>
}

/** The table for a list of modules. An action granted by two modules is a mistake, refused here. */
export function permissionTable(modules: readonly SaferModule[]): PermissionTable {
  const actions: string[] = []
  const byRole = new Map<Role, Set<string>>(ROLES.map((role) => [role, new Set<string>()]))
  for (const module of modules) {
    for (const [action, roles] of Object.entries(module.permissions)) {
      if (actions.includes(action)) throw new Error(`The action ${action} is granted by two modules`)
      actions.push(action)
      for (const role of roles) byRole.get(role)?.add(action)
    }
  }
  return { actions, byRole }
}

// Built on first use, not at load: the modules themselves import `can`, so the list is only
// complete once every module file has been read.
let table: PermissionTable | undefined
const current = () => {
  table ??= permissionTable(MODULES)
  return table
}

export function can(role: Role, action: Action): boolean {
  return current().byRole.get(role)?.has(action) ?? false
}

/** Every action some module declares. */
export function allActions(): readonly Action[] {
  return current().actions as Action[]
}
