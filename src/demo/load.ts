import type { Services } from '../deps.ts'
import type { Actor } from '../modules/audit/service.ts'
import type { Role } from '../modules/auth/permissions.ts'
import type { OrganisationType } from '../modules/partners/schema.ts'
import { loadCrimeDemo } from './crime.ts'
import { loadPlansDemo } from './plans.ts'

// A demo-only password, printed at start-up. `safer serve --demo` refuses to run in production.
export const DEMO_PASSWORD = 'safer-demo-password'
const DEMO_ACTOR: Actor = { userId: null, label: 'demo loader', ip: null }

// The partners of seed 003's senior leadership structure (Southwark CSP Knife Crime and Serious Violence Plan 2018/20).
const ORGANISATIONS: Array<{ name: string; shortName: string; type: OrganisationType }> = [
  { name: 'Southwark Council', shortName: 'LBS', type: 'council' },
  { name: 'Metropolitan Police Service', shortName: 'MPS', type: 'police' },
  { name: 'National Probation Service', shortName: 'NPS', type: 'probation' },
  { name: 'London Community Rehabilitation Company', shortName: 'London CRC', type: 'probation' },
  { name: 'Southwark Clinical Commissioning Group', shortName: 'CCG', type: 'health' },
  { name: 'London Fire Brigade', shortName: 'LFB', type: 'fire' },
  { name: 'Southwark Youth Offending Service', shortName: 'YOS', type: 'youth justice' },
  { name: 'Community Southwark', shortName: 'CS', type: 'voluntary' },
]

const PEOPLE: Array<[name: string, organisation: string, jobTitle: string]> = [
  ['David Quirke-Thornton', 'LBS', "Strategic Director of Children's and Adults Services"],
  ['Kate Moriarty-Baker', 'CCG', "Interim Chair Adults' Safeguarding Board"],
  ['Eleanor Kelly', 'LBS', 'Chief Executive'],
  ['Simon Messinger', 'MPS', 'BCU Commander'],
  ['Kevin Fenton', 'LBS', 'Director of Health and Wellbeing'],
  ['Stephen Douglass', 'LBS', 'Director of Communities'],
  ['Neil Chisolm', 'LFB', 'Borough Commander London Fire Brigade'],
  ['Becky Canning', 'NPS', 'ACO National Probation Service'],
  ['Matthew Edom', 'London CRC', 'CRC Borough lead officer'],
  ['Michael Scorer', 'LBS', 'Strategic Director of Housing & Modernisation'],
  ['Caroline Thwaites', 'LBS', 'Assistant Director Community Safety & Partnerships'],
  ['Ian Howells', 'MPS', 'Superintendent'],
  ['Helen Lyons', 'MPS', 'Detective Superintendent'],
]

// Users who are people the plans name are linked to them: that link, not their name, makes them a lead.
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

/** Loads the demo partnership through the services, exactly as a user would enter it. */
export async function loadDemo(services: Services): Promise<DemoLogin[]> {
  const orgIds = new Map<string, number>()
  for (const org of ORGANISATIONS) orgIds.set(org.shortName, await services.partners.createOrganisation(DEMO_ACTOR, org))
  const personIds = new Map<string, number>()
  for (const [name, org, jobTitle] of PEOPLE) {
    personIds.set(name, await services.partners.createPerson(DEMO_ACTOR, { name, jobTitle, organisationId: orgIds.get(org) }))
  }
  for (const [email, name, org, role, person] of USERS) {
    const personId = person ? personIds.get(person) : undefined
    await services.users.create(DEMO_ACTOR, { email, name, organisationId: orgIds.get(org), role, personId, password: DEMO_PASSWORD })
  }
  await loadPlansDemo(services, DEMO_ACTOR)
  await loadCrimeDemo(services, DEMO_ACTOR)
  return demoLogins()
}

export function demoLogins(): DemoLogin[] {
  return USERS.map(([email, , , role]) => ({ email, role }))
}
