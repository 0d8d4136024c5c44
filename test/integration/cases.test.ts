import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFoundError, ValidationError } from '../../src/shared/errors.ts'
import { countRows } from '../helpers/app.ts'
import { type CasesFixture, casesFixture, PERPETRATOR, REASONS, RISK, VICTIM } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'

// The case system on the real database: panels, referrals with their subjects matched by blind
// index, the lifecycle, need to know in the service itself, break glass, bad input refused with
// nothing written, every read in the audit log, and nothing identifying stored in the clear.

const SECRETS = [
  VICTIM.forename,
  VICTIM.surname,
  'Inventedname',
  'Nowhere Lane',
  PERPETRATOR.surname,
  VICTIM.dateOfBirth,
  PERPETRATOR.dateOfBirth,
  'kitchen knife',
  'Strangulation',
  'Serious risk of harm',
]

describe.each(DIALECTS)('risk panels’ cases on %s', (dialect) => {
  let f: CasesFixture
  const cases = () => f.t.deps.services.cases
  const entries = async (action: string, entityType: string, entityId?: number) =>
    (
      await f.t.deps.services.audit.search(
        { action, entityType, ...(entityId ? { entityId: String(entityId) } : {}) },
        1,
        500,
      )
    ).rows

  beforeAll(async () => {
    f = await casesFixture(dialect)
  })
  afterAll(() => f.t.close())

  it('sets a panel up with its members and sharing agreement, and flags an overdue review', async () => {
    const panel = await cases().getPanel(f.panel)
    expect(panel.chair.id).toBe(f.ids.chair)
    expect(panel.memberUserIds).toEqual([f.ids.member])
    expect(panel.retentionYears).toBe(6)
    expect(panel.isa).toMatchObject({ parties: ['Test Council', 'Test Police'], reviewOverdue: false })
    f.clock.at = new Date('2027-02-01T09:00:00Z')
    expect((await cases().getPanel(f.panel)).isa.reviewOverdue).toBe(true)
    f.clock.at = new Date('2026-06-01T09:00:00Z')
    // A role outside the case system cannot be named a member.
    await expect(
      cases().updatePanel(f.who('admin'), f.panel, {
        ...{
          name: panel.name,
          type: 'marac',
          termsOfReference: 'x',
          chairUserId: f.ids.chair,
          cadence: 'monthly',
        },
        isaParties: ['A'],
        isaLegalBasis: 'cda-s115',
        isaReviewDate: '2027-01-31',
        memberUserIds: [f.t.userIds.viewer],
        version: panel.version,
      }),
    ).rejects.toThrow(/role cannot use the risk panels/)
    await expect(cases().createPanel(f.who('member'), {})).rejects.toThrow(/set up a risk panel/)
  })

  it('lets the panel’s members read the case, decrypted, and audits each read', async () => {
    const before = (await entries('viewed', 'case', f.caseId)).length
    const found = await cases().getCase(f.who('member'), f.caseId)
    expect(found).toMatchObject({
      reasons: REASONS,
      risk: RISK,
      consent: 'refused',
      status: 'submitted',
      access: 'member',
    })
    expect(found.shareWithoutConsent?.legalBasis).toBe('gdpr-6e-9g-para18')
    expect(found.subjects.map((s) => [s.name, s.role])).toEqual([
      ['Ada Fictional', 'victim'],
      ['Bram Madeup', 'perpetrator'],
    ])
    expect(found.referringOfficer.id).toBe(f.ids.member)
    const after = await entries('viewed', 'case', f.caseId)
    expect(after.length).toBe(before + 1)
    expect(JSON.parse(after[0]?.detail as string)).toMatchObject({ access: 'member', path: '/test' })
    expect(after[0]?.actor_user_id).toBe(f.ids.member)
  })

  it('refuses everyone else in the service itself, administrators and those who set the panel up included', async () => {
    for (const user of ['outsider', 'admin', 'manager'] as const) {
      await expect(cases().getCase(f.who(user), f.caseId)).rejects.toThrow(NotFoundError)
      expect(await cases().listCases(f.who(user))).toEqual([])
      await expect(cases().moveCase(f.who(user), f.caseId, { status: 'accepted' })).rejects.toThrow(
        NotFoundError,
      )
      await expect(cases().accessLog(f.who(user), f.caseId)).rejects.toThrow(NotFoundError)
    }
    const subjectId = (await cases().caseSubjects(f.caseId))[0] as number
    await expect(cases().getSubject(f.who('admin'), subjectId)).rejects.toThrow(NotFoundError)
    expect((await entries('case.refused', 'case', f.caseId)).length).toBeGreaterThanOrEqual(3)
  })

  it('signposts a search by a non-member: the panel and its chair, never the content; and logs no name', async () => {
    const result = await cases().search(f.who('outsider'), {
      surname: 'FICTIONAL',
      dateOfBirth: VICTIM.dateOfBirth,
    })
    expect(result.cases).toEqual([])
    expect(result.signposts).toEqual([
      {
        panelId: f.panel,
        panelName: 'Test MARAC',
        chairName: 'Test caseworker',
        chairEmail: 'caseworker@test.example',
        caseIds: [f.caseId],
      },
    ])
    expect(JSON.stringify(result)).not.toMatch(/Ada|kitchen|Madeup/)
    // Found by an alias too; the member sees the case itself.
    const mine = await cases().search(f.who('member'), {
      forename: 'Adeline',
      surname: 'Inventedname',
      dateOfBirth: VICTIM.dateOfBirth,
    })
    expect(mine.cases.map((c) => c.id)).toEqual([f.caseId])
    expect(mine.signposts).toEqual([])
    const nothing = await cases().search(f.who('member'), { surname: 'Fictional', dateOfBirth: '1988-04-13' })
    expect(nothing).toEqual({ cases: [], signposts: [] })
    const logged = await entries('case.search', 'case-subject')
    expect(logged.length).toBe(3)
    for (const entry of logged) {
      expect(entry.detail).not.toMatch(/Fictional|Adeline|Inventedname|1988/i)
      expect(JSON.parse(entry.detail).searched).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('matches a new referral’s subject by blind index and never merges without the referrer’s say', async () => {
    const referral = {
      panelId: f.panel,
      reasons: 'Repeat incident',
      risk: 'Escalating',
      consent: 'given',
      subjects: [{ ...VICTIM, forename: 'ada', surname: 'fictional', aliases: [], addresses: [] }],
    }
    const [match] = await cases().checkReferral(f.who('outsider'), referral)
    const victimId = (await cases().caseSubjects(f.caseId))[0] as number
    expect(match?.candidates).toEqual([
      {
        subjectId: victimId,
        matchedOn: 'name-dob',
        panels: [expect.objectContaining({ panelName: 'Test MARAC' })],
      },
    ])
    // Surname and date of birth alone find her as a weaker match.
    const [weak] = await cases().checkReferral(f.who('outsider'), {
      ...referral,
      subjects: [{ ...referral.subjects[0], forename: 'Adah' }],
    })
    expect(weak?.candidates.map((c) => c.matchedOn)).toEqual(['surname-dob'])
    const subjectsBefore = await countRows(f.t, 'case_subjects')
    await expect(cases().submitReferral(f.who('outsider'), referral)).rejects.toThrow(
      /Say whether each person/,
    )
    expect(await countRows(f.t, 'case_subjects')).toBe(subjectsBefore)
    const rejected = await cases().submitReferral(f.who('outsider'), {
      ...referral,
      subjects: [{ ...referral.subjects[0], matches: { [victimId]: 'different' } }],
    })
    expect(await countRows(f.t, 'case_subjects')).toBe(subjectsBefore + 1)
    const confirmed = await cases().submitReferral(f.who('outsider'), {
      ...referral,
      subjects: [
        {
          ...referral.subjects[0],
          matches: { [victimId]: 'same', [(await cases().caseSubjects(rejected))[0] as number]: 'different' },
        },
      ],
    })
    expect(await countRows(f.t, 'case_subjects')).toBe(subjectsBefore + 1)
    expect(await cases().caseSubjects(confirmed)).toEqual([victimId])
    const decisions = await f.t.deps.database.db
      .selectFrom('case_match_decisions')
      .selectAll()
      .orderBy('id')
      .execute()
    expect(decisions.map((d) => [d.referral_id, d.candidate_subject_id, d.decision])).toEqual([
      [rejected, victimId, 'rejected'],
      [confirmed, victimId, 'confirmed'],
      [confirmed, (await cases().caseSubjects(rejected))[0], 'rejected'],
    ])
    // The outsider referred, but reads neither case: need to know is the panel's.
    await expect(cases().getCase(f.who('outsider'), confirmed)).rejects.toThrow(NotFoundError)
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const tables = ['case_referrals', 'case_subjects', 'case_referral_subjects'] as const
    const counts = async () => Promise.all(tables.map((t) => countRows(f.t, t)))
    const before = await counts()
    const good = { panelId: f.panel, reasons: 'r', risk: 'k', consent: 'given', subjects: [PERPETRATOR] }
    const fields = async (input: unknown) =>
      cases()
        .submitReferral(f.who('member'), input)
        .then(
          () => ({}),
          (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : { thrown: String(e) }),
        )
    expect(await fields({ ...good, subjects: [] })).toEqual({
      subjects: 'Add at least one person to the referral',
    })
    expect(await fields({ ...good, subjects: undefined })).toEqual({
      subjects: 'Add at least one person to the referral',
    })
    expect(await fields({ ...good, subjects: [{ ...PERPETRATOR, dateOfBirth: '2026-06-02' }] })).toEqual({
      'subjects.0.dateOfBirth': 'The date of birth must be in the past',
    })
    expect(
      await fields({ ...good, subjects: [{ ...PERPETRATOR, dateOfBirth: '1985-02-30' }] }),
    ).toMatchObject({
      'subjects.0.dateOfBirth': expect.stringMatching(/real date/),
    })
    expect(await fields({ ...good, consent: 'not-sought' })).toEqual({
      shareWithoutConsentReason: 'Without consent, record why the information is shared',
      shareWithoutConsentBasis: 'Without consent, select the legal basis for sharing',
    })
    expect(await counts()).toEqual(before)
    const move = (input: unknown) =>
      cases()
        .moveCase(f.who('member'), f.caseId, input)
        .then(
          () => ({}),
          (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : { thrown: String(e) }),
        )
    expect(await move({ status: 'declined' })).toEqual({ reason: 'Say why the referral is declined' })
    expect(await move({ status: 'heard' })).toEqual({
      status: 'A submitted referral can only be accepted or declined',
    })
    expect((await cases().getCase(f.who('member'), f.caseId)).status).toBe('submitted')
  })

  it('moves the case through its life, shows the days to panel, and audits each change without the sealed text', async () => {
    await cases()
      .moveCase(f.who('member'), f.caseId, { status: 'accepted', on: '2026-05-03' })
      .then(
        () => expect.fail('accepted before it was referred'),
        (e: unknown) => expect(String(e)).toMatch(/before the referral/),
      )
    await cases().moveCase(f.who('member'), f.caseId, { status: 'accepted', on: '2026-05-20' })
    await cases().markHeard(f.who('chair'), f.caseId, '2026-06-01')
    const heard = await cases().getCase(f.who('chair'), f.caseId)
    expect(heard).toMatchObject({
      status: 'heard',
      decidedOn: '2026-05-20',
      heardOn: '2026-06-01',
      nextStatuses: ['closed'],
    })
    expect(heard.daysToPanel).toBe(28)
    const changes = await entries('case.status', 'case', f.caseId)
    expect(changes.map((c) => JSON.parse(c.detail).after.status)).toEqual(['heard', 'accepted'])
    const created = (await entries('case.create', 'case', f.caseId))[0]?.detail as string
    expect(JSON.parse(created).after).toMatchObject({
      reasons_sealed: 'written',
      risk_sealed: 'written',
      consent: 'refused',
    })
    for (const secret of SECRETS) expect(created).not.toContain(secret)
  })

  it('opens a case by break glass until it expires, tells the chair at once, and marks every read', async () => {
    const notices = f.notices.length
    await expect(cases().breakGlass(f.who('outsider'), f.caseId, { reason: 'short' })).rejects.toThrow(
      /at least 10/,
    )
    await expect(
      cases().breakGlass(f.who('admin'), f.caseId, { reason: 'An administrator wants to look' }),
    ).rejects.toThrow(/permission/)
    await expect(
      cases().breakGlass(f.who('member'), f.caseId, { reason: 'Already a member, though' }),
    ).rejects.toThrow(/member of the panel/)
    const glass = await cases().breakGlass(f.who('outsider'), f.caseId, {
      reason: 'Victim at A&E out of hours',
    })
    expect(glass.expiresAt).toBe(new Date(f.clock.at.getTime() + 4 * 3_600_000).toISOString())
    expect(f.notices.slice(notices)).toEqual([
      expect.objectContaining({
        chairEmail: 'caseworker@test.example',
        caseId: f.caseId,
        panelName: 'Test MARAC',
      }),
    ])
    const alerts = await cases().breakGlassAlerts(f.who('chair').user)
    expect(alerts.map((a) => [a.caseId, a.openedBy, a.reason])).toEqual([
      [f.caseId, 'Test outsider', 'Victim at A&E out of hours'],
    ])
    expect(await cases().breakGlassAlerts(f.who('member').user)).toEqual([])
    const read = await cases().getCase(f.who('outsider'), f.caseId)
    expect(read).toMatchObject({
      access: 'break-glass',
      mayChange: false,
      nextStatuses: [],
      reasons: REASONS,
    })
    await expect(cases().moveCase(f.who('outsider'), f.caseId, { status: 'closed' })).rejects.toThrow(
      NotFoundError,
    )
    // Break glass opens one case, never a list.
    expect(await cases().listCases(f.who('outsider'))).toEqual([])
    const log = await cases().accessLog(f.who('chair'), f.caseId)
    expect(log[0]).toMatchObject({ who: 'outsider@test', action: 'Viewed', access: 'break-glass' })
    expect(log.some((e) => e.action === 'Broke the glass')).toBe(true)
    f.clock.advanceHours(4)
    await expect(cases().getCase(f.who('outsider'), f.caseId)).rejects.toThrow(NotFoundError)
    await cases().markBreakGlassSeen(f.who('chair'), glass.id)
    expect(await cases().breakGlassAlerts(f.who('chair').user)).toEqual([])
    await expect(cases().markBreakGlassSeen(f.who('member'), glass.id)).rejects.toThrow(NotFoundError)
  })

  it('stores no name, date of birth, address or note in the clear', async () => {
    const db = f.t.deps.database.db
    const rows = JSON.stringify([
      await db.selectFrom('case_subjects').selectAll().execute(),
      await db.selectFrom('case_subject_aliases').selectAll().execute(),
      await db.selectFrom('case_subject_addresses').selectAll().execute(),
      await db.selectFrom('case_referrals').selectAll().execute(),
      await db.selectFrom('case_break_glass').selectAll().execute(),
    ])
    for (const secret of [...SECRETS, 'Victim at A&E']) expect(rows).not.toContain(secret)
    expect(rows).toContain('c1.')
    if (dialect === 'sqlite') {
      // The file itself, WAL included, after a checkpoint writes the pages back.
      const path = f.t.deps.config.sqlitePath
      f.t.deps.database.sqlite?.pragma('wal_checkpoint(TRUNCATE)')
      const bytes = Buffer.concat([readFileSync(path)])
      expect(bytes.length).toBeGreaterThan(100_000)
      for (const secret of [...SECRETS, 'Victim at A&E', 'Adeline']) {
        expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)
        // Lower case too, where the word is long enough not to turn up by chance ("ada" is in "metadata").
        if (secret.length >= 6) expect(bytes.includes(Buffer.from(secret.toLowerCase())), secret).toBe(false)
      }
      // The panel's own name is not personal data, and shows the file was read.
      expect(bytes.includes(Buffer.from('Test MARAC'))).toBe(true)
    } else {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
      await client.connect()
      try {
        const schema = f.t.database.schema as string
        for (const table of [
          'case_subjects',
          'case_subject_aliases',
          'case_subject_addresses',
          'case_referrals',
          'case_break_glass',
          'audit_log',
        ]) {
          const { rows: raw } = await client.query(`select * from ${schema}.${table}`)
          expect(raw.length, table).toBeGreaterThan(0)
          const text = JSON.stringify(raw)
          for (const secret of [...SECRETS, 'Victim at A&E', 'Adeline'])
            expect(text, `${table}: ${secret}`).not.toContain(secret)
        }
      } finally {
        await client.end()
      }
    }
  })
})
