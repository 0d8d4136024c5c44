import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access/roles.ts'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Governance on the real database: the demo's boards from seed 003 and seed 004's meeting, a new
// agenda carrying standing items and matters arising, the quorum, who may change what, bad input
// refused with nothing written, and every change in the audit log.

const STANDING = [
  'Knife, gun and serious violence performance',
  'Habitual knife carriers',
  'Community tensions',
  'Stop and search',
  'Knife Crime and Serious Violence Action Plan: progress',
]

describe.each(DIALECTS)('governance on %s', (dialect) => {
  let t: TestApp
  let delivery: number
  const operator = { actor: TEST_ACTOR, user: null }
  const as = (role: Role) => ({ actor: TEST_ACTOR, user: { role } })
  const g = () => t.deps.services.governance
  const personId = async (name: string) => {
    const found = (await t.deps.services.partners.listPeople()).find((p) => p.name === name)
    if (!found) throw new Error(`No person ${name}`)
    return found.id
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    await loadGovernanceDemo(t.deps.services, TEST_ACTOR)
    delivery = (await g().findBoardByName('Safer Communities Delivery Group')) as number
  })
  afterAll(() => t.close())

  it('holds seed 003’s boards: the delivery group reports to the adults board, and both to the executive', async () => {
    const board = await g().getBoard(delivery)
    expect(board.reportsTo.map((b) => b.name).sort()).toEqual([
      'Safeguarding Adults Board',
      'Safeguarding Executive',
    ])
    expect(board.standingItems).toEqual(STANDING)
    expect(board.chairName).toBe('Caroline Thwaites')
    expect(board.members.filter((m) => m.voting)).toHaveLength(7)
    const adults = await g().getBoard((await g().findBoardByName('Safeguarding Adults Board')) as number)
    expect(adults.reportsTo.map((b) => b.name)).toEqual(['Safeguarding Executive'])
    expect(adults.reportedToBy.map((b) => b.name)).toEqual(['Safer Communities Delivery Group'])
  })

  it('holds seed 004’s item 100 with its minutes and RESOLVED i–iii as written', async () => {
    const [december, october] = await g().listMeetings(delivery)
    expect(october?.startsAt).toBe('2011-10-06T18:30')
    const meeting = await g().getMeeting(october?.id as number)
    expect(meeting.status).toBe('minutes-approved')
    const item = meeting.items.find((i) => i.number === 100)
    expect(item?.title).toBe('Delivery Plan Reprioritisation')
    expect(item?.presenterName).toBe('Claire Kowalska')
    expect(item?.discussion).toContain('annual assessment would not be complete until December 2011')
    expect(item?.resolutions.map((r) => r.number)).toEqual(['i', 'ii', 'iii'])
    expect(item?.resolutions[1]?.text).toBe(
      'That agreement be given to proceed with the development of an Integrated Offender Management system',
    )
    expect(meeting.items.filter((i) => i.kind === 'standing').map((i) => i.number)).toEqual([
      95, 96, 97, 98, 99,
    ])
    expect(meeting.quorum).toEqual({ present: 4, needed: 3, quorate: true })
    // The next meeting carries the two open actions as matters arising, then the standing items.
    const next = await g().getMeeting(december?.id as number)
    expect(next.items.map((i) => [i.number, i.title])).toEqual([
      [101, 'Matters arising'],
      ...STANDING.map((s, n) => [102 + n, s]),
    ])
    expect(next.mattersArising.map((a) => a.itemNumber)).toEqual([100, 100])
  })

  it('puts standing items and open actions from earlier meetings on a new agenda until they are closed', async () => {
    const first = await g().scheduleMeeting(operator, delivery, {
      startsAt: '2026-01-15T14:00',
      place: 'Tooley Street',
    })
    const before = await g().getMeeting(first)
    expect(before.items.map((i) => i.title)).toEqual(['Matters arising', ...STANDING])
    expect(before.mattersArising.map((a) => a.description)).toHaveLength(2)

    await g().changeStatus(operator, first, { status: 'agenda-published' })
    await g().changeStatus(operator, first, { status: 'held' }, '2026-01-15')
    const item = before.items[1]?.id as number
    const action = await g().addAction(operator, first, {
      itemId: item,
      description: 'Bring the habitual knife carriers list to the next meeting',
      ownerPersonId: await personId('Helen Lyons'),
      dueDate: '2026-03-01',
    })
    const [arson] = before.mattersArising
    await g().setActionStatus(operator, arson?.id as number, { status: 'closed' }, '2026-01-15')

    const second = await g().scheduleMeeting(operator, delivery, { startsAt: '2026-04-16T14:00' })
    const after = await g().getMeeting(second)
    expect(after.items[0]?.number).toBe((before.items.at(-1)?.number as number) + 1)
    expect(after.items.map((i) => i.title)).toEqual(['Matters arising', ...STANDING])
    const arising = after.mattersArising.map((a) => a.id)
    expect(arising).toContain(action)
    expect(arising).not.toContain(arson?.id)
    expect(arising).toHaveLength(2)
    // The earlier meeting's agenda still reads as it stood on its day.
    expect((await g().getMeeting(first)).mattersArising.map((a) => a.id)).toContain(arson?.id)

    await g().setActionStatus(operator, action, { status: 'closed' }, '2026-03-01')
    expect((await g().getMeeting(second)).mattersArising.map((a) => a.id)).not.toContain(action)
  })

  it('checks the quorum from voting members present, counting a substitute for the member they replace', async () => {
    const meeting = await g().scheduleMeeting(operator, delivery, { startsAt: '2026-06-18T14:00' })
    const present = async (name: string, substituteFor?: string) =>
      g().recordAttendance(operator, meeting, {
        personId: await personId(name),
        attendance: 'present',
        substituteForPersonId: substituteFor ? await personId(substituteFor) : '',
      })
    await present('Caroline Thwaites')
    await present('Claire Kowalska') // not a voting member
    expect((await g().getMeeting(meeting)).quorum).toEqual({ present: 1, needed: 3, quorate: false })
    await g().recordAttendance(operator, meeting, {
      personId: await personId('Ian Howells'),
      attendance: 'apologies',
    })
    await present('Kate Moriarty-Baker', 'Ian Howells')
    await present('Neil Chisolm')
    const { quorum, attendance } = await g().getMeeting(meeting)
    expect(quorum).toEqual({ present: 3, needed: 3, quorate: true })
    expect(attendance.find((a) => a.personName === 'Kate Moriarty-Baker')?.substituteForName).toBe(
      'Ian Howells',
    )
  })

  it('gives items added at the same moment numbers of their own', async () => {
    const meeting = await g().scheduleMeeting(operator, delivery, { startsAt: '2027-03-18T14:00' })
    const ids = await Promise.all(
      ['Knife crime update', 'Community tensions', 'Stop and search', 'Any other business'].map((title) =>
        g().addItem(operator, meeting, { title }),
      ),
    )
    expect(new Set(ids).size).toBe(4)
    const numbers = (await g().getMeeting(meeting)).items.map((i) => i.number)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('lets only partnership managers and administrators change boards, meetings and minutes', async () => {
    for (const role of ['lead', 'board-member', 'analyst', 'caseworker', 'viewer'] as const) {
      await expect(
        g().createBoard(as(role), {
          name: `Board of ${role}`,
          purpose: 'x',
          frequency: 'monthly',
          quorum: 2,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError)
      await expect(
        g().scheduleMeeting(as(role), delivery, { startsAt: '2026-09-01T10:00' }),
      ).rejects.toBeInstanceOf(ForbiddenError)
    }
    const before = await countRows(t, 'boards')
    const byManager = await g().createBoard(as('partnership-manager'), {
      name: 'Youth Crime Management Board',
      purpose: 'Oversees the Youth Justice Plan',
      frequency: 'bi-monthly',
      quorum: '2',
      standingItems: 'Serious youth violence\nYouth Justice Plan',
    })
    await g().addReportingLine(as('admin'), byManager, { reportsToBoardId: delivery })
    expect(await countRows(t, 'boards')).toBe(before + 1)
    expect((await g().getBoard(byManager)).standingItems).toEqual([
      'Serious youth violence',
      'Youth Justice Plan',
    ])
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const [, october] = await g()
      .listMeetings(delivery)
      .then((m) => m.slice(-2))
    const scheduled = await g().scheduleMeeting(operator, delivery, { startsAt: '2099-01-01T10:00' })
    const rows = {
      resolutions: await countRows(t, 'resolutions'),
      meetings: await countRows(t, 'meetings'),
      agenda: await countRows(t, 'agenda_items'),
      lines: await countRows(t, 'board_reporting_lines'),
    }
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ValidationError)
      return Object.values((error as ValidationError).fieldErrors)[0]
    }
    const open = await g().scheduleMeeting(operator, delivery, { startsAt: '2011-11-10T18:30' })
    rows.meetings += 1
    rows.agenda += 6
    await g().changeStatus(operator, open, { status: 'agenda-published' })
    await g().changeStatus(operator, open, { status: 'held' })
    await g().changeStatus(operator, open, { status: 'minutes-draft' })
    const item = (await g().getMeeting(open)).items[1]?.id as number
    await g().addResolution(operator, open, { itemId: item, number: 'ii)', text: 'The second resolution' })
    rows.resolutions += 1
    expect(
      await refusal(g().addResolution(operator, open, { itemId: item, number: 'II', text: 'Again' })),
    ).toMatch(/already has a resolution ii/)
    expect(await refusal(g().changeStatus(operator, scheduled, { status: 'minutes-approved' }))).toBe(
      'Minutes can only be drafted or approved for a meeting that has been held',
    )
    await g().changeStatus(operator, scheduled, { status: 'agenda-published' })
    expect(await refusal(g().changeStatus(operator, scheduled, { status: 'held' }))).toBe(
      'A meeting cannot be marked as held before its date',
    )
    expect(
      await refusal(
        g().recordMinutes(operator, scheduled, {
          itemId: (await g().getMeeting(scheduled)).items[0]?.id,
          discussion: 'x',
        }),
      ),
    ).toMatch(/once the meeting has been held/)
    expect(
      await refusal(
        g().addResolution(operator, october?.id as number, {
          itemId: item,
          text: 'On another meeting’s item',
        }),
      ),
    ).toBe('Choose an item on this agenda')
    expect(
      await refusal(g().addItem(operator, scheduled, { title: 'Closed session', exempt: 'yes' })),
    ).toMatch(/Say why the item is exempt/)
    const executive = (await g().findBoardByName('Safeguarding Executive')) as number
    expect(await refusal(g().addReportingLine(operator, executive, { reportsToBoardId: delivery }))).toBe(
      'That board already reports, directly or through others, to this one',
    )
    expect(await refusal(g().scheduleMeeting(operator, delivery, { startsAt: '2026-02-30T10:00' }))).toMatch(
      /Enter the date/,
    )
    expect({
      resolutions: await countRows(t, 'resolutions'),
      meetings: await countRows(t, 'meetings'),
      agenda: await countRows(t, 'agenda_items'),
      lines: await countRows(t, 'board_reporting_lines'),
    }).toEqual(rows)
  })

  it('writes every change to the audit log, and each read of a meeting’s minutes', async () => {
    const actions = (await t.deps.database.db.selectFrom('audit_log').select('action').execute()).map(
      (r) => r.action,
    )
    for (const action of [
      'board.create',
      'board.member.add',
      'board.reporting-line.add',
      'meeting.schedule',
      'meeting.status',
      'meeting.attendance',
      'agenda-item.add',
      'agenda-item.minutes',
      'resolution.add',
      'action-arising.add',
      'action-arising.status',
    ])
      expect(actions).toContain(action)

    const browser = new Browser(t.app)
    await browser.signIn('viewer@test.example')
    const [latest] = await g().listMeetings(delivery)
    const page = await browser.get(`/governance/meetings/${latest?.id}`)
    expect(page.statusCode).toBe(200)
    const viewed = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id', 'detail'])
      .where('action', '=', 'viewed')
      .where('entity_id', '=', String(latest?.id))
      .execute()
    expect(viewed.some((v) => v.detail.includes('meeting'))).toBe(true)
  })

  it('serves the board and meeting pages, forms that work without JavaScript, and the API', async () => {
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const board = await manager.get(`/governance/boards/${delivery}`)
    expect(board.statusCode).toBe(200)
    expect(board.body).toContain('<svg')
    expect(board.body).toContain('role="img"')
    expect(board.body).toMatch(
      /Safer Communities Delivery Group<\/a> reports to <a[^>]*>Safeguarding Adults Board/,
    )
    const scheduled = await manager.post(`/governance/boards/${delivery}/meetings`, {
      date: '2026-10-08',
      time: '14:00',
      place: 'Tooley Street',
    })
    expect(scheduled.statusCode).toBe(303)
    const meetingUrl = String(scheduled.headers.location).split('?')[0] as string
    const page = await manager.get(meetingUrl)
    expect(page.body).toContain('Habitual knife carriers')
    expect(page.body).toContain('Matters arising')
    const bad = await manager.post(`/governance/boards/${delivery}/meetings`, { date: 'soon', time: '' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the date and time')

    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    expect((await viewer.get(`/governance/boards/${delivery}`)).body).not.toContain('Schedule a meeting')
    expect((await viewer.post(`${meetingUrl}/items`, { title: 'Sneaked in' })).statusCode).toBe(403)

    const api = await manager.get(`/api/v1/meetings/${meetingUrl.split('/').at(-1)}`)
    expect(api.statusCode).toBe(200)
    expect(api.json().items.map((i: { title: string }) => i.title)).toEqual(['Matters arising', ...STANDING])
    const doc = (await manager.get('/api/v1/openapi.json')).json()
    expect(Object.keys(doc.paths)).toContain('/api/v1/meetings/{id}/resolutions')
  })
})
