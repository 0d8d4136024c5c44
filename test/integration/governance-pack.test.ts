import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { PERFORMANCE_ABSENT } from '../../src/modules/governance/pack/pack-sections.ts'
import { MODULES } from '../../src/modules/index.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { openDocx } from '../helpers/docx.ts'
import { pdfPaper } from '../helpers/papers.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// The board pack and the annual report on the real database, made for the demo's next meeting of
// the Safer Communities Delivery Group (seed 004's meeting before it), with seed 003's plan and two
// indicators: the Word files are opened and read, as a board member would.

const operator = { actor: TEST_ACTOR, user: null }

async function demoLike(t: TestApp) {
  const s = t.deps.services
  await loadPartnersDemo(s, TEST_ACTOR)
  await loadGovernanceDemo(s, TEST_ACTOR)
  const strategy = await s.strategies.create(TEST_ACTOR, {
    title: 'Violent Crime Strategy',
    status: 'adopted',
  })
  const knife = await s.strategies.addPriority(TEST_ACTOR, strategy, { title: 'Serious violence' })
  const outcome = await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
  await s.strategies.linkPlan(TEST_ACTOR, outcome.planId as number, strategy)
  const delivery = (await s.governance.findBoardByName('Safer Communities Delivery Group')) as number
  const [next, held] = await s.governance.listMeetings(delivery)
  return {
    strategy,
    knife,
    plan: outcome.planId as number,
    next: next?.id as number,
    held: held?.id as number,
  }
}

async function defineIndicators(t: TestApp, priority: number) {
  const indicators = t.deps.services.indicators
  await indicators.define(operator, {
    key: 'knife-injury-victims',
    name: 'Knife injury victims under 25',
    unit: 'count',
    polarity: 'down',
    frequency: 'month',
    priorityIds: [priority],
  })
  await indicators.define(operator, {
    key: 'weapons-sweeps',
    name: 'Weapons sweeps completed',
    unit: 'count',
    polarity: 'up',
    frequency: 'month',
  })
  for (const [period, value] of [
    ['2025-12', '50'],
    ['2026-01', '60'],
    ['2026-02', '70'],
    ['2026-03', '80'],
  ])
    await indicators.enterValue(operator, 'knife-injury-victims', { period, value })
  await indicators.setTarget(operator, 'knife-injury-victims', { period: '2026-03', target: '50' })
  await indicators.enterValue(operator, 'weapons-sweeps', { period: '2026-03', value: '12' })
  await indicators.setTarget(operator, 'weapons-sweeps', { period: '2026-03', target: '10' })
}

describe.each(DIALECTS)('the board pack on %s', (dialect) => {
  let t: TestApp
  let ids: Awaited<ReturnType<typeof demoLike>>
  const packs = () => t.deps.services.boardPacks

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    ids = await demoLike(t)
    await defineIndicators(t, ids.knife)
    const exempt = await t.deps.services.governance.addItem(operator, ids.next, {
      title: 'Named individuals of concern',
      exempt: 'yes',
      exemptReason: 'Information about individuals (paragraph 1)',
    })
    // A paper on a standing item and a link, which the pack lists; and one on the exempt item, which it never does.
    const papers = t.deps.services.governancePapers
    const meeting = await t.deps.services.governance.getMeeting(ids.next)
    const standing = meeting.items.find((i) => i.kind === 'standing')?.id as number
    await papers.addPaperFile(
      operator,
      ids.next,
      { itemId: standing },
      { fileName: 'Knife crime quarterly report.pdf', content: pdfPaper('Knife crime') },
    )
    await papers.addPaperLink(operator, ids.next, { itemId: standing, target: 'exception-report' })
    await papers.addPaperFile(
      operator,
      ids.next,
      { itemId: exempt },
      { fileName: 'Individuals of concern.pdf', content: pdfPaper('Named people') },
    )
  })
  afterAll(() => t.close())

  it('holds the agenda, the last minutes with matters arising, the exception report, the plan summary and a chart with its table', async () => {
    const version = await packs().build(operator, ids.next)
    expect(version.number).toBe(1)
    const file = await packs().packFile(version.id)
    expect(file.fileName).toBe('board-pack-safer-communities-delivery-group-2011-12-08-v1.docx')
    const { names, text } = openDocx(file.content)

    // Cover and agenda: numbered items, standing items, the exempt item marked with its reason.
    expect(text).toContain('Board: Safer Communities Delivery Group')
    expect(text).toContain('Version 1, made')
    expect(text).toContain('Item 101\tMatters arising\t\tOpen actions from earlier meetings\n')
    expect(text).toContain('Item 102\tKnife, gun and serious violence performance\t\tStanding item\n')
    expect(text).toMatch(
      /Item 107\tNamed individuals of concern\t\tExempt: Information about individuals \(paragraph 1\)\n/,
    )
    // The last meeting's minutes, RESOLVED i–iii as written, and the actions still open.
    expect(text).toContain('Item 100: Delivery Plan Reprioritisation')
    expect(text).toContain('Presented by Claire Kowalska.')
    expect(text).toContain('RESOLVED i–iii')
    expect(text).toContain(
      'ii) That agreement be given to proceed with the development of an Integrated Offender Management system',
    )
    expect(text).toContain('Matters arising: open actions from earlier meetings')
    // The dashboard and the exception report, each line saying why.
    expect(text).toContain('Performance dashboard: each indicator’s latest figure')
    expect(text).toMatch(/Knife injury victims under 25\tMar 2026\t80\t50\tRed – off target\tWorsening\n/)
    expect(text).toContain('Red: 80 against a target of 50')
    expect(text).toContain('Worsening three periods running')
    // The plan's RAG by theme, and its red, overdue and never-updated deliverables listed.
    expect(text).toContain('No plan names Safer Communities Delivery Group as its owning board')
    expect(text).toMatch(/: RAG by theme\n/)
    expect(text).toMatch(/Never updated \(\d+\)/)
    expect(text).toContain('Theme\tBlue\tGreen\tAmber\tRed\tNot started\tNot rated\tTotal\n')
    // Charts as images (SVG with a PNG beside it), each followed by its figures.
    expect(names.some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true)
    expect(names.some((n) => /^word\/media\/.+\.svg$/.test(n))).toBe(true)
    expect(text).toContain('Indicators by rating against target\n')
    expect(text).toMatch(/Rating\tIndicators\nRed\t1\nGreen\t1\n/)
    expect(text).toMatch(/deliverables by RAG\nRAG\tDeliverables\n/)
    // The papers: what the agenda holds, and nothing of the exempt item's.
    expect(text).toContain('Papers on the agenda')
    expect(text).toContain('Item 107\tNamed individuals of concern\tExempt: papers not included\n')
    expect(text).toContain(
      'Item 102\tKnife, gun and serious violence performance\tKnife crime quarterly report.pdf (PDF, 1 KB); Exception report (Exception report)\n',
    )
    expect(text).not.toContain('Individuals of concern.pdf')
  })

  it('keeps each pack as the next numbered version, and marks the one circulated, all in the audit log', async () => {
    const second = await packs().build(operator, ids.next)
    expect(second.number).toBe(2)
    const other = await packs().build(operator, ids.held)
    expect(other.number).toBe(1)
    const listed = await packs().meetingPacks(ids.next)
    expect(listed.versions.map((v) => v.number)).toEqual([2, 1])
    expect(listed.circulated).toBeNull()
    const first = listed.versions[1]?.id as number
    const marked = await packs().markCirculated(operator, first)
    expect(marked.circulatedAt).not.toBeNull()
    expect(marked.circulatedBy).toBe(TEST_ACTOR.label)
    expect((await packs().meetingPacks(ids.next)).circulated?.number).toBe(1)
    await expect(packs().markCirculated(operator, first)).rejects.toThrow(
      'Version 1 was already marked as circulated',
    )
    // The file is kept as it was made: version 1 still says version 1.
    expect(openDocx((await packs().packFile(first)).content).text).toContain('Version 1, made')

    const log = await t.deps.services.audit.search({ entityType: 'meeting', entityId: String(ids.next) }, 1)
    const actions = log.rows.map((r) => r.action)
    expect(actions.filter((a) => a === 'meeting.pack-build')).toHaveLength(2)
    expect(actions.filter((a) => a === 'meeting.pack-circulated')).toHaveLength(1)
  })

  it('lets only partnership managers and administrators make a pack or mark it circulated', async () => {
    const before = await countRows(t, 'board_packs')
    const viewer = { actor: TEST_ACTOR, user: { role: 'board-member' as const } }
    await expect(packs().build(viewer, ids.next)).rejects.toBeInstanceOf(ForbiddenError)
    const latest = (await packs().meetingPacks(ids.next)).versions[0]?.id as number
    await expect(packs().markCirculated(viewer, latest)).rejects.toBeInstanceOf(ForbiddenError)
    expect(await countRows(t, 'board_packs')).toBe(before)
  })

  it('writes the annual report: priorities with their indicators, the plan’s RAG by theme and the year’s decisions', async () => {
    const file = await packs().annualReport(TEST_ACTOR, ids.strategy, '2011')
    expect(file.fileName).toBe('annual-report-violent-crime-strategy-2011.docx')
    const { text } = openDocx(file.content)
    expect(text).toContain('Violent Crime Strategy: annual report 2011')
    expect(text).toContain('Year: 1 January to 31 December 2011')
    expect(text).toContain('Indicators for Serious violence')
    expect(text).toMatch(/Knife injury victims under 25\tMar 2026\t80\t50\tRed – off target\tWorsening\n/)
    expect(text).toMatch(/: RAG by theme\n/)
    expect(text).toContain('Decisions in 2011')
    expect(text).toContain(
      '6 October 2011\tSafer Communities Delivery Group, Item 100: Delivery Plan Reprioritisation\tii\tThat agreement be given',
    )
    // Another year has none of 2011's decisions.
    expect(openDocx((await packs().annualReport(TEST_ACTOR, ids.strategy, 2012)).content).text).toContain(
      'No decisions are recorded for 2012.',
    )
    await expect(packs().annualReport(TEST_ACTOR, ids.strategy, '11')).rejects.toBeInstanceOf(ValidationError)
    const log = await t.deps.services.audit.search({ action: 'strategy.annual-report' }, 1)
    expect(log.rows.map((r) => r.entity_id)).toEqual([String(ids.strategy), String(ids.strategy)])
  })

  it('lists the year’s decision records beside the minutes’ resolutions, in date order, leaving out those not taken', async () => {
    const governance = t.deps.services.governance
    const record = (title: string, decisionDate: string, status?: string) =>
      governance.recordDecision(operator, {
        reference: title.slice(0, 3).toUpperCase(),
        title,
        decisionMaker: 'Cabinet Member for Community Safety',
        decisionDate,
        decisions: [
          { number: '1', text: `${title}: the first decision.` },
          { number: '2', text: `${title}: the second decision.` },
        ],
        ...(status ? { status } : {}),
      })
    await record('Knife crime strategy', '2011-11-20')
    await record('Early review', '2011-02-01')
    await record('Withdrawn proposal', '2011-07-01', 'withdrawn')
    await record('Next year’s budget', '2012-01-10')
    const { text } = openDocx((await packs().annualReport(TEST_ACTOR, ids.strategy, 2011)).content)
    expect(text).toContain(
      '20 November 2011\tKNI, Cabinet Member for Community Safety: Knife crime strategy\t2\tKnife crime strategy: the second decision.\n',
    )
    // In date order: February's record, October's resolutions from the minutes, November's record.
    const at = (s: string) => text.indexOf(s)
    expect(at('Early review: the first decision.')).toBeGreaterThan(0)
    expect(at('Early review: the first decision.')).toBeLessThan(
      at('Item 100: Delivery Plan Reprioritisation\ti\t'),
    )
    expect(at('Item 100: Delivery Plan Reprioritisation\ti\t')).toBeLessThan(
      at('Knife crime strategy: the first'),
    )
    expect(text).not.toContain('Withdrawn proposal')
    expect(text).not.toContain('Next year’s budget')
  })

  it('downloads a version through the page and the API, each download recorded as a read', async () => {
    const browser = new Browser(t.app)
    await browser.signIn('board-member@test.example')
    const version = (await packs().meetingPacks(ids.next)).versions[0]
    const page = await browser.get(`/governance/packs/${version?.id}`)
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-disposition']).toBe(`attachment; filename="${version?.fileName}"`)
    expect(page.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const meeting = await browser.get(`/governance/meetings/${ids.next}`)
    expect(meeting.body).toContain('Version 1 was circulated')
    expect(meeting.body).not.toContain('Make a new version of the board pack')
    const reads = await t.deps.services.audit.search({ action: 'viewed' }, 1)
    expect(
      reads.rows.some((r) => r.entity_type === 'board-pack' && r.entity_id === String(version?.id)),
    ).toBe(true)
  })
  it('makes, lists, downloads and marks versions through the API, and writes the annual report', async () => {
    const call = async (role: 'partnership-manager' | 'board-member', method: 'GET' | 'POST', url: string) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${await apiTokenFor(t, role)}` },
      })
    const made = await call('partnership-manager', 'POST', `/meetings/${ids.held}/packs`)
    expect(made.statusCode).toBe(201)
    const version = made.json() as { id: number; number: number; meetingId: number }
    expect(version).toMatchObject({ number: 2, meetingId: ids.held })
    expect((await call('board-member', 'POST', `/meetings/${ids.held}/packs`)).statusCode).toBe(403)
    const listed = await call('board-member', 'GET', `/meetings/${ids.held}/packs`)
    expect((listed.json() as { versions: Array<{ number: number }> }).versions.map((v) => v.number)).toEqual([
      2, 1,
    ])
    const file = await call('board-member', 'GET', `/packs/${version.id}`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('wordprocessingml')
    expect(openDocx(file.rawPayload).text).toContain('Version 2, made')
    const circulated = await call('partnership-manager', 'POST', `/packs/${version.id}/circulated`)
    expect(circulated.json()).toMatchObject({ number: 2, circulatedBy: 'partnership-manager@test.example' })
    expect((await call('partnership-manager', 'POST', `/packs/${version.id}/circulated`)).statusCode).toBe(
      400,
    )
    const annual = await call('board-member', 'GET', `/strategies/${ids.strategy}/annual-report?year=2011`)
    expect(annual.statusCode).toBe(200)
    expect(openDocx(annual.rawPayload).text).toContain('Decisions in 2011')
    expect(
      (await call('board-member', 'GET', `/strategies/${ids.strategy}/annual-report?year=11`)).statusCode,
    ).toBe(400)
  })
})

describe('the board pack without the performance module', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp('sqlite', {}, { modules: MODULES.filter((m) => m.name !== 'performance') })
  })
  afterAll(() => t.close())

  it('says the performance section is missing, and the rest of the pack is whole', async () => {
    expect('performanceReports' in t.deps.services).toBe(false)
    const ids = await demoLike(t)
    const version = await t.deps.services.boardPacks.build(operator, ids.next)
    const { text } = openDocx((await t.deps.services.boardPacks.packFile(version.id)).content)
    expect(text).toContain(PERFORMANCE_ABSENT)
    expect(text).not.toContain('Exception report')
    expect(text).toContain('Item 100: Delivery Plan Reprioritisation')
    expect(text).toMatch(/: RAG by theme\n/)
    const annual = openDocx(
      (await t.deps.services.boardPacks.annualReport(TEST_ACTOR, ids.strategy, 2011)).content,
    )
    expect(annual.text).toContain(PERFORMANCE_ABSENT)
    expect(annual.text).toContain('Serious violence')
  })
})
