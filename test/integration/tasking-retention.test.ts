import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiTokenFor } from '../helpers/app.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// A tasking against a cohort keeps its people's ids; when the risk panel deletes one of them under
// retention, the tasking still reads, on its meeting's page and through the API, saying "a person
// no longer held" for that id to the panel's members and to everyone else alike, never a name.

const GONE = 'A person no longer held'
const PSEUDONYM = /Cohort member C-[0-9A-F]{4}/g

describe.each(DIALECTS)('a cohort tasking after a deletion under retention on %s', (dialect) => {
  let f: CasesFixture
  let meetingId: number
  let taskingId: number
  let ada: number
  let bram: number
  let zeb: number
  const page = async (email: string) => {
    const b = new Browser(f.t.app)
    await b.signIn(email)
    const got = await b.get(`/tasking/meetings/${meetingId}`)
    expect(got.statusCode, email).toBe(200)
    return got.body
  }
  const api = async (role: Parameters<typeof apiTokenFor>[1]) => {
    const got = await f.t.app.inject({
      method: 'GET',
      url: `/api/v1/tasking/taskings/${taskingId}`,
      headers: { authorization: `Bearer ${await apiTokenFor(f.t, role)}` },
    })
    expect(got.statusCode, role).toBe(200)
    return got.json().cohort as {
      subjectIds: number[]
      named: boolean
      members: Array<{ subjectId: number; label: string; held: boolean }>
    }
  }

  beforeAll(async () => {
    f = await casesFixture(dialect)
    const cases = f.t.deps.services.cases
    await cases.moveCase(f.who('member'), f.caseId, { status: 'accepted', on: '2026-05-06' })
    ;[ada, bram] = (await cases.caseSubjects(f.caseId)) as [number, number]
    const closing = await cases.submitReferral(f.who('member'), {
      panelId: f.panel,
      referredOn: '2026-05-10',
      reasons: 'Threats after a dispute between neighbours',
      risk: 'Retaliation feared',
      consent: 'given',
      subjects: [
        {
          role: 'victim',
          forename: 'Zebedee',
          surname: 'Gonesoon',
          dateOfBirth: '1979-01-01',
          gender: 'male',
        },
      ],
    })
    ;[zeb] = (await cases.caseSubjects(closing)) as [number]
    await cases.moveCase(f.who('member'), closing, { status: 'accepted', on: '2026-05-11' })

    const tasking = f.t.deps.services.tasking
    const analyst = { actor: f.who('admin').actor, user: { role: 'analyst' as const } }
    meetingId = await tasking.scheduleMeeting(analyst, { month: '2026-05', meetingDate: '2026-05-19' })
    taskingId = await tasking.raiseTasking(analyst, meetingId, {
      organisationId: f.t.organisationId,
      placeKind: 'cohort',
      cohortPanelId: f.panel,
      action: 'Joint visit by the police and housing',
      expectedResult: 'Each seen',
      dueDate: '2026-06-30',
    })
    expect((await tasking.getTasking(taskingId)).cohort?.subjectIds).toEqual([ada, bram, zeb])

    // The case closes, its retention period passes, and the chair deletes it through the cases service.
    await cases.moveCase(f.who('member'), closing, { status: 'heard', on: '2026-05-13' })
    await cases.moveCase(f.who('member'), closing, { status: 'closed', on: '2026-05-20' })
    f.clock.at = new Date('2032-05-20T09:00:00Z')
    expect(await cases.deleteUnderRetention(f.who('chair'), closing)).toEqual({ subjectsDeleted: 1 })
  })
  afterAll(() => f?.t.close())

  it('keeps the id and says the person is no longer held on the meeting page, to a member and to anyone else', async () => {
    expect((await f.t.deps.services.tasking.getTasking(taskingId)).cohort?.subjectIds).toEqual([
      ada,
      bram,
      zeb,
    ])
    const member = await page('lead@test.example')
    expect(member).toContain(`Ada Fictional; Bram Madeup; ${GONE}`)
    const outsider = await page('outsider@test.example')
    expect(outsider).toContain(GONE)
    expect(outsider.match(PSEUDONYM)).toHaveLength(2)
    for (const body of [member, outsider]) {
      expect(body).not.toContain('Zebedee')
      expect(body).not.toContain('Gonesoon')
    }
    for (const name of ['Ada Fictional', 'Bram Madeup']) expect(outsider).not.toContain(name)
  })

  it('says the same through the API, with held false for that id only', async () => {
    const member = await api('lead')
    expect(member.named).toBe(true)
    expect(member.members).toEqual([
      { subjectId: ada, label: 'Ada Fictional', held: true },
      { subjectId: bram, label: 'Bram Madeup', held: true },
      { subjectId: zeb, label: GONE, held: false },
    ])
    const admin = await api('admin')
    expect(admin.named).toBe(false)
    expect(admin.members.map((m) => m.held)).toEqual([true, true, false])
    expect(admin.members[2]?.label).toBe(GONE)
    expect(admin.members.slice(0, 2).every((m) => /^Cohort member C-[0-9A-F]{4}$/.test(m.label))).toBe(true)
    expect(JSON.stringify(admin)).not.toContain('Ada')
  })
})
