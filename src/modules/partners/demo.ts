import type { OrganisationType } from '../../shared/organisation-types.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'

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

/** The demo's partnership, its partner organisations and the people of its plan's leadership. */
export async function loadPartnersDemo({ partners }: Pick<Services, 'partners'>, actor: Actor) {
  await partners.savePartnership(actor, {
    name: 'Safer Southwark Partnership',
    areaCode: 'E09000028',
    areaName: 'Southwark',
  })
  const orgIds = new Map<string, number>()
  for (const org of ORGANISATIONS) orgIds.set(org.shortName, await partners.createOrganisation(actor, org))
  for (const [name, org, jobTitle] of PEOPLE) {
    await partners.createPerson(actor, { name, jobTitle, organisationId: orgIds.get(org) })
  }
}
