import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import type { CasesFixture } from './cases.ts'

// An IOM panel on the cases fixture: chaired by the fixture's chair with its member, four people
// referred to it as offenders (and a victim, who is never a candidate), with offences dated back from
// the fixture's clock so that their scores differ in recency, frequency and gravity.

export interface IomFixture {
  panel: number
  caseId: number
  /** By first name: Burgla (neighbourhood crime), Vio (violence only), Drugsy (drugs), Quiet (none). */
  people: { burgla: number; vio: number; drugsy: number; quiet: number; victim: number }
  today: string
  ago(months: number): string
}

export const IOM_SOURCE_NOTE = 'PNC print seen by DC Example on the landing'

export async function iomFixture(f: CasesFixture): Promise<IomFixture> {
  const cases = f.t.deps.services.cases
  const today = f.clock.at.toISOString().slice(0, 10)
  const ago = (months: number) => addCalendarMonths(today, -months)
  const panel = await cases.createPanel(f.who('admin'), {
    name: 'Test IOM',
    type: 'iom',
    termsOfReference: 'Selects the IOM cohort',
    chairUserId: f.ids.chair,
    cadence: 'monthly',
    memberUserIds: [f.ids.member],
    organisationIds: [f.t.organisationId],
    isaParties: ['Test Council', 'Test Police'],
    isaLegalBasis: 'gdpr-6e-9g-para10',
    isaReviewDate: '2027-01-31',
  })
  const person = (forename: string, surname: string, dateOfBirth: string, role = 'offender') => ({
    role,
    forename,
    surname,
    dateOfBirth,
    gender: 'male',
  })
  const caseId = await cases.submitReferral(f.who('member'), {
    panelId: panel,
    reasons: 'Prolific acquisitive offending',
    risk: 'Reoffending within weeks of release',
    consent: 'given',
    referredOn: ago(1),
    subjects: [
      person('Burgla', 'Inventson', '1990-03-03'),
      person('Vio', 'Fakeworth', '1991-04-04'),
      person('Drugsy', 'Notreal', '1992-05-05', 'perpetrator'),
      person('Quiet', 'Madeupton', '1993-06-06'),
      person('Vicky', 'Harmedly', '1994-07-07', 'victim'),
    ],
  })
  const [burgla, vio, drugsy, quiet, victim] = (await cases.caseSubjects(caseId)) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const member = f.who('member')
  const offence = (subject: number, months: number, group: string, extra: Record<string, string> = {}) =>
    cases.recordOffence(member, panel, subject, { date: ago(months), group, ...extra })
  await offence(burgla, 1, 'burglary', { homeOfficeCode: '28/1', sourceNote: IOM_SOURCE_NOTE })
  await offence(burgla, 5, 'vehicle-crime')
  await offence(burgla, 14, 'burglary')
  await offence(vio, 2, 'violence')
  await offence(vio, 8, 'violence')
  await offence(drugsy, 4, 'drugs')
  return { panel, caseId, people: { burgla, vio, drugsy, quiet, victim }, today, ago }
}
