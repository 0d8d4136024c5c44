import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemReader } from '../../src/modules/cases/rights/system-read.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { casesUnderNewKey, expectNoPlaintext } from '../helpers/case-data-at-rest.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { docxText } from '../helpers/docx.ts'
import { Browser } from '../helpers/session.ts'

// The youth Risk Management Panel's shared risk and transitions, and the Community MARAC's ASB case
// review, on the real databases: the flag a set lead before the 18th birthday, the clocks on the
// fixture's London day (1 June 2026) over the late May bank holiday, the repeat flags by blind index,
// the outcome letter, need to know on every read and change, and nothing sealed in the clear.

const SECRETS = {
  risk: 'Carries a blade to school most days',
  protective: 'Close to his grandmother in Peckham',
  option: 'Referral to the youth anti-violence unit',
  location: 'Outside 14 Quayside Walk, SE99 9ZZ',
  reason: 'Only two complaints reached an agency in time',
}
const YOUNG = { forename: 'Cato', surname: 'Imaginary', dateOfBirth: '2008-09-15', gender: 'male' }
const YOUNGER = { forename: 'Dex', surname: 'Notreal', dateOfBirth: '2010-01-01', gender: 'male' }
const PARENT = { forename: 'Edna', surname: 'Imaginary', dateOfBirth: '1975-03-03', gender: 'female' }
const APPLICANT = {
  forename: 'Fern',
  surname: 'Fabricated',
  dateOfBirth: '1961-07-07',
  address: '14 Quayside Walk, Imaginary Town, SE99 9ZZ',
}

describe.each(DIALECTS)('youth risk, transitions and the ASB case review on %s', (dialect) => {
  let f: CasesFixture
  let member: Browser
  let chair: Browser
  let outsider: Browser
  let youthPanel: number
  let youthCase: number
  let youngId: number
  let community: number
  const cases = () => f.t.deps.services.cases

  beforeAll(async () => {
    f = await casesFixture(dialect)
    const panel = (name: string, type: string) =>
      cases().createPanel(f.who('admin'), {
        name,
        type,
        termsOfReference: `${name} terms`,
        chairUserId: f.ids.chair,
        cadence: 'monthly',
        memberUserIds: [f.ids.member],
        organisationIds: [f.t.organisationId],
        isaParties: ['Test Council'],
        isaLegalBasis: 'cda-s115',
        isaReviewDate: '2027-01-31',
      })
    youthPanel = await panel('Test Youth RMP', 'youth-rmp')
    community = await panel('Test Community MARAC', 'community-marac')
    youthCase = await cases().submitReferral(f.who('member'), {
      panelId: youthPanel,
      reasons: 'Found with a knife near the school',
      risk: 'Associates with an older group',
      consent: 'given',
      referredOn: '2026-05-01',
      subjects: [
        { role: 'offender', ...YOUNG },
        { role: 'child-in-household', ...YOUNGER },
        { role: 'family-member', ...PARENT },
      ],
    })
    youngId = (await cases().caseSubjects(youthCase))[0] as number
    member = new Browser(f.t.app)
    await member.signIn('lead@test.example')
    chair = new Browser(f.t.app)
    await chair.signIn('caseworker@test.example')
    outsider = new Browser(f.t.app)
    await outsider.signIn('outsider@test.example')
  })
  afterAll(() => f.t.close())

  it('records a risk review with its options, sealed, and shows the history to members', async () => {
    await member.get(`/cases/${youthCase}/risk`)
    const refused = await member.post(`/cases/${youthCase}/risk`, {
      reviewedOn: '2026-05-20',
      riskLevel: 'extreme',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Select the shared risk level')
    const made = await member.post(`/cases/${youthCase}/risk`, {
      reviewedOn: '2026-05-20',
      riskLevel: 'high',
      riskTo: 'public',
      riskFactors: SECRETS.risk,
      protectiveFactors: SECRETS.protective,
      'options.0.kind': 'diversion',
      'options.0.option': SECRETS.option,
      'options.1.kind': 'enforcement',
      'options.1.option': '',
    })
    expect(made.statusCode).toBe(303)
    // An option may name a service from the interventions directory, and only one that is there.
    const service = await cases().createIntervention(f.who('admin'), {
      name: 'Knife Crime Prevention Orders Team (test)',
      providerOrganisationId: f.t.organisationId,
      kind: 'enforcement',
      description: 'Applies for knife crime prevention orders.',
      eligibility: 'Aged 12 and over.',
      referralRoute: 'Through the panel.',
      places: null,
      contact: 'kcpo@test.example',
      panelIds: [youthPanel],
    })
    const unknownService = {
      reviewedOn: '2026-05-27',
      riskLevel: 'high',
      riskTo: ['public'],
      riskFactors: 'Threats made online',
      protectiveFactors: 'Attends boxing club',
      options: [{ kind: 'enforcement', option: 'An order', interventionServiceId: service + 1000 }],
    }
    await expect(cases().addRiskReview(f.who('member'), youthCase, unknownService)).rejects.toThrow(
      'Select a service from the interventions directory',
    )
    await cases().addRiskReview(f.who('member'), youthCase, {
      reviewedOn: '2026-05-28',
      riskLevel: 'very-high',
      riskTo: ['public', 'self'],
      riskFactors: 'Threats made online',
      protectiveFactors: 'Attends boxing club',
      options: [
        {
          kind: 'enforcement',
          option: 'Knife crime prevention order applied for',
          interventionServiceId: service,
        },
      ],
    })
    const record = await cases().riskRecord(f.who('member'), youthCase)
    expect(record.current?.riskLevel).toBe('very-high')
    expect(record.reviews.map((r) => r.reviewedOn)).toEqual(['2026-05-28', '2026-05-20'])
    expect(record.reviews[1]?.options).toEqual([
      { kind: 'diversion', kindLabel: 'Diversion', option: SECRETS.option, interventionServiceId: null },
    ])
    expect(record.reviews[0]?.options[0]?.interventionServiceId).toBe(service)
    const page = await member.get(`/cases/${youthCase}/risk`)
    expect(page.body).toContain(SECRETS.risk)
    expect(page.body).toContain('Very high')
    // The page names the directory's service beside the option, and offers the panel's services.
    expect(page.body).toContain(
      'Knife crime prevention order applied for (Knife Crime Prevention Orders Team (test))',
    )
    expect(page.body).toContain(
      `<option value="${service}">Knife Crime Prevention Orders Team (test)</option>`,
    )
  })

  it('flags the young person a set lead before 18, on the board and the chair’s home, until moved on', async () => {
    const board = await cases().youthBoard(f.who('member'), youthPanel)
    // Cato turns 18 on 15 September 2026, flagged from 15 March; Dex not till 2028; Edna was an adult.
    expect(board.transitionsDue.map((p) => [p.name, p.eighteenthBirthday, p.state])).toEqual([
      ['Cato Imaginary', '2026-09-15', 'transition-due'],
    ])
    expect(board.cases).toEqual([
      expect.objectContaining({
        id: youthCase,
        names: ['Cato Imaginary', 'Dex Notreal'],
        riskLevel: 'very-high',
      }),
    ])
    const home = await chair.get('/')
    expect(home.body).toContain('1 young person on Test Youth RMP is due to move to adult services')
    expect((await member.get('/')).body).not.toContain('due to move to adult services')
    // Only the chair sets the lead; two years brings Dex in.
    await member.get(`/cases/panels/${youthPanel}/youth`)
    expect(
      (await member.post(`/cases/panels/${youthPanel}/youth/settings`, { transitionLeadMonths: '24' }))
        .statusCode,
    ).toBe(400)
    await chair.get(`/cases/panels/${youthPanel}/youth`)
    expect(
      (await chair.post(`/cases/panels/${youthPanel}/youth/settings`, { transitionLeadMonths: '25' }))
        .statusCode,
    ).toBe(400)
    expect(
      (await chair.post(`/cases/panels/${youthPanel}/youth/settings`, { transitionLeadMonths: '24' }))
        .statusCode,
    ).toBe(303)
    expect((await cases().youthBoard(f.who('chair'), youthPanel)).transitionsDue.map((p) => p.name)).toEqual([
      'Cato Imaginary',
      'Dex Notreal',
    ])
    await chair.post(`/cases/panels/${youthPanel}/youth/settings`, { transitionLeadMonths: '6' })
    // A transition needs somewhere to go; a youth panel is not one.
    await member.get(`/cases/${youthCase}/risk`)
    const nowhere = await member.post(`/cases/${youthCase}/transitions`, {
      subjectId: String(youngId),
      transferredOn: '2026-05-30',
    })
    expect(nowhere.statusCode).toBe(400)
    expect(nowhere.body).toContain('Select the adult panel or name the adult service')
    const moved = await member.post(`/cases/${youthCase}/transitions`, {
      subjectId: String(youngId),
      toPanelId: String(f.panel),
      toService: 'Probation service, Southwark',
      transferredOn: '2026-05-30',
      note: 'Handover meeting held',
    })
    expect(moved.statusCode).toBe(303)
    expect((await cases().youthBoard(f.who('member'), youthPanel)).transitionsDue).toEqual([])
    expect((await chair.get('/')).body).not.toContain('due to move to adult services')
    const record = await cases().riskRecord(f.who('member'), youthCase)
    expect(record.transitions).toEqual([
      expect.objectContaining({
        subjectId: youngId,
        toPanel: { id: f.panel, name: 'Test MARAC' },
        toService: 'Probation service, Southwark',
      }),
    ])
  })

  it('keeps the youth pages to members, lets break glass read but not change, and audits each read', async () => {
    for (const url of [`/cases/${youthCase}/risk`, `/cases/panels/${youthPanel}/youth`])
      expect((await outsider.get(url)).statusCode, url).toBe(404)
    await cases().breakGlass(f.who('outsider'), youthCase, {
      reason: 'Arrested overnight; the chair cannot be reached',
    })
    const read = await outsider.get(`/cases/${youthCase}/risk`)
    expect(read.statusCode).toBe(200)
    expect(read.body).toContain('You opened this case by break glass')
    expect(read.body).not.toContain('Record a risk review')
    await expect(
      cases().addRiskReview(f.who('outsider'), youthCase, { reviewedOn: '2026-05-30', riskLevel: 'high' }),
    ).rejects.toThrow(/not found/i)
    const rows = (
      await f.t.deps.services.audit.search({ entityType: 'case', entityId: String(youthCase) }, 1, 500)
    ).rows
    const actions = new Set(rows.map((r) => r.action))
    for (const action of ['case.risk-review', 'case.transition', 'viewed', 'case.refused'])
      expect(actions).toContain(action)
    expect(
      rows.some(
        (r) =>
          r.action === 'viewed' &&
          JSON.parse(r.detail).access === 'break-glass' &&
          JSON.parse(r.detail).path === `/cases/${youthCase}/risk`,
      ),
    ).toBe(true)
  })

  it('tests the threshold, runs the clocks in working days over the bank holiday, and flags a repeat', async () => {
    await member.get(`/cases/panels/${community}/asb/new`)
    const incomplete = await member.post(`/cases/panels/${community}/asb`, { forename: 'Fern' })
    expect(incomplete.statusCode).toBe(400)
    const made = await member.post(`/cases/panels/${community}/asb`, {
      ...APPLICANT,
      receivedOn: '2026-05-11',
      location: SECRETS.location,
      'complaints.0.reportedOn': '2026-02-10',
      'complaints.0.incidentOn': '2026-02-08',
      'complaints.0.agency': 'Police',
      'complaints.1.reportedOn': '2026-03-20',
      'complaints.1.agency': 'Council ASB team',
      'complaints.1.hateIncident': 'yes',
      'complaints.2.reportedOn': '2026-04-30',
      'complaints.2.incidentOn': '2026-03-01',
      'complaints.2.agency': 'Housing association',
    })
    expect(made.statusCode).toBe(303)
    const first = Number(/\/cases\/asb\/(\d+)/.exec(made.headers.location as string)?.[1])
    const found = await cases().getApplication(f.who('member'), first)
    // The third complaint came two months after the behaviour: two qualify, the threshold is three.
    expect(found.threshold).toMatchObject({ met: false, qualifying: 2, hateIncidents: 1 })
    // Received Monday 11 May 2026; 25 May is the spring bank holiday.
    expect(found.clocks.map((c) => [c.clock, c.dueOn, c.state])).toEqual([
      ['acknowledge', '2026-05-26', 'overdue'],
      ['decide', '2026-06-02', 'due'],
      ['meet', '2026-06-09', 'due'],
    ])
    expect([found.repeatVictim, found.repeatLocation]).toEqual([false, false])
    // The chair lets one hate incident meet the threshold on its own.
    await chair.get(`/cases/panels/${community}/asb`)
    const settings = await chair.post(`/cases/panels/${community}/asb/settings`, {
      complaints: '3',
      withinMonths: '6',
      reportWithinMonths: '1',
      hateIncidents: '1',
      acknowledge: '10',
      decide: '15',
      meet: '20',
    })
    expect(settings.statusCode).toBe(303)
    expect((await cases().getApplication(f.who('member'), first)).threshold.by).toEqual(['hate-incidents'])
    // The same applicant and place, written differently, again within 12 months.
    const second = await cases().createApplication(f.who('member'), community, {
      ...APPLICANT,
      forename: 'FERN',
      receivedOn: '2026-05-20',
      location: 'outside 14 quayside walk se99 9zz',
      complaints: [{ reportedOn: '2026-05-18', agency: 'Police' }],
    })
    const repeat = await cases().getApplication(f.who('member'), second)
    expect([repeat.repeatVictim, repeat.repeatLocation]).toEqual([true, true])
    expect((await cases().getApplication(f.who('member'), first)).repeatVictim).toBe(false)
    const tracker = await cases().asbTracker(f.who('member'), community)
    expect(tracker.applications.map((a) => [a.id, a.repeatVictim])).toEqual([
      [second, true],
      [first, false],
    ])
    expect((await member.get(`/cases/panels/${community}/asb`)).body).toContain('Repeat location')
  })

  it('records the decision and review in order, and makes the outcome letter with the applicant opened into it alone', async () => {
    const [app] = (await cases().asbTracker(f.who('member'), community)).applications.slice(-1)
    const id = app?.id as number
    await member.get(`/cases/asb/${id}`)
    expect((await member.get(`/cases/asb/${id}/letter`)).statusCode).toBe(400)
    const early = await member.post(`/cases/asb/${id}/steps`, { step: 'acknowledge', on: '2026-05-08' })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('Cannot be before the application was received')
    expect(
      (await member.post(`/cases/asb/${id}/steps`, { step: 'acknowledge', on: '2026-05-26' })).statusCode,
    ).toBe(303)
    expect(
      (await member.post(`/cases/asb/${id}/steps`, { step: 'meet', on: '2026-05-29', recommendations: 'x' }))
        .statusCode,
    ).toBe(400)
    const decided = await member.post(`/cases/asb/${id}/steps`, {
      step: 'decide',
      on: '2026-05-29',
      thresholdMet: 'no',
      reason: SECRETS.reason,
    })
    expect(decided.statusCode).toBe(303)
    const found = await cases().getApplication(f.who('member'), id)
    expect(found.clocks.map((c) => c.state)).toEqual(['met-on-time', 'met-on-time', 'not-needed'])
    const letter = await member.get(`/cases/asb/${id}/letter`)
    expect(letter.statusCode).toBe(200)
    expect(letter.headers['content-type']).toContain('wordprocessingml')
    const text = docxText(letter.rawPayload)
    expect(text).toContain('Fern Fabricated')
    expect(text).toContain('Quayside Walk')
    expect(text).toContain(SECRETS.reason)
    expect(text).toContain('the threshold for a case review is not met')
    for (const url of [`/cases/asb/${id}`, `/cases/asb/${id}/letter`, `/cases/panels/${community}/asb`])
      expect((await outsider.get(url)).statusCode, url).toBe(404)
    const log = (
      await f.t.deps.services.audit.search(
        { entityType: 'case-asb-application', entityId: String(id) },
        1,
        500,
      )
    ).rows
    const actions = log.map((r) => r.action)
    for (const action of [
      'case-asb.create',
      'case-asb.acknowledge',
      'case-asb.decide',
      'case-asb.letter',
      'viewed',
      'case.refused',
    ])
      expect(actions).toContain(action)
  })

  it('stores no factor, option, location, applicant or reason in the clear', async () => {
    const secrets = [...Object.values(SECRETS), APPLICANT.surname, 'Quayside']
    await expectNoPlaintext(
      f,
      [
        'case_risk_reviews',
        'case_risk_options',
        'case_transitions',
        'case_asb_applications',
        'case_asb_complaints',
        'audit_log',
      ],
      secrets,
    )
  })

  // Last: it changes the key the rest of the file's service was made with.
  it('re-keys the applicant and location indexes when the case data key is rotated, so repeats are still found', async () => {
    const rotated = casesUnderNewKey(f)
    const before = (await cases().asbTracker(f.who('member'), community)).applications.map((a) => [
      a.id,
      a.repeatVictim,
      a.repeatLocation,
    ])
    expect(before.some(([, victim, place]) => victim && place)).toBe(true)
    const result = await rotated.rotateKey(systemReader(TEST_ACTOR, 'key-rotation'))
    expect(result.reencrypted['case_asb_applications.location_sealed']).toBeGreaterThan(0)
    const after = (await rotated.asbTracker(f.who('member'), community)).applications.map((a) => [
      a.id,
      a.repeatVictim,
      a.repeatLocation,
    ])
    expect(after).toEqual(before)
    // An application made under the new key finds the earlier ones: their indexes were re-keyed.
    const third = await rotated.createApplication(f.who('member'), community, {
      ...APPLICANT,
      receivedOn: '2026-05-28',
      location: 'Outside 14 Quayside Walk, SE99 9ZZ',
      complaints: [{ reportedOn: '2026-05-27', agency: 'Police' }],
    })
    const found = await rotated.getApplication(f.who('member'), third)
    expect([found.repeatVictim, found.repeatLocation]).toEqual([true, true])
  })
})
