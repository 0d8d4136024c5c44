import { type Action, can } from '../modules/auth/permissions.ts'
import type { CurrentUser } from '../modules/auth/current-user.ts'
import { paths } from './paths.ts'

interface NavigationItem {
  text: string
  href: string
  needs: Action
}

// Modules add their entry here as they arrive; each shows only to roles that may use it.
const ITEMS: NavigationItem[] = [
  { text: 'Home', href: paths.home(), needs: 'home:view' },
  { text: 'Plans', href: paths.plans.list(), needs: 'plans:view' },
  { text: 'Crime', href: paths.crime.overview(), needs: 'crime:view' },
  { text: 'Organisations', href: paths.admin.organisations(), needs: 'organisations:view' },
  { text: 'People', href: paths.admin.people(), needs: 'people:view' },
  { text: 'Users', href: paths.admin.users(), needs: 'users:view' },
  { text: 'Audit log', href: paths.admin.audit(), needs: 'audit:view' },
]

/**
 * Items for the GOV.UK service navigation: `current` on the section's own page (announced as
 * aria-current="page"), `active` anywhere inside the section.
 */
export function navigationFor(user: CurrentUser | null, currentPath: string) {
  if (!user) return []
  return ITEMS.filter((item) => can(user.role, item.needs)).map((item) => {
    const current = currentPath === item.href
    const inside = item.href !== '/' && currentPath.startsWith(`${item.href}/`)
    return { text: item.text, href: item.href, current, active: !current && inside }
  })
}
