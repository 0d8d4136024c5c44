import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/shared/errors.ts'
import { cohortEligibility } from '../../src/modules/cases/rules/iom-cohorts.ts'
import {
  DEFAULT_IOM_MATRIX,
  type IomOffence,
  rankIomCandidates,
  scoreIomOffending,
} from '../../src/modules/cases/rules/iom-score.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { IOM_SOURCE_NOTE, type IomFixture, iomFixture } from '../helpers/iom.ts'

// IOM on the real database: offences recorded on people referred to an IOM panel, their scores and
// the ranking as the pure rules compute them from the same offences, the panel's own matrix, accept
// and reject with reasons, cohort selection with eligibility, pathways with old and new in the audit
// log, de-selection, and need to know in the service: members change, break glass reads one person,
// nobody else sees anything; free text never stored or logged in the clear.

describe.each(DIALECTS)('Integrated Offender Management on %s', (dialect) => {
  let f: CasesFixture
  let iom: IomFixture
  const cases = () => f.t.deps.services.cases
  const db = () => f.t.deps.database.db
  const entries = async (action: string, entityType: string) =>
    (await f.t.deps.services.audit.search({ action, entityType }, 1, 500)).rows

  /** The offences as stored, read straight from the table: what the rules must score. */
  async function offencesOf(subject: number): Promise<IomOffence[]> {
    const rows = await db().selectFrom('iom_offences').selectAll().where('subject_id', '=', subject).execute()
    return rows.map((r) => ({
      date: r.offence_date,
      group: r.offence_group,
      ...(r.home_office_code ? { homeOfficeCode: r.home_office_code } : {}),
    }))
  }

  beforeAll(async () => {
    f = await casesFixture(dialect)
    iom = await iomFixture(f)
  })
  afterAll(() => f.t.close())

  it('scores a person from their recorded offences exactly as the rule does, with its breakdown', async () => {
    const { burgla } = iom.people
    const record = await cases().subjectIom(f.who('member'), iom.panel, burgla)
    const expected = scoreIomOffending(await offencesOf(burgla), iom.today, DEFAULT_IOM_MATRIX)
    expect(record.score).toEqual(expected)
    expect(record.score.offencesInWindow).toBe(2)
    expect(record.score.offences.reduce((s, c) => s + c.total, 0)).toBe(record.score.total)
    expect(record.offences.map((o) => o.sourceNote)).toContain(IOM_SOURCE_NOTE)
    expect(record.name).toBe('Burgla Inventson')
    expect(await cases().iomScore(f.who('chair'), iom.panel, burgla)).toEqual(expected)
  })

  it('refuses an offence group the matrix does not know, a future date and a bad Home Office code', async () => {
    const bad = (input: Record<string, string>) =>
      cases().recordOffence(f.who('member'), iom.panel, iom.people.quiet, input)
    await expect(bad({ date: iom.ago(1), group: 'littering' })).rejects.toThrow(ValidationError)
    await expect(bad({ date: '2099-01-01', group: 'other' })).rejects.toThrow(ValidationError)
    await expect(bad({ date: iom.ago(1), group: 'other', homeOfficeCode: 'burglary' })).rejects.toThrow(
      ValidationError,
    )
    expect(await offencesOf(iom.people.quiet)).toEqual([])
  })

  it('ranks the offenders on the panel’s cases as the rule does, and never the victim', async () => {
    const { candidates } = await cases().iomCandidates(f.who('member'), iom.panel)
    const { burgla, vio, drugsy, quiet, victim } = iom.people
    const expected = rankIomCandidates(
      await Promise.all(
        [burgla, vio, drugsy, quiet].map(async (id) => ({
          subjectId: String(id).padStart(10, '0'),
          score: scoreIomOffending(await offencesOf(id), iom.today),
        })),
      ),
    ).map((c) => Number(c.subjectId))
    expect(candidates.map((c) => c.subjectId)).toEqual(expected)
    expect(candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4])
    expect(candidates.map((c) => c.subjectId)).not.toContain(victim)
  })

  it('lets those who set panels up, not the chair or a member, set the panel’s matrix, and ranks by it', async () => {
    const current = await cases().iomSettings(iom.panel)
    expect(current.version).toBeNull()
    const heavier = {
      ...current.matrix,
      groups: current.matrix.groups.map((g) => (g.id === 'violence' ? { ...g, priority: 20 } : g)),
      eligibilityMonths: 12,
    }
    for (const user of ['member', 'chair'] as const)
      await expect(cases().updateIomSettings(f.who(user), iom.panel, heavier)).rejects.toThrow(ForbiddenError)
    await expect(
      cases().updateIomSettings(f.who('manager'), iom.panel, { ...heavier, fallbackGroup: 'nothing' }),
    ).rejects.toThrow(ValidationError)
    const saved = await cases().updateIomSettings(f.who('manager'), iom.panel, heavier)
    expect(saved.version).toBe(1)
    const { candidates } = await cases().iomCandidates(f.who('member'), iom.panel)
    expect(candidates[0]?.subjectId).toBe(iom.people.vio)
    expect(candidates[0]?.score).toEqual(
      scoreIomOffending(await offencesOf(iom.people.vio), iom.today, saved.matrix),
    )
    // A stale version is refused, and the defaults come back with the old weights.
    await expect(
      cases().updateIomSettings(f.who('manager'), iom.panel, { ...heavier, version: 5 }),
    ).rejects.toThrow(ConflictError)
    await cases().updateIomSettings(f.who('admin'), iom.panel, {
      ...DEFAULT_IOM_MATRIX,
      eligibilityMonths: 12,
      version: 1,
    })
    const audit = await entries('iom-settings.update', 'case-panel')
    expect(audit).toHaveLength(2)
    expect(JSON.parse(audit[1]?.detail ?? audit[0]?.detail ?? '{}')).toHaveProperty('before.matrix')
  })

  it('records a rejection with its reason, and brings the person back when an offence is recorded after it', async () => {
    const { drugsy } = iom.people
    await cases().decideCandidate(f.who('member'), iom.panel, drugsy, {
      decision: 'rejected',
      reason: 'Drug use alone: referred to treatment instead',
    })
    let found = await cases().iomCandidates(f.who('member'), iom.panel)
    expect(found.candidates.map((c) => c.subjectId)).not.toContain(drugsy)
    expect(found.rejected.map((c) => c.decision?.reason)).toEqual([
      'Drug use alone: referred to treatment instead',
    ])
    f.clock.advanceHours(1)
    await cases().recordOffence(f.who('member'), iom.panel, drugsy, { date: iom.today, group: 'burglary' })
    found = await cases().iomCandidates(f.who('member'), iom.panel)
    expect(found.candidates.find((c) => c.subjectId === drugsy)?.decision?.decision).toBe('rejected')
    expect(found.rejected).toEqual([])
    const [logged] = await entries('iom-candidate.reject', 'iom-decision')
    expect(logged?.detail).toContain('"reason_sealed":"written"')
    expect(logged?.detail).not.toContain('treatment instead')
  })

  it('selects into a cohort only where the person is eligible, once at a time', async () => {
    const { burgla, vio } = iom.people
    const select = (subject: number, cohort: string) =>
      cases().selectIntoCohort(f.who('member'), iom.panel, subject, {
        cohort,
        selectedOn: iom.ago(0),
        selectionReason: 'Agreed at the monthly panel',
      })
    const offences = await offencesOf(vio)
    const fixed = cohortEligibility('fixed', offences, iom.today)
    expect(fixed.eligible).toBe(false)
    await expect(select(vio, 'fixed')).rejects.toThrow(
      new ValidationError({ cohort: `Not eligible: ${fixed.reason}` }),
    )
    await cases().decideCandidate(f.who('member'), iom.panel, burgla, {
      decision: 'accepted',
      reason: 'Top score',
    })
    await select(burgla, 'fixed')
    await expect(select(burgla, 'flex')).rejects.toThrow(ValidationError)
    await select(vio, 'free')
    const { candidates } = await cases().iomCandidates(f.who('member'), iom.panel)
    expect(candidates.map((c) => c.subjectId)).not.toContain(burgla)
  })

  it('records pathways with old and new in the audit log, the note only as changed', async () => {
    const { burgla } = iom.people
    const save = (need: string, progress: string | undefined, note: string) =>
      cases().savePathway(f.who('member'), iom.panel, burgla, {
        pathway: 'accommodation',
        need,
        progress,
        reviewedOn: iom.today,
        note,
      })
    await expect(save('none', 'in-progress', 'x')).rejects.toThrow(ValidationError)
    await expect(save('high', undefined, 'x')).rejects.toThrow(ValidationError)
    await save('high', 'not-started', 'Sofa surfing at a cousin’s flat')
    await save('medium', 'in-progress', 'Hostel place offered')
    const [update] = await entries('iom-pathway.update', 'iom-pathway')
    const detail = JSON.parse(update?.detail ?? '{}')
    expect(detail.before).toMatchObject({ need: 'high', progress: 'not-started' })
    expect(detail.after).toMatchObject({ need: 'medium', progress: 'in-progress', note_sealed: 'changed' })
    expect(update?.detail).not.toContain('Hostel')
    const record = await cases().subjectIom(f.who('member'), iom.panel, burgla)
    expect(record.pathways).toEqual([
      expect.objectContaining({ pathway: 'accommodation', need: 'medium', note: 'Hostel place offered' }),
    ])
  })

  it('shows the cohort board by type with scores, pathways and days on the cohort, and de-selects', async () => {
    const { burgla, vio } = iom.people
    f.clock.advanceHours(24 * 10)
    const board = await cases().cohortBoard(f.who('chair'), iom.panel)
    const fixed = board.cohorts.find((c) => c.cohort === 'fixed')?.people ?? []
    expect(fixed.map((p) => p.subjectId)).toEqual([burgla])
    expect(fixed[0]?.membership.daysOnCohort).toBe(10)
    expect(fixed[0]?.pathways.map((p) => p.need)).toEqual(['medium'])
    expect(fixed[0]?.score).toEqual(scoreIomOffending(await offencesOf(burgla), board.asOf))
    expect(board.cohorts.find((c) => c.cohort === 'free')?.people.map((p) => p.subjectId)).toEqual([vio])
    const version = fixed[0]?.membership.version as number
    const leave = {
      deselectedOn: board.asOf,
      deselectionReason: 'long-custodial-sentence',
      deselectionNote: 'Sentenced to four years',
    }
    await expect(
      cases().deselectFromCohort(f.who('member'), iom.panel, burgla, { ...leave, version: version + 1 }),
    ).rejects.toThrow(ConflictError)
    await cases().deselectFromCohort(f.who('member'), iom.panel, burgla, { ...leave, version })
    const after = await cases().cohortBoard(f.who('member'), iom.panel)
    expect(after.cohorts.find((c) => c.cohort === 'fixed')?.people).toEqual([])
    const record = await cases().subjectIom(f.who('member'), iom.panel, burgla)
    expect(record.current).toBeNull()
    expect(record.memberships[0]).toMatchObject({
      deselectionNote: 'Sentenced to four years',
      daysOnCohort: 10,
    })
  })

  it('refuses everyone but members, logs each refusal, and lets break glass read one person only', async () => {
    const { vio } = iom.people
    for (const user of ['outsider', 'admin', 'manager'] as const) {
      await expect(cases().cohortBoard(f.who(user), iom.panel)).rejects.toThrow(NotFoundError)
      await expect(cases().iomCandidates(f.who(user), iom.panel)).rejects.toThrow(NotFoundError)
      await expect(cases().subjectIom(f.who(user), iom.panel, vio)).rejects.toThrow(NotFoundError)
      await expect(
        cases().recordOffence(f.who(user), iom.panel, vio, { date: iom.today, group: 'other' }),
      ).rejects.toThrow(NotFoundError)
    }
    // A person not on the panel, and a panel that is not an IOM panel, are "not found" to members too.
    await expect(
      cases().subjectIom(f.who('member'), iom.panel, (await cases().caseSubjects(f.caseId))[0] as number),
    ).rejects.toThrow(NotFoundError)
    await expect(cases().cohortBoard(f.who('member'), f.panel)).rejects.toThrow(NotFoundError)
    expect((await entries('case.refused', 'iom-panel')).length).toBeGreaterThanOrEqual(6)
    expect((await entries('case.refused', 'iom-subject')).length).toBeGreaterThanOrEqual(7)

    const glass = await cases().breakGlass(f.who('outsider'), iom.caseId, {
      reason: 'Arrested tonight; custody need his IOM status',
    })
    const read = await cases().subjectIom(f.who('outsider'), iom.panel, vio)
    expect(read).toMatchObject({ access: 'break-glass', mayChange: false })
    await expect(cases().cohortBoard(f.who('outsider'), iom.panel)).rejects.toThrow(NotFoundError)
    await expect(
      cases().savePathway(f.who('outsider'), iom.panel, vio, {
        pathway: 'family',
        need: 'none',
        reviewedOn: iom.today,
      }),
    ).rejects.toThrow(NotFoundError)
    const viewed = await entries('viewed', 'iom-subject')
    expect(viewed.some((e) => JSON.parse(e.detail).break_glass === glass.id)).toBe(true)
    f.clock.advanceHours(5)
    await expect(cases().subjectIom(f.who('outsider'), iom.panel, vio)).rejects.toThrow(NotFoundError)
    expect((await entries('viewed', 'iom-board')).length).toBeGreaterThan(0)
    expect(await f.t.deps.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('keeps free text sealed: only dates, groups, codes and levels are stored in the clear', async () => {
    const rows = JSON.stringify([
      await db().selectFrom('iom_offences').selectAll().execute(),
      await db().selectFrom('iom_candidate_decisions').selectAll().execute(),
      await db().selectFrom('iom_cohort_memberships').selectAll().execute(),
      await db().selectFrom('iom_pathways').selectAll().execute(),
    ])
    for (const secret of [
      'PNC print',
      'treatment instead',
      'Agreed at the monthly',
      'Hostel',
      'four years',
      'Top score',
    ])
      expect(rows).not.toContain(secret)
    for (const clear of ['28/1', 'burglary', 'accommodation', 'fixed', 'long-custodial-sentence'])
      expect(rows).toContain(clear)
  })
})
