import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { DEMO_PLAN_FILE } from '../../src/modules/plans/demo.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { pdfPaper } from '../helpers/papers.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectNoSidewaysScroll,
  expectTablesInside,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// Board papers and "my actions arising" in a real browser: a partnership manager adds a paper and a
// link to the plan with JavaScript off, a board member reads the meeting with it on; a lead sees and
// closes their own action arising both ways. Every page is checked with axe, no table spills out of
// the page at 1280 pixels, and nothing scrolls sideways at 320.

describe('governance papers in a real browser', () => {
  let e: E2E
  let meeting: number
  let planTitle: string

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    await loadPartnersDemo(s, TEST_ACTOR)
    await loadGovernanceDemo(s, TEST_ACTOR)
    const imported = await s.planImport.importPlan(TEST_ACTOR, {
      fileName: 'plan.tsv',
      content: readFileSync(DEMO_PLAN_FILE),
    })
    planTitle = (await s.plans.getPlan(imported.planId as number)).title
    const operator = { actor: TEST_ACTOR, user: null }
    const board = (await s.governance.findBoardByName('Safer Communities Delivery Group')) as number
    meeting = await s.governance.scheduleMeeting(operator, board, { startsAt: '2012-02-02T18:30' })
    await s.governance.changeStatus(operator, meeting, { status: 'agenda-published' })
    await s.governance.changeStatus(operator, meeting, { status: 'held' })
    const item = await s.governance.addItem(operator, meeting, { title: 'Knife crime action plan refresh' })
    await s.governance.addResolution(operator, meeting, {
      itemId: item,
      text: 'That a knife crime education programme be delivered in every secondary school',
    })
    const owner = await s.partners.createPerson(TEST_ACTOR, { name: 'Priya Raman' })
    await s.governance.addAction(operator, meeting, {
      itemId: item,
      description: 'Report back on school visits',
      ownerPersonId: owner,
      dueDate: '2012-03-01',
    })
    const lead = await s.users.get(e.t.userIds.lead)
    await s.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: lead.name,
      organisationId: lead.organisationId,
      role: 'lead',
      personId: owner,
      version: lead.version,
    })
  })
  afterAll(async () => {
    await e?.close()
  })

  it('lets a partnership manager add a paper and a link with JavaScript off, refusing a disguised file', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, `/governance/meetings/${meeting}`)
      await clickAndCheck(page, page.getByRole('link', { name: /Add a paper to item \d+/ }).last())
      expect(await heading(page)).toBe('Add a paper')

      await page.getByLabel('File').setInputFiles({
        name: 'Minutes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('MZ this is a program, not a PDF'),
      })
      await clickAndCheck(page, page.getByRole('button', { name: 'Upload paper' }))
      expect((await errorSummaryItems(page))[0]).toMatch(/^Minutes\.pdf is named as a PDF but is not one/)

      await page.getByLabel('File').setInputFiles({
        name: 'Needs assessment.pdf',
        mimeType: 'application/pdf',
        buffer: pdfPaper(),
      })
      await clickAndCheck(page, page.getByRole('button', { name: 'Upload paper' }))
      expect(await banner(page)).toContain('Paper Needs assessment.pdf added')

      await clickAndCheck(page, page.getByRole('link', { name: /Add a paper to item \d+/ }).last())
      await page.getByLabel('Links to').selectOption({ label: `Action plan: ${planTitle}` })
      await clickAndCheck(page, page.getByRole('button', { name: 'Add link' }))
      expect(await banner(page)).toContain('Paper added')
      const papers = page.getByRole('list', { name: 'Papers' }).last()
      expect(await papers.getByRole('link', { name: 'Needs assessment.pdf' }).isVisible()).toBe(true)
      expect(await papers.getByRole('link', { name: planTitle }).getAttribute('href')).toMatch(
        /^\/plans\/\d+$/,
      )
      await expectTablesInside(page)

      await clickAndCheck(page, page.getByRole('link', { name: /Link resolutions and actions to the plan/ }))
      expect(await heading(page)).toBe('Link to the plan')
      await clickAndCheck(page, page.getByRole('button', { name: 'Add deliverable to the plan' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Choose the resolution',
        'Choose the plan action the new deliverable belongs to',
      ])
      await page.getByLabel('Resolution').nth(1).selectOption({ index: 1 })
      await page.getByLabel('Plan, theme and action it belongs to').selectOption({ index: 1 })
      await clickAndCheck(page, page.getByRole('button', { name: 'Add deliverable to the plan' }))
      expect(await banner(page)).toContain('Deliverable added to the plan')
      expect(await page.getByText(/Resolution i created the deliverable/).isVisible()).toBe(true)
      await page.setViewportSize({ width: 320, height: 900 })
      await expectNoSidewaysScroll(page)
    } finally {
      await context.close()
    }
  })

  it('shows a board member the meeting’s papers with JavaScript on, and reflows at 320 pixels', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'board-member@test.example')
      await visit(page, `/governance/meetings/${meeting}`)
      const papers = page.getByRole('list', { name: 'Papers' }).last()
      expect(await papers.getByRole('link', { name: 'Needs assessment.pdf' }).isVisible()).toBe(true)
      expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0)
      await expectTablesInside(page)
      await page.setViewportSize({ width: 320, height: 900 })
      await expectNoSidewaysScroll(page)
    } finally {
      await context.close()
    }
  })

  for (const javaScriptEnabled of [true, false]) {
    it(`shows a lead their own actions arising and lets them close one, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const { context, page } = await e.newPage({ javaScriptEnabled })
      try {
        await page.setViewportSize({ width: 1280, height: 900 })
        await signIn(page, 'lead@test.example')
        await clickAndCheck(
          page,
          page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions arising' }),
        )
        expect(await heading(page)).toBe('My actions arising')
        const table = page.getByRole('table', { name: 'Your actions arising, open ones first' })
        expect(await table.getByRole('cell', { name: /^Report back on school visits/ }).isVisible()).toBe(
          true,
        )
        const button = javaScriptEnabled ? 'Close' : 'Reopen'
        if (javaScriptEnabled) expect(await table.getByText('Overdue').isVisible()).toBe(true)
        await expectTablesInside(page)
        await clickAndCheck(page, table.getByRole('button', { name: new RegExp(`^${button}`) }))
        expect(await banner(page)).toContain('Action arising updated')
        await page.setViewportSize({ width: 320, height: 900 })
        await expectNoSidewaysScroll(page)
      } finally {
        await context.close()
      }
    })
  }
})
