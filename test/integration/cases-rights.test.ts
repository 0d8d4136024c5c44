import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldCipher } from '../../src/modules/cases/protection/field-cipher.ts'
import { caseKey, caseKeyring } from '../../src/modules/cases/protection/keys.ts'
import { CASE_PARTS } from '../../src/modules/cases/rights/parts.ts'
import { subjectAccessDocx } from '../../src/modules/cases/rights/subject-access-docx.ts'
import { systemReader } from '../../src/modules/cases/rights/system-read.ts'
import { createCasesService } from '../../src/modules/cases/service.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/shared/errors.ts'
import { TEST_ACTOR, TEST_CASE_DATA_KEY } from '../helpers/app.ts'
import { type CasesFixture, casesFixture, PERPETRATOR, REASONS, RISK, VICTIM } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { openDocx } from '../helpers/docx.ts'

// The rights over case data on the real database: the subject access export and who may make it,
// rectification, reversible merges, retention deletion leaving only the audit trail (the tables
// read directly), and key rotation proven by reading every sealed column directly.

describe.each(DIALECTS)('rights over case data on %s', (dialect) => {
  let f: CasesFixture
  let victim: number
  let perpetrator: number
  const cases = () => f.t.deps.services.cases
  const db = () => f.t.deps.database.db
  const entries = async (action: string) => (await f.t.deps.services.audit.search({ action }, 1, 500)).rows

  beforeAll(async () => {
    f = await casesFixture(dialect)
    ;[victim, perpetrator] = (await cases().caseSubjects(f.caseId)) as [number, number]
  })
  afterAll(() => f.t.close())

  it('exports everything held about a subject to the panel chair, decrypted, with the access log', async () => {
    await cases().getCase(f.who('member'), f.caseId)
    const found = await cases().exportSubject(f.who('chair'), victim, { request: 'SAR-2026-014' })
    expect(found.subject).toMatchObject({
      id: victim,
      forename: VICTIM.forename,
      surname: VICTIM.surname,
      dateOfBirth: VICTIM.dateOfBirth,
      aliases: [{ forename: 'Adeline', surname: 'Inventedname' }],
      addresses: [{ address: '1 Nowhere Lane, Imaginary Town' }],
    })
    expect(found.referrals).toEqual([
      expect.objectContaining({
        caseId: f.caseId,
        panel: 'Test MARAC',
        role: 'Victim',
        reasons: REASONS,
        risk: RISK,
        consent: 'Refused',
        shareWithoutConsent: {
          reason: 'Serious risk of harm to the victim and the children',
          legalBasis: 'gdpr-6e-9g-para18',
        },
      }),
    ])
    // Another person on the case is not the requester's to receive.
    expect(JSON.stringify(found)).not.toContain(PERPETRATOR.surname)
    const log = found.accessLog.map((a) => `${a.who} ${a.action} ${a.about}`)
    expect(log).toContain(`member@test Referred case ${f.caseId}`)
    expect(log).toContain(`member@test Viewed case ${f.caseId}`)
    expect(log).toContain(`chair@test Exported for a subject access request subject ${victim}`)
    const text = openDocx(await subjectAccessDocx(found)).text
    for (const part of [
      VICTIM.surname,
      'Adeline Inventedname',
      '1 Nowhere Lane',
      REASONS,
      RISK,
      'SAR-2026-014',
    ])
      expect(text).toContain(part)
  })

  it('lets only the chair, the data protection officer and the command line’s named reader export', async () => {
    const request = { request: 'SAR-2026-015' }
    for (const who of ['member', 'outsider', 'manager'] as const)
      await expect(cases().exportSubject(f.who(who), victim, request)).rejects.toThrow(NotFoundError)
    await expect(cases().exportSubject({ actor: TEST_ACTOR, user: null }, victim, request)).rejects.toThrow(
      NotFoundError,
    )
    await expect(
      cases().exportSubject(systemReader(TEST_ACTOR, 'retention'), victim, request),
    ).rejects.toThrow(NotFoundError)
    // A forged reader, shaped like a real one, is refused: only one made by systemReader counts.
    await expect(
      cases().exportSubject(
        { actor: TEST_ACTOR, user: null, purpose: 'subject-access' } as never,
        victim,
        request,
      ),
    ).rejects.toThrow(NotFoundError)
    await expect(cases().exportSubject(f.who('chair'), victim, {})).rejects.toThrow(ValidationError)
    const dpo = await cases().exportSubject(f.who('admin'), victim, request)
    expect(dpo.referrals[0]?.reasons).toBe(REASONS)
    const system = await cases().exportSubject(systemReader(TEST_ACTOR, 'subject-access'), victim, request)
    expect(system.subject.surname).toBe(VICTIM.surname)
    const exports = (await entries('case.subject-access')).map((r) => JSON.parse(r.detail))
    expect(exports.map((d) => d.basis)).toEqual(
      expect.arrayContaining(['chair', 'data-protection', 'system']),
    )
    expect(exports.find((d) => d.basis === 'data-protection')).toMatchObject({
      outside_panel: true,
      request: 'SAR-2026-015',
    })
    const refused = await entries('case.refused')
    expect(
      refused.some((r) => r.actor === 'outsider@test' && JSON.parse(r.detail).wanted === 'subject-access'),
    ).toBe(true)
  })

  it('corrects a subject’s details as an audited edit, recording which fields changed and never their values', async () => {
    const before = await cases().subjectForEdit(f.who('member'), victim)
    await expect(cases().subjectForEdit(f.who('outsider'), victim)).rejects.toThrow(NotFoundError)
    await expect(cases().subjectForEdit(f.who('admin'), victim)).rejects.toThrow(NotFoundError)
    const changes = {
      forename: VICTIM.forename,
      surname: 'Fictionalle',
      dateOfBirth: VICTIM.dateOfBirth,
      gender: 'female',
      aliases: [{ forename: 'Adeline', surname: 'Inventedname' }],
      addresses: [{ address: '1 Nowhere Lane, Imaginary Town' }, { address: '9 Pretend Close, Faketown' }],
      version: before.version,
    }
    await expect(cases().updateSubjectDetails(f.who('outsider'), victim, changes)).rejects.toThrow(
      NotFoundError,
    )
    await expect(
      cases().updateSubjectDetails(f.who('member'), victim, { ...changes, dateOfBirth: '2999-01-01' }),
    ).rejects.toThrow(ValidationError)
    await cases().updateSubjectDetails(f.who('member'), victim, changes)
    await expect(
      cases().updateSubjectDetails(f.who('member'), victim, { ...changes, surname: 'X' }),
    ).rejects.toThrow(ConflictError)
    const after = await cases().subjectForEdit(f.who('member'), victim)
    expect(after).toMatchObject({ surname: 'Fictionalle', version: before.version + 1 })
    expect(after.addresses.map((a) => a.address)).toEqual([
      '1 Nowhere Lane, Imaginary Town',
      '9 Pretend Close, Faketown',
    ])
    const [entry] = await entries('case-subject.update')
    expect(JSON.parse(entry?.detail ?? '{}').after).toEqual({
      version: before.version + 1,
      surname: 'changed',
      addresses: 'changed',
    })
    expect(entry?.detail).not.toMatch(/Fictionalle|Pretend Close/)
    // Found by the new name: the blind index moved with it.
    const found = await cases().search(f.who('member'), {
      surname: 'Fictionalle',
      dateOfBirth: VICTIM.dateOfBirth,
    })
    expect(found.cases.map((c) => c.id)).toEqual([f.caseId])
    await cases().updateSubjectDetails(f.who('member'), victim, {
      ...changes,
      surname: VICTIM.surname,
      addresses: VICTIM.addresses,
      version: after.version,
    })
  })

  it('merges two records of one person, audited, and undoes the merge exactly', async () => {
    // A second referral in which the referrer said the match was a different person.
    const secondCase = await cases().submitReferral(f.who('member'), {
      panelId: f.panel,
      reasons: 'A second referral, thought to be someone else',
      risk: 'Unknown',
      consent: 'given',
      subjects: [{ ...VICTIM, aliases: [], addresses: [], matches: { [victim]: 'different' } }],
    })
    const [second] = (await cases().caseSubjects(secondCase)) as [number]
    expect(second).not.toBe(victim)
    const merge = { otherSubjectId: second, reason: 'Same date of birth and address, confirmed by the IDVA' }
    await expect(cases().mergeSubjects(f.who('outsider'), victim, merge)).rejects.toThrow(NotFoundError)
    await expect(cases().mergeSubjects(f.who('admin'), victim, merge)).rejects.toThrow(NotFoundError)
    await expect(
      cases().mergeSubjects(f.who('member'), victim, { ...merge, otherSubjectId: perpetrator }),
    ).rejects.toThrow(/two people/)
    await expect(
      cases().mergeSubjects(f.who('member'), victim, { ...merge, reason: 'short' }),
    ).rejects.toThrow(ValidationError)
    const links = () =>
      db()
        .selectFrom('case_referral_subjects')
        .select(['id', 'referral_id', 'subject_id'])
        .orderBy('id')
        .execute()
    const before = await links()
    const mergeId = await cases().mergeSubjects(f.who('member'), victim, merge)
    const merged = await links()
    expect(merged.find((l) => l.referral_id === secondCase)?.subject_id).toBe(victim)
    const row = await db()
      .selectFrom('case_subjects')
      .select('merged_into_subject_id')
      .where('id', '=', second)
      .executeTakeFirst()
    expect(row?.merged_into_subject_id).toBe(victim)
    // One person now: both cases under the one kept, the merged record kept beside it.
    const exported = await cases().exportSubject(f.who('chair'), victim, { request: 'SAR-merge' })
    expect(exported.referrals.map((r) => r.caseId).sort()).toEqual([f.caseId, secondCase].sort())
    expect(exported.mergedRecords.map((m) => m.id)).toEqual([second])
    expect((await cases().subjectMerges(f.who('member'), victim)).merges).toEqual([
      expect.objectContaining({ id: mergeId, mergedSubjectId: second, reason: merge.reason, undoneAt: null }),
    ])
    await expect(cases().unmergeSubjects(f.who('outsider'), mergeId)).rejects.toThrow(NotFoundError)
    await cases().unmergeSubjects(f.who('member'), mergeId)
    expect(await links()).toEqual(before)
    const again = await db()
      .selectFrom('case_subjects')
      .select('merged_into_subject_id')
      .where('id', '=', second)
      .executeTakeFirst()
    expect(again?.merged_into_subject_id).toBeNull()
    await expect(cases().unmergeSubjects(f.who('member'), mergeId)).rejects.toThrow(NotFoundError)
    expect((await entries('case-subject.merge')).length).toBe(1)
    expect((await entries('case-subject.unmerge')).length).toBe(1)
    expect(JSON.stringify(await entries('case-subject.merge'))).not.toContain('IDVA')
  })

  it('lists closed cases past retention without content, and deletes one leaving only the audit trail', async () => {
    // A closed case naming a new victim and the perpetrator, who is also on the first case.
    const closing = await cases().submitReferral(f.who('member'), {
      panelId: f.panel,
      referredOn: '2026-05-10',
      reasons: 'Retention reasons: Zebedee Gonesoon threatened',
      risk: 'Retention risk',
      consent: 'given',
      subjects: [
        {
          role: 'victim',
          forename: 'Zebedee',
          surname: 'Gonesoon',
          dateOfBirth: '1979-01-01',
          gender: 'male',
          aliases: [{ forename: 'Zeb', surname: 'Gonesoon' }],
          addresses: [{ address: '4 Vanishing Street, Nowhereton' }],
        },
        { ...PERPETRATOR, matches: { [perpetrator]: 'same' } },
      ],
    })
    const [gone] = (await cases().caseSubjects(closing)) as [number]
    await cases().moveCase(f.who('member'), closing, { status: 'accepted', on: '2026-05-11' })
    await cases().moveCase(f.who('member'), closing, { status: 'heard', on: '2026-05-13' })
    await cases().moveCase(f.who('member'), closing, { status: 'closed', on: '2026-05-20' })
    expect(await cases().retentionDue(f.who('chair'))).toEqual([])
    f.clock.at = new Date('2032-05-20T09:00:00Z')
    const due = [
      {
        caseId: closing,
        panelId: f.panel,
        panelName: 'Test MARAC',
        closedOn: '2026-05-20',
        dueOn: '2032-05-20',
      },
    ]
    expect(await cases().retentionDue(f.who('chair'))).toEqual(due)
    expect(await cases().retentionDue(f.who('admin'))).toEqual(due)
    expect(await cases().retentionDue(systemReader(TEST_ACTOR, 'retention'))).toEqual(due)
    expect(await cases().retentionDue(f.who('member'))).toEqual([])
    expect(await cases().retentionDue(f.who('outsider'))).toEqual([])
    await expect(cases().retentionDue({ actor: TEST_ACTOR, user: null })).rejects.toThrow(ForbiddenError)
    await expect(cases().deleteUnderRetention(f.who('member'), closing)).rejects.toThrow(NotFoundError)
    await expect(cases().deleteUnderRetention(f.who('chair'), f.caseId)).rejects.toThrow(NotFoundError)

    await cases().deleteUnderRetention(f.who('chair'), closing)
    const count = async (
      table: 'case_referrals' | 'case_break_glass' | 'case_match_decisions' | 'case_referral_subjects',
      column: 'id' | 'referral_id',
    ) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where(column, '=', closing)
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await count('case_referrals', 'id')).toBe(0)
    for (const table of ['case_break_glass', 'case_match_decisions', 'case_referral_subjects'] as const)
      expect(await count(table, 'referral_id')).toBe(0)
    const subjectRows = async (id: number) => ({
      subjects: (await db().selectFrom('case_subjects').select('id').where('id', '=', id).execute()).length,
      aliases: (
        await db().selectFrom('case_subject_aliases').select('id').where('subject_id', '=', id).execute()
      ).length,
      addresses: (
        await db().selectFrom('case_subject_addresses').select('id').where('subject_id', '=', id).execute()
      ).length,
      decisions: (
        await db()
          .selectFrom('case_match_decisions')
          .select('id')
          .where((eb) => eb.or([eb('subject_id', '=', id), eb('candidate_subject_id', '=', id)]))
          .execute()
      ).length,
    })
    expect(await subjectRows(gone)).toEqual({ subjects: 0, aliases: 0, addresses: 0, decisions: 0 })
    // The perpetrator is named on another case, so stays.
    expect((await subjectRows(perpetrator)).subjects).toBe(1)
    const [deleted] = await entries('case.retention-delete')
    expect(JSON.parse(deleted?.detail ?? '{}')).toMatchObject({
      message: `case ${closing} deleted under retention by chair@test`,
      subjects_deleted: 1,
    })
    expect(deleted?.entity_id).toBe(String(closing))
    // The audit trail of the case remains, with no personal data in it.
    const trail = (
      await f.t.deps.services.audit.search({ entityType: 'case', entityId: String(closing) }, 1, 100)
    ).rows
    expect(trail.map((r) => r.action)).toEqual(
      expect.arrayContaining(['case.create', 'case.status', 'case.retention-delete']),
    )
    expect(JSON.stringify(trail)).not.toMatch(/Zebedee|Gonesoon|Vanishing|Retention reasons/)
    expect(await f.t.deps.services.audit.verify()).toMatchObject({ ok: true })
    f.clock.at = new Date('2026-06-01T09:00:00Z')
  })

  it('lets break glass read, but neither correct, merge nor export', async () => {
    await cases().breakGlass(f.who('outsider'), f.caseId, {
      reason: 'Victim at A&E, the chair cannot be reached',
    })
    expect((await cases().getCase(f.who('outsider'), f.caseId)).access).toBe('break-glass')
    await expect(cases().subjectForEdit(f.who('outsider'), victim)).rejects.toThrow(NotFoundError)
    await expect(cases().subjectMerges(f.who('outsider'), victim)).rejects.toThrow(NotFoundError)
    await expect(cases().exportSubject(f.who('outsider'), victim, { request: 'SAR-glass' })).rejects.toThrow(
      NotFoundError,
    )
    expect(await cases().mayExportSubject(f.who('outsider'), victim)).toBe(false)
    expect(await cases().mayChangeSubjectDetails(f.who('outsider'), victim)).toBe(false)
    expect(await cases().mayChangeSubjectDetails(f.who('member'), victim)).toBe(true)
  })

  // Every table, not only case_ ones: a part may keep its own (IOM's iom_ tables).
  it('names every sealed column in the database in some part, so key rotation misses none', async () => {
    // PostgreSQL's catalogue lists every schema's tables: other test files run in schemas of their own.
    const schema =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db())).rows[0]?.s
        : undefined
    const tables = await db().introspection.getTables()
    const sealed = tables
      .filter((t) => schema === undefined || t.schema === schema)
      .flatMap((t) => t.columns.filter((c) => c.name.endsWith('_sealed')).map((c) => `${t.name}.${c.name}`))
      .sort()
    const named = CASE_PARTS.flatMap((p) => p.sealed.map((s) => `${s.table}.${s.column}`)).sort()
    expect(named).toEqual(sealed)
  })

  it('re-encrypts every sealed value under a new key in one transaction, and reads on under the new key alone', async () => {
    const newKey = randomBytes(32).toString('base64')
    const oldId = caseKey(TEST_CASE_DATA_KEY).id
    const newId = caseKey(newKey).id
    const { config } = f.t.deps
    const services = f.t.deps.services
    const withKeys = (caseDataKey: string, caseDataKeyPrevious: string[]) =>
      createCasesService(
        db(),
        { ...config, caseDataKey, caseDataKeyPrevious },
        services.audit,
        services.users,
        services.partners,
        {
          now: () => f.clock.at,
          notifyChair: async () => undefined,
        },
      )
    const sealedValues = async () => {
      const out: string[] = []
      for (const field of CASE_PARTS.flatMap((p) => p.sealed)) {
        const { rows } = await sql<{
          v: string
        }>`select ${sql.ref(field.column)} as v from ${sql.table(field.table)} where ${sql.ref(field.column)} is not null`.execute(
          db(),
        )
        out.push(...rows.map((r) => r.v))
      }
      return out
    }
    const indexes = async () =>
      (await db().selectFrom('case_subjects').select(['id', 'name_dob_index']).orderBy('id').execute()).map(
        (r) => r.name_dob_index,
      )
    const oldValues = await sealedValues()
    const oldIndexes = await indexes()
    expect(oldValues.length).toBeGreaterThan(10)
    expect(oldValues.every((v) => v.startsWith(`c1.${oldId}.`))).toBe(true)

    const rotating = withKeys(newKey, [TEST_CASE_DATA_KEY])
    await expect(rotating.rotateKey(f.who('admin'))).rejects.toThrow(ForbiddenError)
    await expect(rotating.rotateKey(systemReader(TEST_ACTOR, 'retention'))).rejects.toThrow(ForbiddenError)

    // A value under a key not given stops the run, and nothing is changed: one transaction.
    const strayValue = fieldCipher(caseKeyring(randomBytes(32).toString('hex'))).seal(
      'break-glass.reason',
      'stray',
    )
    const glass = await cases().breakGlass(f.who('outsider'), f.caseId, {
      reason: 'A break glass to hold a stray value',
    })
    const [glassRow] = await db()
      .selectFrom('case_break_glass')
      .select('reason_sealed')
      .where('id', '=', glass.id)
      .execute()
    await db()
      .updateTable('case_break_glass')
      .set({ reason_sealed: strayValue })
      .where('id', '=', glass.id)
      .execute()
    await expect(rotating.rotateKey(systemReader(TEST_ACTOR, 'key-rotation'))).rejects.toThrow(
      /not CASE_DATA_KEY/,
    )
    expect((await sealedValues()).filter((v) => v.startsWith(`c1.${newId}.`))).toEqual([])
    expect(await indexes()).toEqual(oldIndexes)
    await db()
      .updateTable('case_break_glass')
      .set({ reason_sealed: glassRow?.reason_sealed as string })
      .where('id', '=', glass.id)
      .execute()

    const result = await rotating.rotateKey(systemReader(TEST_ACTOR, 'key-rotation'))
    const total = Object.values(result.reencrypted).reduce((a, b) => a + b, 0)
    expect(result).toMatchObject({ keyId: newId, alreadyCurrent: 0 })
    expect(total).toBe(oldValues.length + 1)
    expect(result.blindIndexesChanged).toBeGreaterThan(0)

    // Read directly: every old ciphertext is gone, every value is under the new key, the indexes changed.
    const newValues = await sealedValues()
    expect(newValues.every((v) => v.startsWith(`c1.${newId}.`))).toBe(true)
    expect(newValues.filter((v) => oldValues.includes(v))).toEqual([])
    const newIndexes = await indexes()
    expect(newIndexes.filter((i) => oldIndexes.includes(i))).toEqual([])

    // The new key alone reads everything and finds people by the recomputed index.
    const after = withKeys(newKey, [])
    expect(await after.getCase(f.who('member'), f.caseId)).toMatchObject({ reasons: REASONS, risk: RISK })
    expect(
      (await after.exportSubject(f.who('chair'), victim, { request: 'after rotation' })).subject.aliases,
    ).toEqual([{ forename: 'Adeline', surname: 'Inventedname' }])
    const found = await after.search(f.who('member'), {
      surname: 'Inventedname',
      dateOfBirth: VICTIM.dateOfBirth,
    })
    expect(found.cases.map((c) => c.id)).toContain(f.caseId)
    // The old key alone reads nothing now.
    await expect(withKeys(TEST_CASE_DATA_KEY, []).getCase(f.who('member'), f.caseId)).rejects.toThrow(
      /not CASE_DATA_KEY/,
    )

    // Run again: nothing left to do.
    const second = await rotating.rotateKey(systemReader(TEST_ACTOR, 'key-rotation'))
    expect(Object.values(second.reencrypted).every((n) => n === 0)).toBe(true)
    expect(second).toMatchObject({ alreadyCurrent: newValues.length, blindIndexesChanged: 0 })
    const [audited] = await entries('case.rotate-key')
    expect(JSON.parse(audited?.detail ?? '{}')).toMatchObject({ to: newId })
    expect((await entries('case.rotate-key')).map((r) => JSON.parse(r.detail).from)).toContainEqual([oldId])
  })
})
