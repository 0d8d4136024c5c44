import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { DEMO_PLAN_FILE } from '../../src/modules/plans/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { postMultipart } from '../helpers/multipart.ts'
import { docxBomb, docxPaper, pdfPaper, programNamedAsPaper } from '../helpers/papers.ts'
import { Browser } from '../helpers/session.ts'

// Board papers, resolutions that change the plan and actions arising tied to deliverables, on the
// real database: uploads accepted and refused with nothing written, links shown by their targets'
// titles, a deliverable created from a resolution seen through the plans module, overdue actions,
// and "my actions arising" showing only the signed-in person's own.

describe.each(DIALECTS)('governance papers on %s', (dialect) => {
  let t: TestApp
  let delivery: number
  let meeting: number
  let itemId: number
  let planId: number
  let manager: Browser
  const operator = { actor: TEST_ACTOR, user: null }
  const g = () => t.deps.services.governance
  const papers = () => t.deps.services.governancePapers
  const personId = async (name: string) => {
    const found = (await t.deps.services.partners.listPeople()).find((p) => p.name === name)
    if (!found) throw new Error(`No person ${name}`)
    return found.id
  }
  const written = async () => ({
    papers: await countRows(t, 'agenda_papers'),
    files: await countRows(t, 'agenda_paper_files'),
  })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const s = t.deps.services
    await loadPartnersDemo(s, TEST_ACTOR)
    await loadGovernanceDemo(s, TEST_ACTOR)
    const imported = await s.planImport.importPlan(TEST_ACTOR, {
      fileName: 'plan.tsv',
      content: readFileSync(DEMO_PLAN_FILE),
    })
    planId = imported.planId as number
    delivery = (await g().findBoardByName('Safer Communities Delivery Group')) as number
    meeting = await g().scheduleMeeting(operator, delivery, { startsAt: '2012-02-02T18:30' })
    await g().changeStatus(operator, meeting, { status: 'agenda-published' })
    await g().changeStatus(operator, meeting, { status: 'held' })
    itemId = await g().addItem(operator, meeting, { title: 'Knife crime action plan refresh' })
    manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    await manager.get(`/governance/meetings/${meeting}`)
  })
  afterAll(() => t.close())

  it('keeps an uploaded PDF, lists it under its item and lets a reader download it, audited', async () => {
    const content = pdfPaper('Serious violence needs assessment')
    const posted = await postMultipart(
      t.app,
      manager,
      `/governance/meetings/${meeting}/papers`,
      { _csrf: manager.csrfToken, itemId: String(itemId) },
      { name: 'Needs assessment.pdf', content },
    )
    expect(posted.statusCode).toBe(303)
    const page = await manager.get(`/governance/meetings/${meeting}`)
    const href = page.body.match(/href="(\/governance\/papers\/\d+)"[^>]*>Needs assessment\.pdf</)?.[1]
    expect(href).toBeDefined()
    expect(page.body).toContain('PDF, 1 KB')

    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const download = await viewer.get(href as string)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Needs assessment.pdf"; filename*=UTF-8''Needs%20assessment.pdf`,
    )
    expect(download.rawPayload.equals(content)).toBe(true)
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', String(meeting))
      .execute()
    expect(audit.some((a) => a.action === 'paper.add' && a.detail.includes('Needs assessment.pdf'))).toBe(
      true,
    )
    expect(audit.some((a) => a.action === 'viewed' && a.detail.includes(href as string))).toBe(true)
  })

  it('downloads a paper whose name is not plain ASCII under that name', async () => {
    const id = await papers().addPaperFile(
      operator,
      meeting,
      { itemId },
      { fileName: 'Plan – "2026" é.pdf', content: pdfPaper() },
    )
    const download = await manager.get(`/governance/papers/${id}`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Plan _ 2026 _.pdf"; filename*=UTF-8''Plan%20%E2%80%93%20%222026%22%20%C3%A9.pdf`,
    )
  })

  it('refuses a disguised file, one over 20 MB and a zip bomb, naming the file and writing nothing', async () => {
    const before = await written()
    const upload = (name: string, content: Buffer) =>
      postMultipart(
        t.app,
        manager,
        `/governance/meetings/${meeting}/papers`,
        { _csrf: manager.csrfToken, itemId: String(itemId) },
        { name, content },
      )
    const disguised = await upload('Minutes.pdf', programNamedAsPaper())
    expect(disguised.statusCode).toBe(400)
    expect(disguised.body).toContain('Minutes.pdf is named as a PDF but is not one')

    const large = await upload(
      'Annual report.pdf',
      Buffer.concat([pdfPaper(), Buffer.alloc(20 * 1024 * 1024)]),
    )
    expect(large.statusCode).toBe(400)
    expect(large.body).toContain('Annual report.pdf is larger than 20 MB')

    const bomb = await upload('Strategy.docx', docxBomb())
    expect(bomb.statusCode).toBe(400)
    expect(bomb.body).toContain('Strategy.docx was refused')

    const none = await postMultipart(t.app, manager, `/governance/meetings/${meeting}/papers`, {
      _csrf: manager.csrfToken,
      itemId: String(itemId),
    })
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('Select the paper to upload')
    const forged = await postMultipart(
      t.app,
      manager,
      `/governance/meetings/${meeting}/papers`,
      { itemId: String(itemId) },
      { name: 'Forged.pdf', content: pdfPaper() },
    )
    expect(forged.statusCode).toBe(403)
    expect(await written()).toEqual(before)
  })

  it('accepts a Word document through the API, and refuses one from someone who may only read', async () => {
    const added = await papers().addPaperFile(
      operator,
      meeting,
      { itemId },
      { fileName: 'Report.docx', content: docxPaper() },
    )
    expect((await papers().getPaperFile(added)).contentType).toMatch(/wordprocessingml/)
    await expect(
      papers().addPaperFile(
        { actor: TEST_ACTOR, user: { role: 'viewer' } },
        meeting,
        { itemId },
        { fileName: 'Report.docx', content: docxPaper() },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('links a paper to a plan and its summary, showing each target’s title and going to its page', async () => {
    const plan = await t.deps.services.plans.getPlan(planId)
    const posted = await manager.post(`/governance/meetings/${meeting}/paper-links`, {
      itemId: String(itemId),
      target: `plan:${planId}`,
    })
    expect(posted.statusCode).toBe(303)
    await papers().addPaperLink(operator, meeting, { itemId, target: `plan-summary:${planId}` })
    await papers().addPaperLink(operator, meeting, { itemId, target: 'exception-report' })
    const page = await manager.get(`/governance/meetings/${meeting}`)
    expect(page.body).toContain(`<a class="govuk-link" href="/plans/${planId}">${plan.title}</a>`)
    expect(page.body).toContain(`href="/plans/${planId}/summary">${plan.title}: summary</a>`)
    expect(page.body).toContain('href="/performance/exceptions">Exception report</a>')
    const before = await written()
    const missing = await manager.post(`/governance/meetings/${meeting}/paper-links`, {
      itemId: String(itemId),
      target: 'plan:999999',
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Choose a plan or priority from the list')
    expect(await written()).toEqual(before)
  })

  it('creates a deliverable in the plan from a resolution, recorded and audited on both sides', async () => {
    const number = await g().addResolution(operator, meeting, {
      itemId,
      text: 'That a knife crime education programme be delivered in every secondary school',
    })
    const resolution = (await g().getMeeting(meeting)).items
      .find((i) => i.id === itemId)
      ?.resolutions.find((r) => r.number === number)
    const before = await t.deps.services.plans.getPlan(planId)
    const action = before.themes[1]?.actions[0]
    if (!resolution || !action) throw new Error('No resolution or plan action')
    const posted = await manager.post(`/governance/meetings/${meeting}/resolution-deliverables`, {
      resolutionId: String(resolution.id),
      actionId: String(action.id),
      end: 'Mar-13',
    })
    expect(posted.statusCode).toBe(303)

    const after = await t.deps.services.plans.getPlan(planId)
    const created = after.themes[1]?.actions[0]?.deliverables.at(-1)
    expect(created?.outcome).toBe(resolution.text)
    expect(created?.documentReferences).toBe(
      `Resolution ${number}, item ${(await g().getMeeting(meeting)).items.find((i) => i.id === itemId)?.number}, Safer Communities Delivery Group, 2 February 2012`,
    )
    const links = await papers().resolutionLinksOfMeeting(meeting)
    expect(links).toContainEqual(
      expect.objectContaining({
        resolutionNumber: number,
        kind: 'deliverable',
        id: created?.id,
        created: true,
      }),
    )
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id'])
      .execute()
    expect(audit).toContainEqual({
      action: 'deliverable.add',
      entity_type: 'deliverable',
      entity_id: String(created?.id),
    })
    expect(audit).toContainEqual({
      action: 'resolution.create-deliverable',
      entity_type: 'meeting',
      entity_id: String(meeting),
    })
    const page = await manager.get(`/governance/meetings/${meeting}`)
    expect(page.body).toContain(`Resolution ${number} created the deliverable:`)
    expect(page.body).toContain(`href="/deliverables/${created?.id}"`)

    // Linking the same resolution to a deliverable it changes, and again, which is refused.
    const existing = before.themes[0]?.actions[0]?.deliverables[0]
    await papers().linkResolution(operator, meeting, {
      resolutionId: resolution.id,
      target: `deliverable:${existing?.id}`,
    })
    await expect(
      papers().linkResolution(operator, meeting, {
        resolutionId: resolution.id,
        target: `deliverable:${existing?.id}`,
      }),
    ).rejects.toBeInstanceOf(ValidationError)
  })

  it('refuses a resolution number used twice in one item, and minutes approved for a meeting not yet held', async () => {
    await g().addResolution(operator, meeting, { itemId, number: '7', text: 'First' })
    const resolutions = await countRows(t, 'resolutions')
    const twice = await manager.post(`/governance/meetings/${meeting}/resolutions`, {
      itemId: String(itemId),
      number: '7.',
      text: 'Second with the same number',
    })
    expect(twice.statusCode).toBe(400)
    expect(twice.body).toMatch(/Item \d+ already has a resolution 7/)
    expect(await countRows(t, 'resolutions')).toBe(resolutions)

    const future = await g().scheduleMeeting(operator, delivery, { startsAt: '2099-06-01T10:00' })
    const approve = await manager.post(`/governance/meetings/${future}/status`, {
      status: 'minutes-approved',
    })
    expect(approve.statusCode).toBe(400)
    expect(approve.body).toContain('Minutes can only be drafted or approved for a meeting that has been held')
    expect((await g().getMeeting(future)).status).toBe('scheduled')
  })

  it('flags overdue actions arising, links them to deliverables and shows each person only their own', async () => {
    // Someone who owns no action yet, so the lists below hold only what this test gives them.
    const mine = await t.deps.services.partners.createPerson(TEST_ACTOR, { name: 'Priya Raman' })
    const theirs = await personId('Caroline Thwaites')
    const today = londonToday()
    const overdue = await g().addAction(operator, meeting, {
      itemId,
      description: 'Report back on school visits',
      ownerPersonId: mine,
      dueDate: '2012-03-01',
    })
    const later = await g().addAction(operator, meeting, {
      itemId,
      description: 'Draft the programme’s evaluation',
      ownerPersonId: mine,
      dueDate: '2999-01-01',
    })
    const other = await g().addAction(operator, meeting, {
      itemId,
      description: 'Someone else’s action',
      ownerPersonId: theirs,
      dueDate: '2012-03-01',
    })
    const deliverable = (await t.deps.services.plans.getPlan(planId)).themes[0]?.actions[0]?.deliverables[0]
    await papers().linkActionToDeliverable(operator, meeting, {
      actionId: overdue,
      deliverableId: deliverable?.id,
    })

    const owned = await papers().actionsArisingOwnedBy(mine, today)
    expect(owned.map((a) => [a.id, a.overdue])).toEqual([
      [overdue, true],
      [later, false],
    ])
    expect(owned[0]?.deliverable).toMatchObject({ kind: 'deliverable', id: deliverable?.id, found: true })

    const lead = await t.deps.services.users.get(t.userIds.lead)
    await t.deps.services.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: lead.name,
      organisationId: lead.organisationId,
      role: 'lead',
      personId: mine,
      version: lead.version,
    })
    const browser = new Browser(t.app)
    await browser.signIn('lead@test.example')
    const page = await browser.get('/governance/my-actions-arising')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Report back on school visits')
    expect(page.body).toContain('Draft the programme’s evaluation')
    expect(page.body).not.toContain('Someone else’s action')
    expect(page.body).toMatch(/1 March 2012 <strong class="govuk-tag govuk-tag--red">Overdue/)
    expect(page.body).toContain(`href="/deliverables/${deliverable?.id}"`)

    const closed = await browser.post(`/governance/my-actions-arising/${overdue}/status`, {
      status: 'closed',
    })
    expect(closed.statusCode).toBe(303)
    expect((await g().getAction(overdue)).status).toBe('closed')
    expect((await papers().actionsArisingOwnedBy(mine, today))[1]).toMatchObject({
      id: overdue,
      overdue: false,
    })
    const refused = await browser.post(`/governance/my-actions-arising/${other}/status`, { status: 'closed' })
    expect(refused.statusCode).toBe(403)
    expect((await g().getAction(other)).status).toBe('open')

    const api = await browser.get('/api/v1/my-actions-arising')
    expect(api.json().actions.map((a: { id: number }) => a.id)).toEqual([later, overdue])
  })

  it('takes a paper off its item, audited, and lets no one change papers once the minutes are approved', async () => {
    const paper = await papers().addPaperLink(operator, meeting, { itemId, target: 'exception-report' })
    const removed = await manager.post(`/governance/papers/${paper}/remove`)
    expect(removed.statusCode).toBe(303)
    expect((await papers().papersOfMeeting(meeting)).map((p) => p.id)).not.toContain(paper)
    const [, october] = await g()
      .listMeetings(delivery)
      .then((m) => m.slice(-2))
    const approvedItem = (await g().getMeeting(october?.id as number)).items[0]?.id
    await expect(
      papers().addPaperLink(operator, october?.id as number, {
        itemId: approvedItem,
        target: 'exception-report',
      }),
    ).rejects.toBeInstanceOf(ValidationError)
  })
})
