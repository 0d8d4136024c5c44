import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemReader } from '../../src/modules/cases/rights/system-read.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/shared/errors.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { casesUnderNewKey, expectNoPlaintext } from '../helpers/case-data-at-rest.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { addChannelAndMase, type ChannelMase, SHARED_PLACE, vafRatings } from '../helpers/channel-mase.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Channel and MASE on the real databases: the VAF reassessed three times with the change between the
// last two, consent as Channel requires (a child's parent's or guardian's, no support without it),
// MASE places, persons of concern matched and never merged silently, disruptions owned inside the
// panel, the problem profile; need to know on every call, every read and change audited, and no
// note, place or provider in the clear.

const SECRETS = {
  vafNote: 'Talks of revenge for his cousin',
  obtainedBy: 'Pat Imaginary, Channel intervention lead',
  provider: 'Quillfeather Mentoring Trust',
  detail: 'Night checks at the lodge by the licensing team',
  result: 'Manager warned; register now kept',
}

const rejected = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a refusal')
}

describe.each(DIALECTS)('Channel and MASE on %s', (dialect) => {
  let f: CasesFixture
  let c: ChannelMase
  const cases = () => f.t.deps.services.cases

  beforeAll(async () => {
    f = await casesFixture(dialect)
    c = await addChannelAndMase(f)
  })
  afterAll(() => f?.t.close())

  it('charts VAF assessments over time, with the change between the last two', async () => {
    for (const [on, present] of [
      ['2026-05-06', 9],
      ['2026-05-20', 6],
      ['2026-05-27', 3],
    ] as const)
      await cases().assessVaf(f.who('member'), c.channelCase, {
        assessedOn: on,
        ratings: vafRatings(present, on === '2026-05-06' ? SECRETS.vafNote : undefined),
      })
    const record = await cases().channelRecord(f.who('chair'), c.channelCase)
    expect(record.series.map((s) => [s.assessedOn, s.present.engagement])).toEqual([
      ['2026-05-06', 9],
      ['2026-05-20', 6],
      ['2026-05-27', 3],
    ])
    expect(record.change?.dimensions.engagement).toEqual({ before: 6, after: 3, change: -3 })
    expect(record.change?.factors).toHaveLength(3)
    expect(record.assessments[0]?.ratings[0]).toMatchObject({ status: 'present', note: SECRETS.vafNote })
    const partial = vafRatings(2)
    delete partial['criminal-capability']
    const error = await rejected(
      cases().assessVaf(f.who('member'), c.channelCase, { assessedOn: '2026-05-28', ratings: partial }),
    )
    expect((error as ValidationError).fieldErrors['ratings.criminal-capability']).toMatch(
      /Criminal capability/,
    )
  })

  it('needs a child’s parent’s or guardian’s consent, and gives no support without consent standing', async () => {
    const support = {
      supportType: 'mentoring',
      provider: SECRETS.provider,
      startsOn: '2026-05-21',
    }
    const none = await rejected(cases().addChannelSupport(f.who('member'), c.channelCase, support))
    expect((none as ValidationError).fieldErrors.form).toMatch(/without consent there is no support package/)
    const byChild = await rejected(
      cases().recordChannelConsent(f.who('member'), c.channelCase, {
        decision: 'given',
        givenBy: 'person',
        decidedOn: '2026-05-20',
        obtainedBy: SECRETS.obtainedBy,
      }),
    )
    expect((byChild as ValidationError).fieldErrors.givenBy).toMatch(/parent’s or guardian’s/)
    await cases().recordChannelConsent(f.who('member'), c.channelCase, {
      decision: 'given',
      givenBy: 'parent-guardian',
      decidedOn: '2026-05-20',
      obtainedBy: SECRETS.obtainedBy,
    })
    const early = await rejected(
      cases().addChannelSupport(f.who('member'), c.channelCase, { ...support, startsOn: '2026-05-19' }),
    )
    expect((early as ValidationError).fieldErrors.startsOn).toBe(
      'Support cannot start before consent was given',
    )
    await cases().addChannelSupport(f.who('member'), c.channelCase, support)
    let record = await cases().channelRecord(f.who('member'), c.channelCase)
    expect(record.steps).toEqual(['support', 'close', 'refer-elsewhere'])
    expect(record.support).toMatchObject([{ provider: SECRETS.provider, supportTypeLabel: 'Mentoring' }])
    expect(record.standingConsent).toMatchObject({
      obtainedBy: SECRETS.obtainedBy,
      givenByLabel: 'Their parent or guardian',
    })
    await cases().recordChannelConsent(f.who('member'), c.channelCase, {
      decision: 'withdrawn',
      givenBy: 'parent-guardian',
      decidedOn: '2026-05-29',
      obtainedBy: SECRETS.obtainedBy,
    })
    record = await cases().channelRecord(f.who('member'), c.channelCase)
    expect(record.steps).toEqual(['close', 'refer-elsewhere'])
    expect(
      await rejected(
        cases().addChannelSupport(f.who('member'), c.channelCase, { ...support, startsOn: '2026-05-30' }),
      ),
    ).toBeInstanceOf(ValidationError)
  })

  it('links places, and finds one place shared by two children for the problem profile', async () => {
    const [first, second] = c.maseCases
    await cases().addMaseLocation(f.who('member'), first, { locationType: 'hotel', place: SHARED_PLACE })
    await cases().addMaseLocation(f.who('chair'), second, {
      locationType: 'hotel',
      place: SHARED_PLACE.toUpperCase().replace(',', ''),
    })
    await cases().addMaseLocation(f.who('member'), second, {
      locationType: 'park',
      place: 'Fable Park bandstand',
    })
    const record = await cases().maseRecord(f.who('member'), first)
    expect(record.locations).toMatchObject([
      { place: SHARED_PLACE, otherCases: 1, locationTypeLabel: 'Hotel' },
    ])
    const profile = await cases().problemProfile(f.who('member'), c.masePanel)
    expect(profile.places).toEqual([
      {
        place: SHARED_PLACE,
        locationType: 'hotel',
        locationTypeLabel: 'Hotel',
        children: 2,
        caseIds: [first, second],
      },
    ])
    const leaving = await cases().problemProfileExport(f.who('member'), c.masePanel)
    expect(leaving.rows.find((r) => r.locationType === 'hotel')).toMatchObject({
      places: '<5',
      children: '<5',
    })
    expect(leaving.total).toEqual({ places: 'suppressed', children: 'suppressed' })
    for (const user of ['outsider', 'admin'] as const)
      expect(await rejected(cases().problemProfile(f.who(user), c.masePanel))).toBeInstanceOf(NotFoundError)
    // A MARAC has no problem profile.
    expect(await rejected(cases().problemProfile(f.who('member'), f.panel))).toBeInstanceOf(NotFoundError)
  })

  it('matches a person of concern by blind index and never merges without a member saying so', async () => {
    const [first, second] = c.maseCases
    const person = { forename: 'Rex', surname: 'Fabricated', dateOfBirth: '1990-01-15', gender: 'male' }
    expect(await cases().concernCandidates(f.who('member'), first, person)).toEqual([])
    const rex = await cases().addPersonOfConcern(f.who('member'), first, person)
    const found = await cases().concernCandidates(f.who('member'), second, { ...person, forename: 'Rexford' })
    expect(found).toEqual([
      {
        subjectId: rex,
        matchedOn: 'surname-dob',
        panels: [expect.objectContaining({ panelName: 'Test MASE' })],
      },
    ])
    const unanswered = await rejected(cases().addPersonOfConcern(f.who('member'), second, person))
    expect((unanswered as ValidationError).fieldErrors.matches).toMatch(/Say whether each person/)
    expect(
      await cases().addPersonOfConcern(f.who('member'), second, { ...person, matches: { [rex]: 'same' } }),
    ).toBe(rex)
    const other = await cases().addPersonOfConcern(f.who('member'), second, {
      ...person,
      forename: 'Roxanne',
      gender: 'female',
      matches: { [rex]: 'different' },
    })
    expect(other).not.toBe(rex)
    const record = await cases().maseRecord(f.who('member'), second)
    expect(record.personsOfConcern.map((p) => p.name)).toEqual(['Rex Fabricated', 'Roxanne Fabricated'])
    expect(record.children.map((p) => p.name)).toEqual(['Tamsin Notreal'])
  })

  it('keeps disruptions inside the panel and their results sealed', async () => {
    const [first] = c.maseCases
    const outside = await rejected(
      cases().addDisruption(f.who('member'), first, {
        disruptionType: 'hotel-watch',
        detail: SECRETS.detail,
        ownerOrganisationId: 999_999,
        dueOn: '2026-06-10',
      }),
    )
    expect((outside as ValidationError).fieldErrors.ownerOrganisationId).toMatch(/member organisations/)
    const id = await cases().addDisruption(f.who('member'), first, {
      disruptionType: 'licensing-visit',
      detail: SECRETS.detail,
      ownerOrganisationId: f.t.organisationId,
      dueOn: '2026-06-10',
    })
    const noResult = await rejected(
      cases().updateDisruption(f.who('chair'), id, { status: 'done', version: 1 }),
    )
    expect((noResult as ValidationError).fieldErrors.result).toBe('Record the result')
    await cases().updateDisruption(f.who('chair'), id, { status: 'done', result: SECRETS.result, version: 1 })
    expect(
      await rejected(cases().updateDisruption(f.who('member'), id, { status: 'planned', version: 1 })),
    ).toBeInstanceOf(ConflictError)
    expect((await cases().maseRecord(f.who('member'), first)).disruptions).toMatchObject([
      { statusLabel: 'Done', result: SECRETS.result, ownerOrganisation: { id: f.t.organisationId } },
    ])
  })

  it('refuses non-members, the administrator and the wrong kind of case, honouring break glass for reads only', async () => {
    const [first] = c.maseCases
    for (const user of ['outsider', 'admin'] as const) {
      expect(await rejected(cases().channelRecord(f.who(user), c.channelCase))).toBeInstanceOf(NotFoundError)
      expect(await rejected(cases().maseRecord(f.who(user), first))).toBeInstanceOf(NotFoundError)
      expect(
        await rejected(
          cases().addMaseLocation(f.who(user), first, { locationType: 'park', place: 'Anywhere' }),
        ),
      ).toBeInstanceOf(NotFoundError)
      expect(
        await rejected(
          cases().assessVaf(f.who(user), c.channelCase, { assessedOn: '2026-05-28', ratings: vafRatings(1) }),
        ),
      ).toBeInstanceOf(NotFoundError)
    }
    expect(await rejected(cases().channelRecord(f.who('member'), first))).toBeInstanceOf(NotFoundError)
    expect(
      await rejected(
        cases().assessVaf(f.who('member'), first, { assessedOn: '2026-05-28', ratings: vafRatings(1) }),
      ),
    ).toBeInstanceOf(ValidationError)
    const glassOf = { ...f.who('outsider') }
    await cases().breakGlass(glassOf, c.channelCase, { reason: 'Police report of an imminent attack plan' })
    const read = await cases().channelRecord(glassOf, c.channelCase)
    expect(read).toMatchObject({ access: 'break-glass', mayChange: false })
    expect(
      await rejected(
        cases().assessVaf(glassOf, c.channelCase, { assessedOn: '2026-05-28', ratings: vafRatings(1) }),
      ),
    ).toBeInstanceOf(NotFoundError)
    expect(
      await rejected(cases().breakGlass(f.who('admin'), c.channelCase, { reason: 'Administrators do not' })),
    ).toBeInstanceOf(ForbiddenError)
  })

  it('serves the VAF page with its chart and table, and a problem profile CSV of counts alone', async () => {
    const member = new Browser(f.t.app)
    await member.signIn('lead@test.example')
    const page = await member.get(`/cases/${c.channelCase}/channel`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<svg')
    expect(page.body).toContain('Factors present at each assessment')
    expect(page.body).toContain('6 to 3 present (3 fewer)')
    const csv = await member.get(`/cases/panels/${c.masePanel}/problem-profile/csv`)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Hotel,<5,<5')
    expect(csv.body).not.toContain(SHARED_PLACE)
  })

  it('writes every read and change to the case’s log', async () => {
    const log = await cases().accessLog(f.who('chair'), c.channelCase)
    const actions = new Set(log.map((e) => e.action))
    expect(log.some((e) => e.who === 'outsider@test' && e.access === 'break-glass')).toBe(true)
    expect(log.filter((e) => e.who === 'member@test').length).toBeGreaterThan(3)
    expect(actions.size).toBeGreaterThan(2)
    const audit = f.t.deps.services.audit
    for (const action of [
      'case.vaf',
      'case.channel-consent',
      'case.channel-support',
      'case.mase-location',
      'case.person-of-concern',
      'case.mase-disruption',
      'case.mase-disruption.update',
      'case.mase-profile.export',
    ])
      expect((await audit.search({ action }, 1, 50)).rows.length, action).toBeGreaterThan(0)
    expect(await audit.verify()).toMatchObject({ ok: true })
  })

  it('stores no note, place, provider, detail or result in the clear', async () => {
    const secrets = [...Object.values(SECRETS), SHARED_PLACE, 'Fable Park bandstand']
    await expectNoPlaintext(
      f,
      [
        'case_vaf_assessments',
        'case_channel_consents',
        'case_channel_support',
        'case_mase_locations',
        'case_mase_disruptions',
        'audit_log',
      ],
      secrets,
    )
  })

  // Last: it changes the key the rest of the file's service was made with.
  it('re-keys the place index when the case data key is rotated, so the problem profile still matches', async () => {
    const rotated = casesUnderNewKey(f)
    const before = await cases().problemProfile(f.who('member'), c.masePanel)
    const result = await rotated.rotateKey(systemReader(TEST_ACTOR, 'key-rotation'))
    expect(result.reencrypted['case_mase_locations.place_sealed']).toBeGreaterThan(0)
    expect(await rotated.problemProfile(f.who('member'), c.masePanel)).toEqual(before)
    // Each child's record still sees the other child linked to the same place.
    const [first] = c.maseCases
    const record = await rotated.maseRecord(f.who('member'), first as number)
    expect(record.locations.find((l) => l.place === SHARED_PLACE)?.otherCases).toBe(1)
  })
})
