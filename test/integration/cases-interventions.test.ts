import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cohortReport, type OutcomeEvent } from '../../src/modules/cases/rules/cohort-outcomes.ts'
import { ForbiddenError, NotFoundError } from '../../src/shared/errors.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { type CasesFixture, casesFixture, VICTIM } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'

// The interventions directory, intervention episodes and outcome events on the real database: the
// directory for every partner and kept by managers and chairs; places in use counted from open
// episodes; episodes and events read and recorded under the recording panel's need to know (break
// glass reads, never records); reason codes where things did not succeed; notes and offence groups
// sealed; every read and change audited; and a panel's events feeding the cohort rules.

const NOTES = 'Worried about his brother’s associates'
const EVENT_NOTE = 'Charged after the Peckham robbery'

describe.each(DIALECTS)('interventions and outcomes on %s', (dialect) => {
  let f: CasesFixture
  let ada: number
  let bram: number
  let service: number
  const cases = () => f.t.deps.services.cases
  const entries = async (action: string, entityType: string, entityId?: number) =>
    (
      await f.t.deps.services.audit.search(
        { action, entityType, ...(entityId ? { entityId: String(entityId) } : {}) },
        1,
        500,
      )
    ).rows
  const serviceInput = (over: Record<string, unknown> = {}) => ({
    name: 'Test Youth Anti-Violence Unit',
    providerOrganisationId: f.t.organisationId,
    kind: 'diversion',
    description: 'Mentoring for young people involved in violence',
    eligibility: 'Aged 10 to 24, living in the borough',
    referralRoute: 'Referral form to the unit’s inbox',
    places: 2,
    contact: 'yavu@test.example',
    panelIds: [f.panel],
    ...over,
  })

  beforeAll(async () => {
    f = await casesFixture(dialect)
    ;[ada, bram] = (await cases().caseSubjects(f.caseId)) as [number, number]
  })
  afterAll(() => f.t.close())

  it('lets administrators, partnership managers and panel chairs keep the directory, and nobody else', async () => {
    service = await cases().createIntervention(f.who('admin'), serviceInput())
    const byChair = await cases().createIntervention(
      f.who('chair'),
      serviceInput({ name: 'Test substance misuse treatment', kind: 'prevention', places: '', panelIds: [] }),
    )
    await expect(
      cases().createIntervention(f.who('member'), serviceInput({ name: 'By a member' })),
    ).rejects.toBeInstanceOf(ForbiddenError)
    await expect(cases().createIntervention(f.who('manager'), serviceInput())).rejects.toMatchObject({
      fieldErrors: { name: 'A service with this name is already in the directory' },
    })
    await expect(
      cases().createIntervention(
        f.who('manager'),
        serviceInput({ name: 'Bad', kind: 'punishment', places: '-1' }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: {
        kind: 'Select enforcement, prevention or diversion',
        places: 'Enter from 0 to 100,000 places',
      },
    })
    const chairs = await cases().getIntervention(byChair)
    expect(chairs).toMatchObject({ kind: 'prevention', panels: [], capacity: { places: null, free: null } })
    const before = await cases().getIntervention(service)
    await cases().updateIntervention(f.who('manager'), service, {
      ...serviceInput({ places: 3 }),
      version: before.version,
    })
    await expect(
      cases().updateIntervention(f.who('manager'), service, { ...serviceInput(), version: before.version }),
    ).rejects.toThrow('Someone else changed this service')
    expect((await cases().getIntervention(service)).capacity.places).toBe(3)
    expect((await entries('case-intervention.create', 'case-intervention')).length).toBe(2)
    expect((await entries('case-intervention.update', 'case-intervention', service)).length).toBe(1)
  })

  it('filters the directory by kind and by the panel served, for any signed-in partner', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await cases().listInterventions(filter)).map((i) => i.name)
    expect(await names({})).toEqual(['Test substance misuse treatment', 'Test Youth Anti-Violence Unit'])
    expect(await names({ kind: 'diversion' })).toEqual(['Test Youth Anti-Violence Unit'])
    expect(await names({ kind: 'enforcement' })).toEqual([])
    expect(await names({ panel: String(f.panel) })).toEqual(['Test Youth Anti-Violence Unit'])
    const viewer = await f.t.app.inject({
      method: 'GET',
      url: `/api/v1/case-interventions?kind=diversion`,
      headers: {
        authorization: `Bearer ${await (await import('../helpers/app.ts')).apiTokenFor(f.t, 'viewer')}`,
      },
    })
    expect(viewer.statusCode).toBe(200)
    expect(viewer.json().interventions.map((i: { name: string }) => i.name)).toEqual([
      'Test Youth Anti-Violence Unit',
    ])
  })

  it('records a referral to a service for members of a panel holding the subject’s case, and refuses everyone else', async () => {
    const episode = await cases().referToIntervention(f.who('member'), bram, {
      interventionId: service,
      referredOn: '2026-05-11',
      notes: NOTES,
    })
    for (const user of ['outsider', 'admin', 'manager'] as const)
      await expect(
        cases().referToIntervention(f.who(user), bram, { interventionId: service, referredOn: '2026-05-11' }),
      ).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      cases().referToIntervention(f.who('member'), bram, {
        interventionId: 999_999,
        referredOn: '2026-06-02',
      }),
    ).rejects.toMatchObject({ fieldErrors: { interventionId: 'Select the service from the directory' } })
    await expect(
      cases().referToIntervention(f.who('member'), bram, {
        interventionId: service,
        referredOn: '2026-06-02',
      }),
    ).rejects.toMatchObject({ fieldErrors: { referredOn: 'The date cannot be in the future' } })
    const { episodes } = await cases().listEpisodes(f.who('chair'), bram)
    expect(episodes).toMatchObject([
      { id: episode, stage: 'referred', referralOutcome: 'pending', notes: NOTES, mayChange: true },
    ])
    for (const user of ['outsider', 'admin'] as const) {
      await expect(cases().listEpisodes(f.who(user), bram)).rejects.toBeInstanceOf(NotFoundError)
      await expect(cases().getEpisode(f.who(user), episode)).rejects.toBeInstanceOf(NotFoundError)
    }
    expect((await cases().getIntervention(service)).awaiting).toBe(1)
    const created = await entries('case-episode.create', 'case-episode', episode)
    expect(created).toHaveLength(1)
    expect(created[0]?.detail).not.toContain(NOTES)
    expect((await entries('viewed', 'case-episodes', bram)).length).toBeGreaterThan(0)
    expect((await entries('case.refused', 'case-episode', episode)).length).toBe(2)
  })

  it('takes an episode through the service’s answer, its start and its end, with the places it holds', async () => {
    const [episode] = (await cases().listEpisodes(f.who('member'), bram)).episodes
    if (!episode) throw new Error('no episode')
    const move = async (changes: Record<string, unknown>) => {
      const now = await cases().getEpisode(f.who('member'), episode.id)
      await cases().updateEpisode(f.who('member'), episode.id, {
        referralOutcome: now.referralOutcome,
        outcomeOn: now.outcomeOn ?? '',
        startedOn: now.startedOn ?? '',
        notes: now.notes ?? '',
        version: now.version,
        ...changes,
      })
      return cases().getEpisode(f.who('member'), episode.id)
    }
    await expect(move({ referralOutcome: 'rejected', outcomeOn: '2026-05-12' })).rejects.toMatchObject({
      fieldErrors: { reasonCode: 'Select why the referral was rejected' },
    })
    expect(await move({ referralOutcome: 'accepted', outcomeOn: '2026-05-12' })).toMatchObject({
      stage: 'accepted',
    })
    expect((await cases().getIntervention(service)).capacity).toEqual({
      places: 3,
      inUse: 1,
      free: 2,
      over: false,
    })
    expect(await move({ startedOn: '2026-05-18' })).toMatchObject({ stage: 'started' })
    await expect(
      cases().updateEpisode(f.who('outsider'), episode.id, { referralOutcome: 'accepted', version: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError)
    const ended = await move({ endedOn: '2026-05-30', ending: 'disengaged', reasonCode: 'unable-to-contact' })
    expect(ended).toMatchObject({
      stage: 'ended',
      referralOutcome: 'done',
      ending: 'disengaged',
      reasonLabel: 'Unable to contact',
      notes: NOTES,
    })
    expect((await cases().getIntervention(service)).capacity.inUse).toBe(0)
    const updates = await entries('case-episode.update', 'case-episode', episode.id)
    expect(updates).toHaveLength(3)
    for (const u of updates) expect(u.detail).not.toContain(NOTES)
  })

  it('lets someone who broke the glass read the subject’s episodes and outcomes, but not record or change them', async () => {
    await cases().recordOutcomeEvent(f.who('member'), bram, { kind: 'ete-started', date: '2026-05-20' })
    const glass = await cases().breakGlass(f.who('outsider'), f.caseId, {
      reason: 'Arrested out of hours; need the current interventions',
    })
    const { episodes } = await cases().listEpisodes(f.who('outsider'), bram)
    expect(episodes.map((e) => e.mayChange)).toEqual([false])
    expect((await cases().listOutcomeEvents(f.who('outsider'), bram)).map((e) => e.kind)).toEqual([
      'ete-started',
    ])
    await expect(
      cases().referToIntervention(f.who('outsider'), bram, {
        interventionId: service,
        referredOn: '2026-05-11',
      }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      cases().recordOutcomeEvent(f.who('outsider'), bram, { kind: 'ete-started', date: '2026-05-20' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(cases().panelOutcomeEvents(f.who('outsider'), f.panel)).rejects.toBeInstanceOf(NotFoundError)
    const read = (await entries('viewed', 'case-episodes', bram)).find((r) => r.actor === 'outsider@test')
    expect(JSON.parse(read?.detail ?? '{}')).toMatchObject({ break_glass: [glass.id] })
    f.clock.advanceHours(5)
    await expect(cases().listEpisodes(f.who('outsider'), bram)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('records outcome events as the cohort rules take them, and checks them', async () => {
    await expect(
      cases().recordOutcomeEvent(f.who('member'), bram, { kind: 'proven-reoffence', date: '2026-05-01' }),
    ).rejects.toMatchObject({
      fieldErrors: { offenceGroup: 'Select the offence group of a proven reoffence' },
    })
    await expect(
      cases().recordOutcomeEvent(f.who('member'), bram, {
        kind: 'treatment-started',
        date: '2026-06-02',
        offenceGroup: 'robbery',
        provenOn: '2026-05-01',
      }),
    ).rejects.toMatchObject({
      fieldErrors: {
        date: 'The date cannot be in the future',
        offenceGroup: 'Only a proven reoffence has an offence group',
        provenOn: 'Only a proven reoffence is proven',
      },
    })
    await expect(
      cases().recordOutcomeEvent(f.who('member'), bram, {
        kind: 'proven-reoffence',
        date: '2026-05-01',
        offenceGroup: 'robbery',
        provenOn: '2026-04-30',
      }),
    ).rejects.toMatchObject({ fieldErrors: { provenOn: 'It cannot be proven before the offence' } })
    const id = await cases().recordOutcomeEvent(f.who('chair'), bram, {
      kind: 'proven-reoffence',
      date: '2026-05-01',
      offenceGroup: 'robbery',
      provenOn: '2026-05-28',
      notes: EVENT_NOTE,
    })
    await cases().recordOutcomeEvent(f.who('member'), ada, {
      kind: 'accommodation-secured',
      date: '2026-04-02',
    })
    const events = await cases().listOutcomeEvents(f.who('member'), bram)
    expect(
      events.map(({ id, kind, date, offenceGroup, provenOn, subjectId, notes }) => ({
        id,
        kind,
        date,
        offenceGroup,
        provenOn,
        subjectId,
        notes,
      })),
    ).toEqual([
      {
        id: expect.any(Number),
        kind: 'ete-started',
        date: '2026-05-20',
        subjectId: String(bram),
        notes: null,
        offenceGroup: undefined,
        provenOn: undefined,
      },
      {
        id,
        kind: 'proven-reoffence',
        date: '2026-05-01',
        offenceGroup: 'robbery',
        provenOn: '2026-05-28',
        subjectId: String(bram),
        notes: EVENT_NOTE,
      },
    ])
    await expect(cases().listOutcomeEvents(f.who('admin'), bram)).rejects.toBeInstanceOf(NotFoundError)
    const created = await entries('case-outcome.create', 'case-outcome-event', id)
    expect(created[0]?.detail).not.toContain('robbery')
    expect(created[0]?.detail).not.toContain(EVENT_NOTE)
  })

  it('hands a panel’s outcome events per subject to its members, ready for the cohort report', async () => {
    const found = await cases().panelOutcomeEvents(f.who('member'), f.panel)
    expect(found.map((s) => [s.subjectId, s.events.map((e) => e.kind)])).toEqual(
      [
        [ada, ['accommodation-secured']],
        [bram, ['proven-reoffence', 'ete-started']],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    )
    for (const user of ['outsider', 'admin', 'manager'] as const)
      await expect(cases().panelOutcomeEvents(f.who(user), f.panel)).rejects.toBeInstanceOf(NotFoundError)
    // The command line, acting for the operator, reads it too; audited as the operator.
    expect(await cases().panelOutcomeEvents({ actor: TEST_ACTOR, user: null }, f.panel)).toHaveLength(2)
    const events: OutcomeEvent[] = found.flatMap((s) => s.events)
    const members = [
      { subjectId: String(ada), acceptedOn: '2026-04-01' },
      { subjectId: String(bram), acceptedOn: '2026-04-01' },
    ]
    const report = cohortReport({ name: 'Test', members, events }, { from: '2026-04-01', to: '2026-05-31' })
    // Directly: Bram alone has an ETE event since acceptance; nobody has started treatment.
    expect(report.ete).toEqual({ n: 1, d: 2, pct: 50 })
    expect(report.treatment).toEqual({ n: 0, d: 2, pct: 0 })
    expect((await entries('viewed', 'case-outcome-events')).length).toBeGreaterThanOrEqual(3)
  })

  it('keeps another panel’s records on the same person with that panel', async () => {
    const other = await cases().createPanel(f.who('admin'), {
      name: 'Test IOM',
      type: 'iom',
      termsOfReference: 'Integrated offender management',
      chairUserId: f.ids.outsider,
      cadence: 'monthly',
      isaParties: ['Test Council'],
      isaLegalBasis: 'gdpr-6e-9g-para10',
      isaReviewDate: '2027-01-31',
    })
    await cases().submitReferral(f.who('outsider'), {
      panelId: other,
      reasons: 'Prolific acquisitive offending',
      risk: 'Reoffending',
      consent: 'given',
      subjects: [
        {
          role: 'perpetrator',
          forename: 'Bram',
          surname: 'Madeup',
          dateOfBirth: '1985-09-30',
          gender: 'male',
          matches: { [String(bram)]: 'same' },
        },
      ],
    })
    await cases().recordOutcomeEvent(f.who('outsider'), bram, {
      kind: 'treatment-started',
      date: '2026-05-25',
    })
    expect((await cases().listOutcomeEvents(f.who('outsider'), bram)).map((e) => e.panel.name)).toEqual([
      'Test IOM',
    ])
    expect((await cases().listOutcomeEvents(f.who('member'), bram)).map((e) => e.kind)).not.toContain(
      'treatment-started',
    )
    expect(
      (await cases().panelOutcomeEvents(f.who('member'), f.panel)).flatMap((s) =>
        s.events.map((e) => e.kind),
      ),
    ).not.toContain('treatment-started')
    expect((await cases().panelOutcomeEvents(f.who('outsider'), other)).map((s) => s.subjectId)).toEqual([
      bram,
    ])
  })

  it('loads the demo directory: ten services of the demo partners, serving the panels of their types', async () => {
    const { loadPartnersDemo } = await import('../../src/modules/partners/demo.ts')
    const { loadInterventionsDemo } = await import('../../src/modules/cases/interventions/demo.ts')
    await loadPartnersDemo(f.t.deps.services, TEST_ACTOR)
    await loadInterventionsDemo(f.t.deps.services, TEST_ACTOR)
    const demo = (await cases().listInterventions()).filter((i) => i.name.endsWith('(demo)'))
    expect(demo).toHaveLength(10)
    expect(new Set(demo.map((i) => i.kind))).toEqual(new Set(['enforcement', 'prevention', 'diversion']))
    expect(new Set(demo.map((i) => i.provider.shortName))).toEqual(
      new Set(['LBS', 'MPS', 'NPS', 'London CRC', 'CCG', 'LFB', 'YOS', 'CS']),
    )
    const idva = demo.find((i) => i.name.startsWith('Independent Domestic Violence Advisers'))
    expect(idva?.panels.map((p) => p.name)).toEqual(['Test MARAC'])
  })

  it('stores notes and offence groups sealed, and nothing of them in the clear', async () => {
    const db = f.t.deps.database.db
    const rows = JSON.stringify([
      await db.selectFrom('case_intervention_episodes').selectAll().execute(),
      await db.selectFrom('case_outcome_events').selectAll().execute(),
    ])
    for (const secret of [NOTES, EVENT_NOTE, 'robbery', VICTIM.surname]) expect(rows).not.toContain(secret)
    expect(await f.t.deps.services.audit.verify()).toMatchObject({ ok: true })
  })
})
