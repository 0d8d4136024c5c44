import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { nameOnly } from '../../src/modules/governance/publishing/public-view.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { apiTokenFor, buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Decision records on the public page, on the real database, read signed out: each shows from its
// publication date, never when it or the item it was taken at is exempt, and names no one beyond
// its decision maker, report authors and contact officer (by name alone). The signed-in meeting page
// lists the decisions taken at the meeting.

const operator = { actor: TEST_ACTOR, user: null }

describe.each(DIALECTS)('decision records on the public page on %s', (dialect) => {
  let t: TestApp
  const ids = {} as Record<'held' | 'next' | 'item100' | 'exemptItem' | 'atMeeting' | 'alone', number> &
    Record<'future' | 'exempt' | 'atExemptItem' | 'unpublished', number>
  const g = () => t.deps.services.governance
  const record = (input: Record<string, unknown>) =>
    g().recordDecision(operator, {
      decisionMaker: 'Safer Communities Delivery Group',
      decisionDate: '2011-10-06',
      publicationDate: '2011-10-07',
      decisions: [{ number: '1', text: 'That the plan be reprioritised.' }],
      ...input,
    })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    await loadGovernanceDemo(t.deps.services, TEST_ACTOR)
    const board = (await g().findBoardByName('Safer Communities Delivery Group')) as number
    const [next, held] = await g().listMeetings(board)
    ids.held = held?.id as number
    ids.next = next?.id as number
    ids.item100 = (await g().getMeeting(ids.held)).items.find((i) => i.number === 100)?.id as number
    ids.exemptItem = await g().addItem(operator, ids.next, {
      title: 'Individuals of concern',
      exempt: 'yes',
      exemptReason: 'Information about individuals (paragraph 1)',
    })
    await g().publishMeeting(operator, ids.held, { confirm: 'yes' })
    ids.atMeeting = await record({
      reference: 'SCDG-100',
      title: 'Delivery plan reprioritisation',
      keyDecision: true,
      subjectToCallIn: true,
      purpose: 'To reprioritise the delivery plan.',
      reasons: 'Resources are limited.',
      actionBy: 'Claire Kowalska, Community Safety Manager',
      conflictsOfInterest: 'Councillor Redmayne declared an interest as a school governor.',
      reportAuthors: 'Ann Corbett, Leo Hutchinson',
      contactOfficer: 'Priya Shah, Community Safety Manager, tel: 01632 960123, priya.shah@council.example',
      meetingId: ids.held,
      agendaItemId: ids.item100,
      documents: [{ title: 'Delivery plan', link: 'https://council.example/plan.pdf' }],
    })
    ids.alone = await record({ reference: 'EXEC-7', title: 'CCTV contract award', decisionMaker: 'Cabinet' })
    ids.future = await record({
      reference: 'LATER-1',
      title: 'Decision not yet published',
      decisionDate: '2026-01-05',
      publicationDate: '2099-01-05',
    })
    ids.unpublished = await record({
      reference: 'DRAFT-1',
      title: 'Decision with no publication date',
      publicationDate: '',
    })
    ids.exempt = await record({
      reference: 'EX-1',
      title: 'Exempt decision on a named individual',
      exemptReason: 'Information about an individual (paragraph 1)',
    })
    ids.atExemptItem = await record({
      reference: 'EX-2',
      title: 'Decision at the exempt item',
      decisionDate: '2011-12-08',
      publicationDate: '2011-12-09',
      meetingId: ids.next,
      agendaItemId: ids.exemptItem,
    })
  })
  afterAll(() => t.close())

  it('lists the published decisions signed out, and never those not yet published or exempt', async () => {
    const anyone = new Browser(t.app)
    const list = await anyone.get('/public/decisions')
    expect(list.statusCode).toBe(200)
    expect(list.body).not.toContain('Sign out')
    expect(list.body).toContain(`href="/public/decisions/${ids.atMeeting}"`)
    expect(list.body).toContain('Delivery plan reprioritisation')
    expect(list.body).toContain('CCTV contract award')
    for (const hidden of [
      'Decision not yet published',
      'Decision with no publication date',
      'Exempt decision on a named individual',
      'Decision at the exempt item',
    ])
      expect(list.body).not.toContain(hidden)
    expect((await anyone.get('/public/meetings')).body).toContain('href="/public/decisions"')
  })

  it('shows a decision as a council publishes it, with names only where the public may read them', async () => {
    const page = await new Browser(t.app).get(`/public/decisions/${ids.atMeeting}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Decision SCDG-100')
    expect(page.body).toContain('That the plan be reprioritised.')
    expect(page.body).toContain('Resources are limited.')
    expect(page.body).toContain('Ann Corbett, Leo Hutchinson')
    expect(page.body).toContain('Priya Shah, Community Safety Manager')
    expect(page.body).toContain('href="https://council.example/plan.pdf"')
    // The meeting it was taken at is published, so the decision links to its public page.
    expect(page.body).toContain(`href="/public/meetings/${ids.held}"`)
    for (const hidden of ['01632', 'priya.shah@', 'Claire Kowalska', 'Redmayne', 'Action by', '/governance/'])
      expect(page.body).not.toContain(hidden)
    // A decision taken outside a meeting stands alone.
    const alone = await new Browser(t.app).get(`/public/decisions/${ids.alone}`)
    expect(alone.statusCode).toBe(200)
    expect(alone.body).not.toContain('/public/meetings/')
  })

  it('answers a decision not yet published, unpublished or exempt exactly as one that does not exist', async () => {
    const anyone = new Browser(t.app)
    const text = (body: string) =>
      body.replace(/name="_csrf" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '')
    const missing = await anyone.get('/public/decisions/999999')
    expect(missing.statusCode).toBe(404)
    for (const id of [ids.future, ids.unpublished, ids.exempt, ids.atExemptItem]) {
      const page = await anyone.get(`/public/decisions/${id}`)
      expect(page.statusCode).toBe(404)
      expect(text(page.body)).toBe(text(missing.body))
    }
  })

  it('lists the decisions taken at a published meeting on its public page', async () => {
    const page = await new Browser(t.app).get(`/public/meetings/${ids.held}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`href="/public/decisions/${ids.atMeeting}"`)
    expect(page.body).not.toContain('CCTV contract award')
    // Withdrawn from the public page, the meeting is no longer linked from the decision.
    await g().withdrawMeeting(operator, ids.held, { reason: 'A name to take out of the minutes' })
    const decision = await new Browser(t.app).get(`/public/decisions/${ids.atMeeting}`)
    expect(decision.statusCode).toBe(200)
    expect(decision.body).not.toContain(`/public/meetings/${ids.held}`)
    await g().publishMeeting(operator, ids.held, { confirm: 'yes' })
  })

  it('lists the decisions taken at a meeting on its signed-in page, linked, exempt ones marked', async () => {
    const member = new Browser(t.app)
    await member.signIn('board-member@test.example')
    const held = await member.get(`/governance/meetings/${ids.held}`)
    expect(held.body).toContain('Decisions taken at this meeting')
    expect(held.body).toMatch(
      new RegExp(
        `href="/governance/decisions/${ids.atMeeting}">SCDG-100: Delivery plan reprioritisation</a>`,
      ),
    )
    expect(held.body).not.toContain('CCTV contract award')
    const next = await member.get(`/governance/meetings/${ids.next}`)
    expect(next.body).toContain(`href="/governance/decisions/${ids.atExemptItem}"`)
    expect(next.body).toContain('Item 107, Approved, 8 December 2011, exempt')
    const decision = await member.get(`/governance/decisions/${ids.exempt}`)
    expect(decision.body).toContain('Exempt: Information about an individual (paragraph 1).')
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/decisions/${ids.atExemptItem}`,
      headers: { authorization: `Bearer ${await apiTokenFor(t, 'viewer')}` },
    })
    expect(api.json()).toMatchObject({ itemExempt: true, exemptReason: null, itemNumber: 107 })
  })
})

describe('a contact officer’s name without their contact details', () => {
  it('keeps the name and role and takes out telephone numbers and e-mail addresses', () => {
    expect(nameOnly('Priya Shah, Community Safety Manager')).toBe('Priya Shah, Community Safety Manager')
    expect(nameOnly('Priya Shah, Tel: 01632 960123, Email: priya.shah@council.example')).toBe('Priya Shah')
    expect(nameOnly('Sam Okafor (+44 20 7946 0958)')).toBe('Sam Okafor')
    expect(nameOnly('priya.shah@council.example')).toBeNull()
    expect(nameOnly(null)).toBeNull()
  })
})
