import { londonToday } from '../../../shared/london-day.ts'
import { addWorkingDays } from '../../../shared/working-days.ts'
import type { Actor } from '../../audit/service.ts'
import type { Services } from '../../module.ts'
import { addCalendarMonths } from '../rules/calendar.ts'

// The demo's youth Risk Management Panel (one young person due to move to adult services), its knife
// crime panel (a case with a risk review) and its Community MARAC (two ASB case reviews on their
// clocks: one awaiting the decision, one met and reviewed), all dated from today. Every person is
// made up; the places are streets that do not exist.

const YOUTH = 'Youth Risk Management Panel'
const KNIFE = 'Multi-agency knife crime panel'
const COMMUNITY = 'Community MARAC'

const daysFrom = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

type DemoServices = Pick<Services, 'cases' | 'users' | 'partners'>

export const youthAsbDemoMissing = async ({ cases }: DemoServices) =>
  !(await cases.listPanels()).some((p) => p.name === YOUTH)

export async function loadYouthAsbDemo({ cases, users, partners }: DemoServices, actor: Actor) {
  if (!(await youthAsbDemoMissing({ cases, users, partners }))) return
  const today = londonToday()
  const system = { actor, user: null }
  const chair = await users.findByEmail('caseworker@safer.example')
  const member = await users.findByEmail('lead@safer.example')
  if (!chair || !member) return
  const organisations = (await partners.listOrganisations()).map((o) => o.id)
  const panel = (name: string, type: string, terms: string) =>
    cases.createPanel(system, {
      name,
      type,
      termsOfReference: terms,
      chairUserId: chair.id,
      cadence: 'monthly',
      memberUserIds: [member.id],
      organisationIds: organisations,
      isaParties: ['Southwark Council', 'Metropolitan Police', 'Youth Offending Service'],
      isaLegalBasis: 'cda-s115',
      isaReviewDate: addCalendarMonths(today, 12),
    })

  const youth = await panel(
    YOUTH,
    'youth-rmp',
    'Shared risk management of young people at risk of serious harm',
  )
  const knife = await panel(KNIFE, 'knife-crime', 'Multi-agency response to young people carrying knives')
  const community = await panel(COMMUNITY, 'community-marac', 'ASB case reviews and complex ASB cases')

  const refer = (panelId: number, subjects: object[], reasons: string) =>
    cases.submitReferral(system, {
      panelId,
      referringUserId: member.id,
      referredOn: daysFrom(today, -45),
      reasons,
      risk: 'Shared at the last panel',
      consent: 'given',
      subjects,
    })
  // Eighteen in three months: inside the default six-month lead.
  const youthCase = await refer(
    youth,
    [
      {
        role: 'offender',
        forename: 'Jayden',
        surname: 'Demoson',
        dateOfBirth: addCalendarMonths(today, 3 - 18 * 12),
        gender: 'male',
      },
    ],
    'Repeatedly missing from home; linked to a county lines group',
  )
  await cases.addRiskReview(system, youthCase, {
    reviewedOn: daysFrom(today, -14),
    riskLevel: 'high',
    riskTo: ['self', 'known-adult'],
    riskFactors: 'Exploited by older peers; missing episodes every weekend',
    protectiveFactors: 'Engages with his youth worker; attends college two days a week',
    options: [
      { kind: 'prevention', option: 'Youth worker twice weekly' },
      { kind: 'diversion', option: 'Boxing club place through the youth anti-violence unit' },
    ],
  })
  const knifeCase = await refer(
    knife,
    [
      {
        role: 'offender',
        forename: 'Tyrese',
        surname: 'Examplefield',
        dateOfBirth: addCalendarMonths(today, -16 * 12),
        gender: 'male',
      },
    ],
    'Found carrying a knife outside school',
  )
  await cases.addRiskReview(system, knifeCase, {
    reviewedOn: daysFrom(today, -7),
    riskLevel: 'medium',
    riskTo: ['public'],
    riskFactors: 'Says he carries for protection after being robbed',
    protectiveFactors: 'Supportive mother; no previous offences',
    options: [
      { kind: 'enforcement', option: 'Knife crime prevention order considered and not pursued' },
      { kind: 'prevention', option: 'Weapons awareness sessions at school' },
    ],
  })

  // One received last week, acknowledged, awaiting the decision.
  const waitingOn = daysFrom(today, -8)
  const waiting = await cases.createApplication(system, community, {
    forename: 'Marjorie',
    surname: 'Placeholder',
    dateOfBirth: '1958-11-02',
    address: '7 Invented Mews, London SE99 1AA',
    receivedOn: waitingOn,
    location: 'Invented Mews, outside numbers 5 to 9',
    complaints: [20, 50, 90].map((back, i) => ({
      reportedOn: daysFrom(waitingOn, -back),
      incidentOn: daysFrom(waitingOn, -back - 2),
      agency: ['Police', 'Council ASB team', 'Housing association'][i] as string,
      hateIncident: false,
    })),
  })
  await cases.recordAsbStep(system, waiting, { step: 'acknowledge', on: daysFrom(waitingOn, 2) })
  // One received six weeks ago: met, reviewed within the clocks, recommendations made.
  const metOn = daysFrom(today, -42)
  const met = await cases.createApplication(system, community, {
    forename: 'Desmond',
    surname: 'Sampleton',
    dateOfBirth: '1971-04-19',
    address: 'Flat 3, 22 Nowhere Road, London SE99 2BB',
    receivedOn: metOn,
    location: '22 Nowhere Road, the stairwell',
    complaints: [15, 40, 70, 100].map((back, i) => ({
      reportedOn: daysFrom(metOn, -back),
      incidentOn: daysFrom(metOn, -back - 1),
      agency: i % 2 ? 'Police' : 'Housing association',
      hateIncident: i === 1,
    })),
  })
  await cases.recordAsbStep(system, met, { step: 'acknowledge', on: addWorkingDays(metOn, 3) })
  await cases.recordAsbStep(system, met, {
    step: 'decide',
    on: addWorkingDays(metOn, 8),
    thresholdMet: 'yes',
    reason: 'Four complaints in six months, each within days of the behaviour, one of them hate-related',
  })
  await cases.recordAsbStep(system, met, {
    step: 'meet',
    on: addWorkingDays(metOn, 18),
    recommendations:
      'Housing association to fit a secure stairwell door; police to patrol on Friday and Saturday evenings; mediation offered to both households',
  })
}
