import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../helpers/app.ts'
import { type CasesFixture, casesFixture, VICTIM } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// The MARAC's work on the real databases: the Dash checklist on the referral form at its edges
// (13 and 14 yes, repeat at exactly 12 months, wrong answers, a judgement without a reason), panel
// meetings with their case lists, discussions that hear a case, actions owned inside the panel and
// flagged when overdue, the safety plan, the SafeLives return exact on the page and suppressed in
// the CSV, every read and change on the case's access log, and no new free text in the clear.

const POPULATION = resolve('test/fixtures/adult-women/ons_sape_lsoa11_southwark_mid2020.csv')
const SECRETS = {
  note: 'Bruising to the left forearm',
  judgement: 'Perpetrator released from prison this week',
  discussion: 'Police to flag the address for urgent response',
  plan: 'Code word with the neighbour at number nine',
  action: 'Install a sanctuary scheme door',
  result: 'Fitted on Tuesday by the housing team',
}

const answers = (yes: number, count = 24) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`dash_q${i + 1}`, i < yes ? 'yes' : 'no']))

describe.each(DIALECTS)('MARAC meetings, actions and Dash on %s', (dialect) => {
  let f: CasesFixture
  let member: Browser
  let adaId: number
  const cases = () => f.t.deps.services.cases
  const count = (table: 'case_referrals' | 'case_assessments' | 'case_actions') => countRows(f.t, table)

  beforeAll(async () => {
    f = await casesFixture(dialect, { MARAC_POPULATION_FILE: POPULATION, MARAC_AREA: 'Southwark' })
    member = new Browser(f.t.app)
    await member.signIn('lead@test.example')
    adaId = (await cases().caseSubjects(f.caseId))[0] as number
  })
  afterAll(() => f.t.close())

  /** A referral through the form, naming one victim; a person Safer holds is answered "the same". */
  const refer = (
    person: { forename: string; surname: string; dateOfBirth: string; same?: number },
    extra: Record<string, string>,
  ) =>
    member.post('/cases/referrals', {
      panelId: String(f.panel),
      s0_role: 'victim',
      s0_forename: person.forename,
      s0_surname: person.surname,
      s0_dateOfBirth: person.dateOfBirth,
      s0_gender: 'female',
      reasons: 'Referred by the IDVA after a disclosure',
      risk: 'Controlling behaviour and threats',
      consent: 'given',
      ...(person.same ? { [`s0_match_${person.same}`]: 'same' } : {}),
      ...extra,
    })
  const notice = (location: string | undefined) => decodeURIComponent(location ?? '').replace(/\+/g, ' ')

  it('works the Dash out on the referral form: 13 yes is medium, 14 is visible high risk', async () => {
    const thirteen = await refer(
      { forename: 'Cora', surname: 'Notreal', dateOfBirth: '1990-01-01' },
      { ...answers(13), dash_note1: SECRETS.note },
    )
    expect(thirteen.statusCode).toBe(303)
    expect(notice(thirteen.headers.location)).toContain(
      'Dash: 13 yes, medium risk. Meets none of the MARAC criteria',
    )
    const fourteen = await refer(
      { forename: 'Dina', surname: 'Notreal', dateOfBirth: '1991-02-02' },
      answers(14),
    )
    expect(notice(fourteen.headers.location)).toContain(
      'Dash: 14 yes, high risk. Meets the MARAC criteria: visible high risk',
    )
    const id = Number(/\/cases\/(\d+)/.exec(fourteen.headers.location ?? '')?.[1])
    const found = await cases().getCase(f.who('member'), id)
    expect(found.assessments[0]).toMatchObject({
      checklistVersion: 'safelives-dash-2009',
      yes: 14,
      band: 'high',
      visibleHighRisk: true,
      repeatMarac: false,
      lastReferral: null,
    })
    const page = await member.get(`/cases/${id}`)
    expect(page.body).toContain('Visible high risk: 14 of 24 answers are yes (14 or more)')
    const first = (
      await cases().getCase(
        f.who('member'),
        Number(/\/cases\/(\d+)/.exec(thirteen.headers.location ?? '')?.[1]),
      )
    ).assessments[0]
    expect(first?.answers[0]).toMatchObject({ answer: 'yes', note: SECRETS.note })
  })

  it('refuses the wrong number of answers and a professional judgement without a reason, writing nothing', async () => {
    const before = [await count('case_referrals'), await count('case_assessments')]
    const short = await refer(
      { forename: 'Edna', surname: 'Notreal', dateOfBirth: '1992-03-03' },
      answers(5, 20),
    )
    expect(short.statusCode).toBe(400)
    expect(short.body).toContain(
      'Answer all 24 questions of the Dash checklist (yes, no or not known): 20 were given',
    )
    const noReason = await refer(
      { forename: 'Edna', surname: 'Notreal', dateOfBirth: '1992-03-03' },
      { ...answers(5), dash_judgement: 'yes' },
    )
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Give the reason for the professional judgement')
    expect([await count('case_referrals'), await count('case_assessments')]).toEqual(before)
    // With its reason, the judgement refers a case the checklist alone would not.
    const judged = await refer(
      { forename: 'Edna', surname: 'Notreal', dateOfBirth: '1992-03-03' },
      {
        ...answers(5),
        incidents: '',
        dash_incidents: '3',
        dash_judgement: 'yes',
        dash_judgementReason: SECRETS.judgement,
      },
    )
    expect(notice(judged.headers.location)).toContain(
      'Meets the MARAC criteria: potential escalation, professional judgement',
    )
  })

  it('finds a repeat from Safer’s own referrals: up to the same date a year later, not a day after', async () => {
    f.clock.at = new Date('2027-06-01T09:00:00Z')
    try {
      const ada = {
        forename: VICTIM.forename,
        surname: VICTIM.surname,
        dateOfBirth: VICTIM.dateOfBirth,
        same: adaId,
      }
      const late = await refer(ada, { ...answers(3), referredOn: '2027-05-05' })
      expect(late.statusCode).toBe(303)
      expect(notice(late.headers.location)).toContain('Meets none of the MARAC criteria')
      const onTheDay = await refer(ada, { ...answers(3), referredOn: '2027-05-04' })
      expect(notice(onTheDay.headers.location)).toContain(
        'repeat (within 12 months of the victim’s last MARAC referral)',
      )
      const id = Number(/\/cases\/(\d+)/.exec(onTheDay.headers.location ?? '')?.[1])
      const found = await cases().getCase(f.who('member'), id)
      expect(found.assessments[0]).toMatchObject({
        repeatMarac: true,
        lastReferral: { id: f.caseId, on: '2026-05-04' },
      })
      // Accepted, it comes to the next meeting's list as a repeat.
      await cases().moveCase(f.who('member'), id, { status: 'accepted', on: '2027-05-06' })
      const meeting = await cases().createMeeting(f.who('member'), f.panel, { meetsOn: '2027-05-20' })
      const list = (await cases().getMeeting(f.who('member'), meeting)).items
      expect(list.find((i) => i.caseId === id)?.kind).toBe('repeat')
    } finally {
      f.clock.at = new Date('2026-06-01T09:00:00Z')
    }
  })

  let meetingId: number
  let actionId: number

  it('builds a meeting’s case list, hears a case with its discussion and safety plan, and reviews it later', async () => {
    await cases().moveCase(f.who('member'), f.caseId, { status: 'accepted', on: '2026-05-05' })
    meetingId = await cases().createMeeting(f.who('chair'), f.panel, {
      meetsOn: '2026-05-20',
      organisationIds: [f.t.organisationId],
    })
    const meeting = await cases().getMeeting(f.who('chair'), meetingId)
    expect(meeting.attendees.map((a) => a.id)).toEqual([f.t.organisationId])
    expect(meeting.items.find((i) => i.caseId === f.caseId)).toMatchObject({
      kind: 'new',
      status: 'accepted',
    })
    const refused = await member.post(`/cases/meetings/${meetingId}/discussion`, {
      caseId: String(f.caseId),
      discussion: '',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Enter the panel’s discussion of the case')
    const saved = await member.post(`/cases/meetings/${meetingId}/discussion`, {
      caseId: String(f.caseId),
      discussion: SECRETS.discussion,
      heard: 'yes',
      nextReviewOn: '2026-05-28',
      safetyPlan: SECRETS.plan,
    })
    expect(saved.statusCode).toBe(303)
    const found = await cases().getCase(f.who('member'), f.caseId)
    expect(found).toMatchObject({
      status: 'heard',
      heardOn: '2026-05-20',
      daysToPanel: 16,
      safetyPlan: SECRETS.plan,
    })
    expect(found.meetings[0]).toMatchObject({
      meetingId,
      discussion: SECRETS.discussion,
      nextReviewOn: '2026-05-28',
    })
    const page = await member.get(`/cases/${f.caseId}`)
    expect(page.body).toContain('16 days from referral to panel')
    expect(page.body).toContain(SECRETS.plan)
    const review = await cases().createMeeting(f.who('member'), f.panel, { meetsOn: '2026-05-30' })
    expect(
      (await cases().getMeeting(f.who('member'), review)).items.find((i) => i.caseId === f.caseId)?.kind,
    ).toBe('review')
  })

  it('refuses an action owner outside the panel, and flags an overdue action to its owner alone', async () => {
    const before = await count('case_actions')
    const outside = await member.post(`/cases/meetings/${meetingId}/actions`, {
      caseId: String(f.caseId),
      action: SECRETS.action,
      ownerOrganisationId: String(f.t.organisationId),
      ownerUserId: String(f.ids.outsider),
      dueOn: '2026-05-25',
    })
    expect(outside.statusCode).toBe(400)
    expect(outside.body).toContain('The owner must be a member of the panel')
    expect(await count('case_actions')).toBe(before)
    actionId = await cases().addAction(f.who('member'), meetingId, {
      caseId: f.caseId,
      action: SECRETS.action,
      ownerOrganisationId: f.t.organisationId,
      ownerUserId: f.ids.member,
      dueOn: '2026-05-25',
    })
    const home = await member.get('/')
    expect(home.body).toContain('1 case action of yours is overdue')
    const mine = await member.get('/cases/actions/mine')
    expect(mine.body).toContain(SECRETS.action)
    expect(mine.body).toContain('Overdue')
    const chair = new Browser(f.t.app)
    await chair.signIn('caseworker@test.example')
    expect((await chair.get('/')).body).not.toContain('case action of yours')
    expect(await cases().myActions(f.who('outsider'))).toEqual([])
    const done = await member.post(`/cases/actions/${actionId}`, {
      status: 'done',
      result: SECRETS.result,
      version: '1',
    })
    expect(done.statusCode).toBe(303)
    expect((await member.get('/')).body).not.toContain('case action of yours')
    expect((await cases().getCase(f.who('member'), f.caseId)).actions[0]).toMatchObject({
      status: 'done',
      result: SECRETS.result,
      overdue: false,
    })
  })

  it('gives the SafeLives return exact on the page and suppressed in the CSV, and audits the read', async () => {
    const page = await member.get(`/cases/panels/${f.panel}/safelives-return?from=2026-04-01&to=2026-06-30`)
    expect(page.statusCode).toBe(200)
    const exact = await cases().maracReturn(
      f.who('member'),
      f.panel,
      { from: '2026-04-01', to: '2026-06-30' },
      'panel',
    )
    // One case first heard in the period; its review is the same case again.
    expect(exact.figures.find((x) => x.key === 'casesDiscussed')?.value).toBe(1)
    expect(exact.adultWomen).toMatchObject({ areaName: 'Southwark', year: 2020 })
    expect(page.body).toMatch(/Cases discussed<\/th>\s*<td[^>]*>1<\/td>/)
    const csv = await member.get(
      `/cases/panels/${f.panel}/safelives-return/csv?from=2026-04-01&to=2026-06-30`,
    )
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Cases discussed,<5,,<5')
    expect(csv.body).not.toMatch(/Cases discussed,1,/)
    const audited = await f.t.deps.services.audit.search(
      { action: 'viewed', entityType: 'safelives-return' },
      1,
      50,
    )
    expect(audited.rows.length).toBeGreaterThanOrEqual(2)
  })

  it('shows every new read and change on the case’s access log', async () => {
    const log = await cases().accessLog(f.who('chair'), f.caseId)
    const actions = new Set(log.map((e) => e.action))
    for (const action of [
      'Read at a panel meeting',
      'Recorded the panel’s discussion',
      'Changed the safety plan',
      'Agreed an action',
      'Updated an action',
      'Read in my case actions',
    ])
      expect(actions, action).toContain(action)
    expect(await f.t.deps.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('gives the chair a subject access export holding the Dash, the discussions, the actions and the safety plan, opened', async () => {
    const found = await cases().exportSubject(f.who('chair'), adaId, { request: 'SAR-2026-031' })
    const section = (title: string) => found.sections.find((x) => x.title === title)?.rows ?? []
    // Ada's later referral carries a Dash: its 24 answers come out opened, a line each.
    const dash = section('Risk assessments (Dash)')
    expect(dash.length).toBeGreaterThan(0)
    expect(String(dash[0]?.answers).split('\n')).toHaveLength(24)
    expect(String(dash[0]?.answers)).toMatch(
      /^1\. Has the current incident resulted in injury\? (Yes|No|Not known)/,
    )
    expect(section('Panel meeting discussions')).toContainEqual(
      expect.objectContaining({ case: f.caseId, discussion: SECRETS.discussion }),
    )
    expect(section('Actions agreed')).toContainEqual(
      expect.objectContaining({ case: f.caseId, action: SECRETS.action, result: SECRETS.result }),
    )
    expect(section('Safety plans')).toEqual([{ case: f.caseId, plan: SECRETS.plan }])
  })

  it('opens the case’s record, not the panel’s meetings, to a break glass', async () => {
    const outsider = new Browser(f.t.app)
    await outsider.signIn('outsider@test.example')
    await cases().breakGlass(f.who('outsider'), f.caseId, { reason: 'Victim at A&E, chair unreachable' })
    const page = await outsider.get(`/cases/${f.caseId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(SECRETS.plan)
    expect(page.body).not.toContain('Add a Dash assessment')
    expect((await outsider.get(`/cases/meetings/${meetingId}`)).statusCode).toBe(404)
    expect((await outsider.get(`/cases/${f.caseId}/assessments/new`)).statusCode).toBe(404)
    expect(
      (await outsider.post(`/cases/actions/${actionId}`, { status: 'open', version: '2' })).statusCode,
    ).toBe(404)
  })

  it('stores no note, judgement, discussion, safety plan, action or result in the clear', async () => {
    const secrets = Object.values(SECRETS)
    if (dialect === 'sqlite') {
      f.t.deps.database.sqlite?.pragma('wal_checkpoint(TRUNCATE)')
      const bytes = readFileSync(f.t.deps.config.sqlitePath)
      for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)
      expect(bytes.includes(Buffer.from('safelives-dash-2009'))).toBe(true)
    } else {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
      await client.connect()
      try {
        const schema = f.t.database.schema as string
        for (const table of [
          'case_assessments',
          'case_meeting_cases',
          'case_safety_plans',
          'case_actions',
          'audit_log',
        ]) {
          const { rows } = await client.query(`select * from ${schema}.${table}`)
          expect(rows.length, table).toBeGreaterThan(0)
          const text = JSON.stringify(rows)
          for (const secret of secrets) expect(text, `${table}: ${secret}`).not.toContain(secret)
        }
      } finally {
        await client.end()
      }
    }
  })
})
