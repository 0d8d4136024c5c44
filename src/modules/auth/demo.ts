import type { Role } from '../../access/roles.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'

// A demo-only password, printed at start-up. `safer serve --demo` refuses to run in production.
export const DEMO_PASSWORD = 'safer-demo-password'

// One user for each role, in the demo's partner organisations (by short name).
const USERS: Array<[email: string, name: string, organisation: string, role: Role]> = [
  ['admin@safer.example', 'Alex Admin', 'LBS', 'admin'],
  ['manager@safer.example', 'Caroline Thwaites', 'LBS', 'partnership-manager'],
  ['lead@safer.example', 'Helen Lyons', 'MPS', 'lead'],
  ['board@safer.example', 'Stephen Douglass', 'LBS', 'board-member'],
  ['analyst@safer.example', 'Ana Lyst', 'LBS', 'analyst'],
  ['caseworker@safer.example', 'Casey Worker', 'YOS', 'caseworker'],
  ['viewer@safer.example', 'Vic Viewer', 'CS', 'viewer'],
]

export interface DemoLogin {
  email: string
  role: Role
}

/** The demo's users, one for each role: loaded after the partners' organisations they belong to. */
export async function loadUsersDemo({ partners, users }: Pick<Services, 'partners' | 'users'>, actor: Actor) {
  const orgIds = new Map((await partners.listOrganisations()).map((o) => [o.short_name, o.id]))
  for (const [email, name, org, role] of USERS) {
    await users.create(actor, { email, name, organisationId: orgIds.get(org), role, password: DEMO_PASSWORD })
  }
}

export function demoLogins(): DemoLogin[] {
  return USERS.map(([email, , , role]) => ({ email, role }))
}
