import type { Executor } from '../../src/db/database.ts'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import type { CasesFixture } from './cases.ts'

// A cohort report counted straight from the tables, written apart from the rules, for tests to
// compare with what the service computes; and a five-person IOM panel for suppression at 4 and 5.

interface Counted {
  n: number
  d: number
}

export interface DirectCount {
  members: number
  ete: Counted
  treatment: Counted
  notReoffending6m: Counted
  provenReoffending12m: Counted & { offences: number }
}

export async function directCount(
  db: Executor,
  panelId: number,
  cohort: 'all' | 'fixed' | 'flex' | 'free',
  from: string,
  to: string,
): Promise<DirectCount> {
  const rows = await db
    .selectFrom('iom_cohort_memberships')
    .select(['subject_id', 'cohort', 'selected_on', 'deselected_on'])
    .where('panel_id', '=', panelId)
    .execute()
  const events = await db
    .selectFrom('case_outcome_events')
    .select(['subject_id', 'kind', 'occurred_on', 'proven_on'])
    .where('panel_id', '=', panelId)
    .where('occurred_on', '<=', to)
    .execute()
  // Each person by their latest acceptance among the memberships that touch the period.
  const people = new Map<number, { accepted: string; left: string | null }>()
  for (const r of rows) {
    if (cohort !== 'all' && r.cohort !== cohort) continue
    if (r.selected_on > to || (r.deselected_on !== null && r.deselected_on < from)) continue
    const held = people.get(r.subject_id)
    if (!held || r.selected_on > held.accepted)
      people.set(r.subject_id, { accepted: r.selected_on, left: r.deselected_on })
  }
  const known = events.filter((e) => e.proven_on === null || e.proven_on <= to)
  const count = {
    members: people.size,
    ete: 0,
    treatment: 0,
    six: { n: 0, d: 0 },
    twelve: { n: 0, d: 0, offences: 0 },
  }
  for (const [id, p] of people) {
    const own = known.filter((e) => e.subject_id === id)
    const end = p.left !== null && p.left < to ? p.left : to
    const between = (kinds: string[]) =>
      own.some((e) => kinds.includes(e.kind) && e.occurred_on >= p.accepted && e.occurred_on <= end)
    if (between(['ete-started', 'ete-sustained'])) count.ete++
    if (between(['treatment-started'])) count.treatment++
    const sixOn = addCalendarMonths(p.accepted, 6)
    if (sixOn <= to) {
      count.six.d++
      const reoffended = own.some(
        (e) => e.kind === 'proven-reoffence' && e.occurred_on > p.accepted && e.occurred_on <= sixOn,
      )
      if (!reoffended) count.six.n++
    }
    const waited = addCalendarMonths(p.accepted, 18)
    if (waited <= to) {
      count.twelve.d++
      const year = addCalendarMonths(p.accepted, 12)
      const proven = own.filter(
        (e) =>
          e.kind === 'proven-reoffence' &&
          e.occurred_on > p.accepted &&
          e.occurred_on <= year &&
          (e.proven_on === null || e.proven_on <= waited),
      ).length
      if (proven) count.twelve.n++
      count.twelve.offences += proven
    }
  }
  return {
    members: count.members,
    ete: { n: count.ete, d: count.members },
    treatment: { n: count.treatment, d: count.members },
    notReoffending6m: count.six,
    provenReoffending12m: count.twelve,
  }
}

/**
 * An IOM panel of five people on the Free cohort, accepted seven months before the fixture's day:
 * four engaged in ETE (a count of 4: "<5" outside the panel), all five starting treatment (a count
 * of 5, shown), none reoffending.
 */
export async function fiveOnACohort(f: CasesFixture, name = 'Small IOM') {
  const cases = f.t.deps.services.cases
  const today = f.clock.at.toISOString().slice(0, 10)
  const accepted = addCalendarMonths(today, -7)
  const panel = await cases.createPanel(f.who('admin'), {
    name,
    type: 'iom',
    termsOfReference: 'A small cohort',
    chairUserId: f.ids.chair,
    cadence: 'monthly',
    memberUserIds: [f.ids.member],
    organisationIds: [f.t.organisationId],
    isaParties: ['Test Council'],
    isaLegalBasis: 'gdpr-6e-9g-para10',
    isaReviewDate: '2027-01-31',
  })
  const caseId = await cases.submitReferral(f.who('member'), {
    panelId: panel,
    reasons: 'Five referred together',
    risk: 'Reoffending',
    consent: 'given',
    referredOn: addCalendarMonths(today, -8),
    subjects: ['One', 'Two', 'Three', 'Four', 'Five'].map((n, i) => ({
      role: 'offender',
      forename: `Cohort${n}`,
      surname: 'Smallton',
      dateOfBirth: `199${i}-01-01`,
      gender: 'male',
    })),
  })
  const member = f.who('member')
  const people = await cases.caseSubjects(caseId)
  for (const [i, subject] of people.entries()) {
    await cases.selectIntoCohort(member, panel, subject, {
      cohort: 'free',
      selectedOn: accepted,
      selectionReason: 'Local discretion',
    })
    const event = (kind: string) =>
      cases.recordOutcomeEvent(member, subject, {
        kind,
        panelId: String(panel),
        date: addCalendarMonths(accepted, 1),
      })
    await event('treatment-started')
    if (i < 4) await event('ete-started')
  }
  return { panel, people, from: addCalendarMonths(today, -12), to: today }
}
