import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/shared/errors.ts'
import { apiTokenFor, countRows, TEST_ACTOR } from '../helpers/app.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { docxText } from '../helpers/docx.ts'
import { Browser } from '../helpers/session.ts'

// Taskings against a risk panel's cohort, on the real database with the real case encryption: the
// tasking keeps subject ids only; every page, API answer and document that could name a cohort's
// people names them only to members of that panel, and shows anyone else (an administrator, the
// analyst, another panel's member, the command line) stable per-panel pseudonyms; each read is
// audited; someone signed out gets nothing.

const ADA = 'Ada Fictional'
const BRAM = 'Bram Madeup'
const CAL = 'Cal Invented'
const PSEUDONYM = /Cohort member C-[0-9A-F]{4}/g

describe.each(DIALECTS)('taskings against a cohort on %s', (dialect) => {
  let f: CasesFixture
  let meetingId: number
  let knifePanel: number
  let whole: number
  let some: number
  let ada: number
  let bram: number
  const operator = { actor: TEST_ACTOR, user: null }
  const t = () => f.t
  const tasking = () => f.t.deps.services.tasking
  const cohortReads = async () =>
    (
      await t()
        .deps.database.db.selectFrom('audit_log')
        .select(['entity_id', 'detail'])
        .where('action', '=', 'viewed')
        .where('entity_type', '=', 'case-cohort')
        .orderBy('id')
        .execute()
    ).map((r) => ({
      panel: Number(r.entity_id),
      ...(JSON.parse(String(r.detail)) as { named: boolean; path: string }),
    }))
  const browserFor = async (email: string | null) => {
    const b = new Browser(t().app)
    if (email) await b.signIn(email)
    return b
  }
  const api = async (role: Parameters<typeof apiTokenFor>[1], url: string) =>
    t().app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${await apiTokenFor(t(), role)}` },
    })

  beforeAll(async () => {
    f = await casesFixture(dialect)
    const cases = f.t.deps.services.cases
    await cases.moveCase(f.who('member'), f.caseId, { status: 'accepted', on: '2026-05-06' })
    ;[ada, bram] = (await cases.caseSubjects(f.caseId)) as [number, number]
    // A second panel, chaired by the partnership manager, whose cohort names someone else.
    knifePanel = await cases.createPanel(f.who('admin'), {
      name: 'Knife crime panel',
      type: 'other',
      termsOfReference: 'Young people at risk from knife crime',
      chairUserId: f.ids.manager,
      cadence: 'monthly',
      isaParties: ['Test Council'],
      isaLegalBasis: 'gdpr-6e-9g-para18',
      isaReviewDate: '2027-01-31',
    })
    const knifeCase = await cases.submitReferral(f.who('manager'), {
      panelId: knifePanel,
      reasons: 'Carrying a blade',
      risk: 'Threats on social media',
      consent: 'given',
      referredOn: '2026-05-04',
      subjects: [
        { role: 'victim', forename: 'Cal', surname: 'Invented', dateOfBirth: '2009-02-03', gender: 'male' },
      ],
    })
    await cases.moveCase(f.who('manager'), knifeCase, { status: 'accepted', on: '2026-05-05' })

    meetingId = await tasking().scheduleMeeting(operator, { month: '2026-05', meetingDate: '2026-06-09' })
    const base = {
      organisationId: f.t.organisationId,
      placeKind: 'cohort',
      action: 'Joint visit by the youth offending team and the police',
      expectedResult: 'Each seen and a safety plan agreed',
      dueDate: '2026-06-30',
    }
    const analyst = { actor: TEST_ACTOR, user: { role: 'analyst' as const } }
    whole = await tasking().raiseTasking(analyst, meetingId, { ...base, cohortPanelId: f.panel })
    some = await tasking().raiseTasking(analyst, meetingId, {
      ...base,
      cohortPanelId: f.panel,
      cohortSubjectIds: [bram],
    })
    await tasking().raiseTasking(analyst, meetingId, { ...base, cohortPanelId: knifePanel })
    // A briefing snapshot kept with the meeting, so the Word document can be downloaded.
    await f.t.deps.database.db
      .insertInto('tasking_briefings')
      .values({
        meeting_id: meetingId,
        generated_at: '2026-06-01T09:00:00Z',
        figures: JSON.stringify(FIGURES),
      })
      .execute()
  })
  afterAll(() => f?.t.close())

  it('keeps only the panel’s and subjects’ ids, and refuses people outside the open cases', async () => {
    const db = t().deps.database.db
    const kept = await db
      .selectFrom('tasking_cohort_subjects')
      .select(['tasking_id', 'subject_id'])
      .orderBy('id')
      .execute()
    expect(kept.filter((k) => k.tasking_id === whole).map((k) => k.subject_id)).toEqual([ada, bram])
    expect(kept.filter((k) => k.tasking_id === some).map((k) => k.subject_id)).toEqual([bram])
    const rows = JSON.stringify([
      await db.selectFrom('taskings').selectAll().execute(),
      await db.selectFrom('tasking_cohorts').selectAll().execute(),
      await db.selectFrom('audit_log').select(['detail']).execute(),
    ])
    for (const name of ['Ada', 'Fictional', 'Bram', 'Madeup', 'Cal', 'Invented'])
      expect(rows).not.toContain(name)
    expect((await tasking().getTasking(whole)).place).toMatchObject({ kind: 'cohort', name: 'Test MARAC' })

    const before = await countRows(t(), 'taskings')
    const outside = await tasking()
      .raiseTasking(operator, meetingId, {
        organisationId: t().organisationId,
        placeKind: 'cohort',
        cohortPanelId: f.panel,
        cohortSubjectIds: [ada + 1000],
        action: 'x',
        expectedResult: 'y',
        dueDate: '2026-06-30',
      })
      .catch((e: unknown) => e)
    expect((outside as ValidationError).fieldErrors).toEqual({
      cohortSubjectIds: 'Choose people from the panel’s cohort',
    })
    const noPanel = await tasking()
      .raiseTasking(operator, meetingId, {
        organisationId: t().organisationId,
        placeKind: 'cohort',
        cohortPanelId: 9999,
        action: 'x',
        expectedResult: 'y',
        dueDate: '2026-06-30',
      })
      .catch((e: unknown) => e)
    expect(noPanel).toBeInstanceOf(ValidationError)
    expect(await countRows(t(), 'taskings')).toBe(before)
  })

  it('names the cohort on the meeting page to the panel’s members only, and audits every read', async () => {
    const pages: Record<string, string> = {}
    for (const [who, email] of [
      ['chair', 'caseworker@test.example'],
      ['member', 'lead@test.example'],
      ['outsider', 'outsider@test.example'],
      ['admin', 'admin@test.example'],
      ['manager', 'partnership-manager@test.example'],
    ] as const) {
      const page = await (await browserFor(email)).get(`/tasking/meetings/${meetingId}`)
      expect(page.statusCode, who).toBe(200)
      pages[who] = page.body
    }
    for (const member of ['chair', 'member']) {
      expect(pages[member]).toContain(`${ADA}; ${BRAM}`)
      // Not a member of the knife crime panel: its cohort is a pseudonym even to them.
      expect(pages[member]).not.toContain(CAL)
    }
    for (const other of ['outsider', 'admin']) {
      for (const name of [ADA, BRAM, CAL]) expect(pages[other]).not.toContain(name)
      expect(pages[other]?.match(PSEUDONYM)?.length).toBe(4)
    }
    expect(pages.manager).toContain(CAL)
    expect(pages.manager).not.toContain(ADA)
    // Stable: the same person has the same pseudonym for every outsider, on every page.
    expect(pages.outsider?.match(PSEUDONYM)).toEqual(pages.admin?.match(PSEUDONYM))
    // Each page read both Test MARAC taskings' cohorts and the knife crime panel's: three audited reads.
    const reads = await cohortReads()
    expect(reads).toHaveLength(15)
    expect(reads.filter((r) => r.named).map((r) => r.panel)).toEqual([
      f.panel,
      f.panel,
      f.panel,
      f.panel,
      knifePanel,
    ])
    expect(reads.every((r) => r.path === `/tasking/meetings/${meetingId}`)).toBe(true)

    const signedOut = await (await browserFor(null)).get(`/tasking/meetings/${meetingId}`)
    expect(signedOut.statusCode).toBe(302)
    expect(signedOut.body).not.toContain(ADA)
    expect(await cohortReads()).toHaveLength(15)
  })

  it('follows the same rule in the Word document, for each reader and the command line', async () => {
    const member = await (await browserFor('lead@test.example')).get(
      `/tasking/meetings/${meetingId}/briefing.docx`,
    )
    expect(member.statusCode).toBe(200)
    expect(docxText(member.rawPayload)).toContain(`Cohort of Test MARAC: ${ADA}; ${BRAM}`)
    const admin = await (await browserFor('admin@test.example')).get(
      `/tasking/meetings/${meetingId}/briefing.docx`,
    )
    const adminText = docxText(admin.rawPayload)
    for (const name of [ADA, BRAM, CAL]) expect(adminText).not.toContain(name)
    expect(adminText.match(PSEUDONYM)?.length).toBe(4)
    const cli = await tasking().exportBriefing(TEST_ACTOR, { area: null, month: '2026-05' })
    const cliText = docxText(cli.content)
    for (const name of [ADA, BRAM, CAL]) expect(cliText).not.toContain(name)
    expect(cliText.match(PSEUDONYM)).toEqual(adminText.match(PSEUDONYM))
    const reads = await cohortReads()
    expect(reads.slice(-3).map((r) => [r.named, r.path])).toEqual([
      [false, 'safer tasking briefing'],
      [false, 'safer tasking briefing'],
      [false, 'safer tasking briefing'],
    ])
    const signedOut = await (await browserFor(null)).get(`/tasking/meetings/${meetingId}/briefing.docx`)
    expect(signedOut.statusCode).toBe(302)
  })

  it('follows the same rule in every API answer that carries a cohort', async () => {
    const labels = (body: { members: Array<{ label: string }> | null } | null) =>
      body?.members?.map((m) => m.label)
    const meetingOf = async (role: Parameters<typeof apiTokenFor>[1]) => {
      const got = await api(role, `/tasking/meetings/${meetingId}`)
      expect(got.statusCode).toBe(200)
      return got.json().taskings.find((x: { id: number }) => x.id === whole).cohort
    }
    // The caseworker's token is the chair's; the lead's the member's.
    expect(labels(await meetingOf('caseworker'))).toEqual([ADA, BRAM])
    expect(labels(await meetingOf('lead'))).toEqual([ADA, BRAM])
    for (const role of ['admin', 'analyst', 'viewer'] as const) {
      const cohort = await meetingOf(role)
      expect(cohort.named).toBe(false)
      expect(labels(cohort)?.every((l: string) => /^Cohort member C-[0-9A-F]{4}$/.test(l))).toBe(true)
    }
    const one = await api('lead', `/tasking/taskings/${some}`)
    expect(labels(one.json().cohort)).toEqual([BRAM])
    const oneOutside = await api('admin', `/tasking/taskings/${some}`)
    expect(JSON.stringify(oneOutside.json())).not.toContain(BRAM)
    const list = await api('admin', '/tasking/taskings')
    expect(list.statusCode).toBe(200)
    for (const name of [ADA, BRAM, CAL]) expect(list.body).not.toContain(name)
    const listMember = await api('caseworker', '/tasking/taskings')
    expect(listMember.body).toContain(ADA)
    expect(listMember.body).not.toContain(CAL)
    // The cohort to choose from: for those who record taskings, named only for the panel's chair here.
    const knife = await api('partnership-manager', `/tasking/cohorts/${knifePanel}`)
    expect(knife.json()).toMatchObject({
      panelName: 'Knife crime panel',
      named: true,
      members: [{ label: CAL }],
    })
    const marac = await api('partnership-manager', `/tasking/cohorts/${f.panel}`)
    expect(marac.json().named).toBe(false)
    expect(marac.json().members.map((m: { subjectId: number }) => m.subjectId)).toEqual([ada, bram])
    expect(marac.body).not.toContain(ADA)
    expect((await api('lead', `/tasking/cohorts/${f.panel}`)).statusCode).toBe(403)
    const signedOut = await t().app.inject({ method: 'GET', url: `/api/v1/tasking/meetings/${meetingId}` })
    expect(signedOut.statusCode).toBe(401)
    expect(signedOut.body).not.toContain(ADA)
  })

  it('lists the cohort to choose from on the tasking form, named for the panel’s members, and records some of it', async () => {
    const manager = await browserFor('partnership-manager@test.example')
    const own = await manager.get(`/tasking/meetings/${meetingId}/taskings/new?cohortPanelId=${knifePanel}`)
    expect(own.body).toContain(CAL)
    expect(own.body).toContain('Named because you sit on the panel.')
    const other = await manager.get(`/tasking/meetings/${meetingId}/taskings/new?cohortPanelId=${f.panel}`)
    expect(other.body).not.toContain(ADA)
    expect(other.body.match(PSEUDONYM)?.length).toBe(2)
    expect(other.body).toContain('Pseudonyms: you do not sit on this panel.')
    const made = await manager.post(`/tasking/meetings/${meetingId}/taskings`, {
      organisationId: String(t().organisationId),
      placeKind: 'cohort',
      cohortPanelId: String(f.panel),
      cohortSubjectIds: String(ada),
      action: 'Safety visit',
      expectedResult: 'Seen',
      dueDate: '2026-06-30',
    })
    expect(made.statusCode).toBe(303)
    const latest = (await tasking().listTaskings()).at(-1)
    expect(latest?.cohort?.subjectIds).toEqual([ada])
    expect(
      (await (await browserFor('admin@test.example')).get(`/tasking/meetings/${meetingId}/taskings/new`))
        .body,
    ).not.toContain(ADA)
  })
})

const FIGURES = {
  month: '2026-05',
  area: { type: 'lad', code: 'E09000028', name: 'Southwark' },
  source: 'recorded',
  sourceLabel: 'Met recorded crime',
  generatedAt: '2026-06-01T09:00:00Z',
  dataAsAt: { latestMonth: null, loadedAt: null },
  hotspotCount: 5,
  total: null,
  populationYear: null,
  hotspots: { lsoas: [], wards: [] },
  changeTest: null,
  changes: [],
  violence: { types: ['ROBBERY'], total: null, byType: [], lsoas: [] },
}
