import { londonToday } from '../../../shared/london-day.ts'
import type { Actor } from '../../audit/service.ts'
import type { Services } from '../../module.ts'
import { addCalendarMonths } from '../rules/calendar.ts'

// A small IOM panel for `safer serve --demo`: five obviously invented people referred to it, with a
// year of offences between them, so the candidates, the cohort board and a person's page show
// something. One is on the Fixed cohort with pathways, one was rejected. The full cohort of about
// thirty with a year of events is to come. Dated from today so the scores stay alive.

export const IOM_DEMO_PANEL = 'Integrated Offender Management'

type Offence = [monthsAgo: number, group: string, code?: string]
const PEOPLE: Array<{ forename: string; surname: string; dateOfBirth: string; offences: Offence[] }> = [
  {
    forename: 'Fakey',
    surname: 'McInvented',
    dateOfBirth: '1994-02-11',
    offences: [
      [1, 'burglary', '28/1'],
      [4, 'burglary'],
      [7, 'vehicle-crime'],
      [10, 'theft-from-the-person'],
    ],
  },
  {
    forename: 'Notta',
    surname: 'Realperson',
    dateOfBirth: '1989-07-23',
    offences: [
      [2, 'robbery', '34/1'],
      [9, 'violence'],
    ],
  },
  {
    forename: 'Sample',
    surname: 'Madeupski',
    dateOfBirth: '2001-11-02',
    offences: [
      [5, 'drugs'],
      [11, 'other'],
    ],
  },
  {
    forename: 'Imaginary',
    surname: 'Offenderson',
    dateOfBirth: '1997-05-30',
    offences: [
      [3, 'violence'],
      [6, 'violence'],
      [8, 'burglary'],
    ],
  },
  { forename: 'Pretend', surname: 'Nobodyton', dateOfBirth: '1985-09-14', offences: [[14, 'other']] },
]

export async function loadIomDemo({ cases, users }: Pick<Services, 'cases' | 'users'>, actor: Actor) {
  const email = async (e: string) => (await users.findByEmail(e))?.id
  const chair = await email('lead@safer.example')
  const members = [await email('caseworker@safer.example'), await email('manager@safer.example')]
  if (!chair) return
  const system = { actor, user: null }
  const panelId = await cases.createPanel(system, {
    name: IOM_DEMO_PANEL,
    type: 'iom',
    termsOfReference:
      'Selects and manages the partnership’s IOM cohort (Fixed, Flex and Free) from police, probation and council referrals.',
    chairUserId: chair,
    cadence: 'monthly',
    memberUserIds: members.filter((id) => id !== undefined),
    isaParties: ['Metropolitan Police', 'Probation Service', 'Southwark Council'],
    isaLegalBasis: 'gdpr-6e-9g-para10',
    isaReviewDate: addCalendarMonths(londonToday(), 10),
  })
  const today = londonToday()
  const ago = (months: number) => addCalendarMonths(today, -months)
  const ids: number[] = []
  for (const p of PEOPLE) {
    const caseId = await cases.submitReferral(system, {
      panelId,
      referringUserId: chair,
      reasons: 'Repeat acquisitive offending; referred for IOM selection',
      risk: 'Offending is frequent and recent',
      consent: 'not-sought',
      shareWithoutConsentReason: 'Preventing and detecting crime: IOM selection',
      shareWithoutConsentBasis: 'gdpr-6e-9g-para10',
      referredOn: ago(1),
      subjects: [
        {
          role: 'offender',
          forename: p.forename,
          surname: p.surname,
          dateOfBirth: p.dateOfBirth,
          gender: 'not-known',
        },
      ],
    })
    const subjectId = (await cases.caseSubjects(caseId))[0] as number
    ids.push(subjectId)
    for (const [months, group, code] of p.offences)
      await cases.recordOffence(system, panelId, subjectId, {
        date: ago(months),
        group,
        homeOfficeCode: code ?? '',
        sourceNote: 'Police National Computer print (demo)',
      })
  }
  const [fixed, , , , rejected] = ids as [number, number, number, number, number]
  await cases.decideCandidate(system, panelId, fixed, {
    decision: 'accepted',
    on: ago(1),
    reason: 'Highest score: four neighbourhood crime offences in the year',
  })
  await cases.selectIntoCohort(system, panelId, fixed, {
    cohort: 'fixed',
    selectedOn: ago(1),
    selectionReason: 'Burglary and vehicle crime in the last year; agreed at the monthly panel',
  })
  for (const [pathway, need, progress] of [
    ['accommodation', 'high', 'in-progress'],
    ['substance-misuse', 'medium', 'not-started'],
    ['education-training-employment', 'low', 'achieved'],
  ] as const)
    await cases.savePathway(system, panelId, fixed, {
      pathway,
      need,
      progress,
      reviewedOn: today,
      note: 'Reviewed with the keyworker (demo)',
    })
  await cases.decideCandidate(system, panelId, rejected, {
    decision: 'rejected',
    on: today,
    reason: 'One minor offence more than a year ago: no current risk (demo)',
  })
}

export const iomDemoMissing = async ({ cases }: Pick<Services, 'cases' | 'users'>) =>
  !(await cases.listPanels()).some((p) => p.name === IOM_DEMO_PANEL)
