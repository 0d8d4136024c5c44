import type { Role } from '../../access/roles.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'

// A demo-only password, printed at start-up. `safer serve --demo` refuses to run in production.
export const DEMO_PASSWORD = 'safer-demo-password'

// One user for each role, in the demo's partner organisations (by short name). Users who are people
// the plans name are linked to them: that link, not their name, makes them a lead.
const USERS: Array<[email: string, name: string, organisation: string, role: Role, person?: string]> = [
  ['admin@safer.example', 'Alex Admin', 'LBS', 'admin'],
  ['manager@safer.example', 'Caroline Thwaites', 'LBS', 'partnership-manager', 'Caroline Thwaites'],
  ['lead@safer.example', 'Helen Lyons', 'MPS', 'lead', 'Helen Lyons'],
  ['board@safer.example', 'Stephen Douglass', 'LBS', 'board-member', 'Stephen Douglass'],
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
  const orgIds = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const personIds = new Map((await partners.listPeople()).map((p) => [p.name, p.id]))
  for (const [email, name, org, role, person] of USERS) {
    const personId = person ? personIds.get(person) : undefined
    await users.create(actor, {
      email,
      name,
      organisationId: orgIds.get(org),
      role,
      personId,
      password: DEMO_PASSWORD,
    })
  }
}

export function demoLogins(): DemoLogin[] {
  return USERS.map(([email, , , role]) => ({ email, role }))
}
