import type { CurrentUser } from '../access/current-user.ts'
import { type Action, can } from '../access/permissions.ts'
import { MODULES } from '../modules/index.ts'
import type { Link, SaferModule } from '../modules/module.ts'

/** Every module's navigation entries, in their declared order; each shows only to roles that may use it. */
export function navigationItems(modules: readonly SaferModule[]): Link[] {
  return modules.flatMap((m) => m.navigation ?? []).sort((a, b) => a.order - b.order)
}

// Gathered on first use: the module list is only complete once every module file has been read.
let items: Link[] | undefined

/**
 * Items for the GOV.UK service navigation: `current` on the section's own page (announced as
 * aria-current="page"), `active` anywhere inside the section.
 */
export function navigationFor(user: CurrentUser | null, currentPath: string, links?: readonly Link[]) {
  if (!user) return []
  items ??= navigationItems(MODULES)
  return (links ?? items)
    .filter((item) => can(user.role, item.needs as Action))
    .map((item) => {
      const current = currentPath === item.href
      const inside = item.href !== '/' && currentPath.startsWith(`${item.href}/`)
      return { text: item.text, href: item.href, current, active: !current && inside }
    })
}
