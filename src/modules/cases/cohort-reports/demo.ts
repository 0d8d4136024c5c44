import { londonToday } from '../../../shared/london-day.ts'
import type { Actor } from '../../audit/service.ts'
import type { Services } from '../../module.ts'
import { IOM_DEMO_PANEL } from '../iom/demo.ts'
import { addCalendarMonths } from '../rules/calendar.ts'
import type { IomCohort } from '../rules/iom-cohorts.ts'

// The demo IOM cohort for its report (ADR 0037): obviously invented people accepted over two years,
// with a year and more of outcome events. Only the facts are written here (who was accepted when,
// what happened when); the shares on the report page are computed from them, and come out near seed
// 002's: about 43% engaged in ETE, 49% starting treatment, 45% not reoffending within 6 months.
// Dated from today, so the report for the year to today always has them.

interface DemoMember {
  monthsAgo: number
  cohort: IomCohort
  /** Months after acceptance of each event. */
  ete?: number
  treatment?: number
  reoffence?: number
  deselectMonthsAgo?: number
}

// Six accepted long enough ago for the 12-month proven reoffending measure, sixteen for the 6-month
// one, and seven recent (with the IOM demo's own Fixed member, thirty in all).
const MEMBERS: DemoMember[] = [
  { monthsAgo: 24, cohort: 'fixed', treatment: 1, reoffence: 3 },
  { monthsAgo: 23, cohort: 'fixed', ete: 1, reoffence: 8 },
  { monthsAgo: 22, cohort: 'flex', treatment: 1, reoffence: 10 },
  { monthsAgo: 21, cohort: 'free', ete: 2, deselectMonthsAgo: 4 },
  { monthsAgo: 20, cohort: 'fixed', ete: 1 },
  { monthsAgo: 19, cohort: 'flex', treatment: 2, deselectMonthsAgo: 2 },
  ...[13, 13, 12, 12, 11, 11, 10, 10, 9, 9, 8, 8, 7, 7, 6, 6].map(
    (monthsAgo, i): DemoMember => ({
      monthsAgo,
      cohort: i % 3 === 0 ? 'flex' : i % 5 === 0 ? 'free' : 'fixed',
      ...(i % 2 === 1 ? { ete: 1 } : { treatment: 1 }),
      ...(i < 11 ? { reoffence: 2 } : {}),
    }),
  ),
  ...[5, 5, 4, 3, 3, 2, 2].map(
    (monthsAgo, i): DemoMember => ({
      monthsAgo,
      cohort: i % 2 ? 'flex' : 'fixed',
      ...(i === 0 || i === 2 ? { ete: 1 } : i === 6 ? {} : { treatment: 1 }),
    }),
  ),
]

const FORENAMES = [
  'Ima',
  'Faux',
  'Mock',
  'Pseudo',
  'Notreally',
  'Dummy',
  'Fictio',
  'Sham',
  'Placeholda',
  'Madeup',
]
const SURNAMES = ['Inventori', 'Storyteller', 'Pretendson']

const SELECTION_GROUP: Record<IomCohort, string> = { fixed: 'burglary', flex: 'violence', free: 'other' }

/** The cohort, its offences and its outcome events on the given IOM panel, dated back from `today`. */
export async function addDemoCohort(
  cases: Services['cases'],
  panelId: number,
  referringUserId: number,
  actor: Actor,
  today: string,
): Promise<number[]> {
  const system = { actor, user: null }
  const ago = (months: number) => addCalendarMonths(today, -months)
  const ids: number[] = []
  for (const [i, m] of MEMBERS.entries()) {
    const accepted = ago(m.monthsAgo)
    const after = (months: number) => addCalendarMonths(accepted, months)
    const caseId = await cases.submitReferral(system, {
      panelId,
      referringUserId,
      reasons: 'Prolific offending; referred for the IOM cohort (demo)',
      risk: 'Reoffending soon after release (demo)',
      consent: 'not-sought',
      shareWithoutConsentReason: 'Preventing and detecting crime: IOM selection',
      shareWithoutConsentBasis: 'gdpr-6e-9g-para10',
      referredOn: ago(m.monthsAgo + 1),
      subjects: [
        {
          role: 'offender',
          forename: FORENAMES[i % FORENAMES.length] as string,
          surname: `${SURNAMES[Math.floor(i / FORENAMES.length)]}`,
          dateOfBirth: `${1980 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
          gender: 'not-known',
        },
      ],
    })
    const subjectId = (await cases.caseSubjects(caseId))[0] as number
    ids.push(subjectId)
    await cases.recordOffence(system, panelId, subjectId, {
      date: ago(m.monthsAgo + 1),
      group: SELECTION_GROUP[m.cohort],
      homeOfficeCode: '',
      sourceNote: 'Police National Computer print (demo)',
    })
    await cases.selectIntoCohort(system, panelId, subjectId, {
      cohort: m.cohort,
      selectedOn: accepted,
      selectionReason: 'Agreed at the monthly panel (demo)',
    })
    const event = (kind: string, on: string, extra: Record<string, string> = {}) =>
      cases.recordOutcomeEvent(system, subjectId, { kind, panelId: String(panelId), date: on, ...extra })
    if (m.ete !== undefined) {
      await event('ete-started', after(m.ete))
      if (after(m.ete + 3) <= today) await event('ete-sustained', after(m.ete + 3))
    }
    if (m.treatment !== undefined) await event('treatment-started', after(m.treatment))
    if (m.reoffence !== undefined) {
      const on = after(m.reoffence)
      const proven = addCalendarMonths(on, 1)
      await event('proven-reoffence', on, {
        offenceGroup: 'burglary',
        ...(proven <= today ? { provenOn: proven } : {}),
      })
    }
    if (i % 4 === 1 && m.monthsAgo > 3) await event('accommodation-secured', after(2))
    if (m.deselectMonthsAgo !== undefined)
      await cases.deselectFromCohort(system, panelId, subjectId, {
        deselectedOn: ago(m.deselectMonthsAgo),
        deselectionReason: m.deselectMonthsAgo > 3 ? 'risk-reduced' : 'moved-away',
        deselectionNote: 'Agreed at the monthly panel (demo)',
        version: 1,
      })
  }
  return ids
}

/** The cohort on the demo IOM panel, after the IOM demo has made it. */
export async function loadCohortReportsDemo(
  { cases, users }: Pick<Services, 'cases' | 'users'>,
  actor: Actor,
): Promise<void> {
  const panel = (await cases.listPanels()).find((p) => p.name === IOM_DEMO_PANEL && p.type === 'iom')
  const chair = (await users.findByEmail('lead@safer.example'))?.id
  if (!panel || chair === undefined) return
  await addDemoCohort(cases, panel.id, chair, actor, londonToday())
}
