import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'
import type { Who } from './policy.ts'

// The risk panels' demo (issue 13): invented people only, with names no one has and addresses on
// no real street, on a MARAC and a multi-agency knife crime panel, with cases at every stage and
// one repeat. Loaded through the services, so everything is sealed as real data would be.
//
// Who sees what, signing in with the demo's accounts: Helen Lyons (lead@) chairs the MARAC; Casey
// Worker (caseworker@) sits on it and chairs the knife crime panel, so Helen is signposted to that
// panel's cases and Casey reads both; Caroline Thwaites (manager@) and Alex Admin (admin@) sit on
// neither and read no case, however they search.

type DemoServices = Pick<Services, 'cases' | 'users' | 'partners'>

const VICTIM_ONE = {
  forename: 'Ada',
  surname: 'Examplewoman',
  dateOfBirth: '1991-05-14',
  gender: 'female',
  ethnicity: 'Any other White background',
  aliases: [{ forename: 'Addy', surname: 'Samplename' }],
  addresses: [{ address: '12 Imaginary Row, Nowhereton' }],
}
const PERPETRATOR_ONE = {
  forename: 'Bram',
  surname: 'Specimen',
  dateOfBirth: '1988-09-30',
  gender: 'male',
  addresses: [{ address: '12 Imaginary Row, Nowhereton' }],
}

export async function loadCasesDemo({ cases, users, partners }: DemoServices, actor: Actor) {
  const system: Who = { actor, user: null }
  const orgs = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const userId = async (email: string) => (await users.findByEmail(email))?.id
  const helen = await userId('lead@safer.example')
  const casey = await userId('caseworker@safer.example')
  if (!helen || !casey) return { panels: 0 }
  const organisationIds = ['MPS', 'LBS', 'YOS', 'NPS', 'CS'].flatMap((s) => orgs.get(s) ?? [])

  const marac = await cases.createPanel(system, {
    name: 'Demo MARAC',
    type: 'marac',
    termsOfReference:
      'Monthly multi-agency risk assessment conference for victims of domestic abuse at high risk of serious harm, so that every victim has a safety plan and is fully supported.',
    chairUserId: helen,
    cadence: 'monthly',
    memberUserIds: [casey],
    organisationIds,
    isaParties: ['Demo Borough Council', 'Demo Police', 'Demo Probation Service'],
    isaLegalBasis: 'gdpr-6e-9g-para18',
    isaReviewDate: '2027-04-01',
  })
  const knife = await cases.createPanel(system, {
    name: 'Demo knife crime panel',
    type: 'knife-crime',
    termsOfReference:
      'Monthly multi-agency panel sharing risk management for young people carrying or at risk from knives: enforcement, prevention and diversion.',
    chairUserId: casey,
    cadence: 'monthly',
    organisationIds,
    isaParties: ['Demo Borough Council', 'Demo Police', 'Demo Youth Offending Service'],
    isaLegalBasis: 'cda-s115',
    isaReviewDate: '2026-09-30',
  })

  const refer = (input: Record<string, unknown>) =>
    cases.submitReferral(system, { referringUserId: casey, consent: 'given', ...input })
  const move = async (id: number, steps: Array<[status: string, on: string, reason?: string]>) => {
    for (const [status, on, reason] of steps) await cases.moveCase(system, id, { status, on, reason })
  }

  // Closed long ago: past the MARAC's six years, so it waits on the retention list.
  const old = await refer({
    panelId: marac,
    referringUserId: helen,
    referredOn: '2018-11-05',
    reasons: 'Demo: harassment after separation; repeated calls and messages.',
    risk: 'Demo: threats to the victim made by message; no weapons known.',
    subjects: [
      { role: 'victim', forename: 'Olive', surname: 'Pastcase', dateOfBirth: '1970-02-01', gender: 'female' },
    ],
  })
  await move(old, [
    ['accepted', '2018-11-07'],
    ['heard', '2018-12-04'],
    ['closed', '2019-01-15'],
  ])

  const first = await refer({
    panelId: marac,
    referredOn: '2025-06-02',
    reasons: 'Demo: victim assaulted at home; Dash completed by the police with 16 yes.',
    risk: 'Demo: strangulation reported, escalating jealousy, separation planned.',
    consent: 'refused',
    shareWithoutConsentReason: 'Demo: serious risk of harm to the victim and a child in the household.',
    shareWithoutConsentBasis: 'gdpr-6e-9g-para18',
    subjects: [
      { role: 'victim', ...VICTIM_ONE },
      { role: 'perpetrator', ...PERPETRATOR_ONE },
    ],
  })
  await move(first, [
    ['accepted', '2025-06-03'],
    ['heard', '2025-06-11'],
    ['closed', '2025-09-01'],
  ])

  // The repeat: the same victim referred again within twelve months of her last MARAC referral.
  const again = {
    panelId: marac,
    referringUserId: casey,
    consent: 'given',
    referredOn: '2026-01-12',
    reasons: 'Demo: new incident; the perpetrator came to the victim’s new address.',
    risk: 'Demo: breach of a non-molestation order; threats to kill.',
    subjects: [
      { role: 'victim', ...VICTIM_ONE },
      { role: 'perpetrator', ...PERPETRATOR_ONE },
    ],
  }
  const matches = await cases.checkReferral(system, again)
  const repeat = await refer({
    ...again,
    subjects: again.subjects.map((s, i) => ({
      ...s,
      matches: Object.fromEntries(
        (matches[i]?.candidates ?? []).map((c, n) => [String(c.subjectId), n === 0 ? 'same' : 'different']),
      ),
    })),
  })
  await move(repeat, [
    ['accepted', '2026-01-13'],
    ['heard', '2026-02-04'],
  ])

  const declined = await refer({
    panelId: marac,
    referredOn: '2026-02-16',
    reasons: 'Demo: verbal argument reported by a neighbour.',
    risk: 'Demo: Dash 4 yes; no escalation known.',
    subjects: [
      { role: 'victim', forename: 'Etta', surname: 'Fakename', dateOfBirth: '1984-12-24', gender: 'female' },
    ],
  })
  await move(declined, [
    ['declined', '2026-02-18', 'Below the MARAC threshold: referred to the local domestic abuse service.'],
  ])

  await refer({
    panelId: marac,
    referredOn: '2026-03-02',
    reasons: 'Demo: victim disclosed coercive control to her GP.',
    risk: 'Demo: Dash 14 yes; isolation from family, control of money.',
    subjects: [
      { role: 'victim', forename: 'Cleo', surname: 'Inventa', dateOfBirth: '1995-07-07', gender: 'female' },
      {
        role: 'perpetrator',
        forename: 'Dorian',
        surname: 'Notreal',
        dateOfBirth: '1993-03-19',
        gender: 'male',
      },
      {
        role: 'child-in-household',
        forename: 'Pip',
        surname: 'Inventa',
        dateOfBirth: '2019-10-01',
        gender: 'not-known',
      },
    ],
  })

  const youth = await refer({
    panelId: knife,
    referredOn: '2026-01-20',
    reasons: 'Demo: young person found carrying a knife near a school.',
    risk: 'Demo: linked to older peers; missing from home twice.',
    subjects: [
      {
        role: 'offender',
        forename: 'Fenn',
        surname: 'Unrealson',
        dateOfBirth: '2009-02-02',
        gender: 'male',
        addresses: [{ address: '3 Madeup Mews, Nowhereton' }],
      },
    ],
  })
  await move(youth, [['accepted', '2026-01-22']])
  await refer({
    panelId: knife,
    referredOn: '2026-03-09',
    reasons: 'Demo: victim of a robbery at knifepoint; friends say he now carries one.',
    risk: 'Demo: retaliation feared.',
    subjects: [
      { role: 'victim', forename: 'Gus', surname: 'Pretendson', dateOfBirth: '2008-06-15', gender: 'male' },
    ],
  })
  return { panels: 2 }
}
