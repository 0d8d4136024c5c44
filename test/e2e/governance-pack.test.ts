import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { openDocx } from '../helpers/docx.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  checkAccessibility,
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

// The meeting page's board pack section and the annual report form in a real browser: axe on every
// page, JavaScript off for the manager's forms and on for a board member, no table spilling out at
// 1280 pixels and no sideways scroll at 320.

describe('the board pack in a real browser', () => {
  let e: E2E
  let meeting: number

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    await loadPartnersDemo(s, TEST_ACTOR)
    await loadGovernanceDemo(s, TEST_ACTOR)
    const board = (await s.governance.findBoardByName('Safer Communities Delivery Group')) as number
    meeting = (await s.governance.listMeetings(board))[0]?.id as number
    const strategy = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy',
      status: 'adopted',
    })
    await s.strategies.addPriority(TEST_ACTOR, strategy, { title: 'Robbery' })
  })
  afterAll(async () => {
    await e?.close()
  })

  it('lets a partnership manager make versions and mark one circulated with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, `/governance/meetings/${meeting}`)
      expect(await page.getByText('No board pack has been made for this meeting yet.').isVisible()).toBe(true)
      await clickAndCheck(page, page.getByRole('button', { name: 'Make the board pack' }))
      expect(await banner(page)).toContain('Board pack version 1 made')
      await clickAndCheck(page, page.getByRole('button', { name: 'Make a new version of the board pack' }))
      expect(await banner(page)).toContain('Board pack version 2 made')
      const versions = page.getByRole('table', { name: 'Versions of the board pack, newest first' })
      expect(await versions.getByRole('row').count()).toBe(3)
      expect(await page.getByText('No version has been marked as circulated yet.').isVisible()).toBe(true)
      await expectTablesInside(page, { elements: 'main table, main svg' })

      await clickAndCheck(page, page.getByRole('button', { name: /Mark as circulated.*version 2/ }))
      expect(await banner(page)).toContain('Version 2 marked as circulated')
      expect(await page.locator('#pack-circulated').textContent()).toContain('Version 2 was circulated')
      expect(await versions.locator('.govuk-tag').allTextContents()).toEqual(['Circulated'])

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Version 2 of the board pack/ }).click(),
      ])
      expect(download.suggestedFilename()).toBe(
        'board-pack-safer-communities-delivery-group-2011-12-08-v2.docx',
      )
      const { text } = openDocx(readFileSync(await download.path()))
      expect(text).toContain('Version 2, made')
    } finally {
      await context.close()
    }
  })

  it('shows a board member the versions and which was circulated, without the managers’ buttons, and reflows at 320 pixels', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'board-member@test.example')
      await visit(page, `/governance/meetings/${meeting}`)
      expect(await page.getByRole('heading', { name: 'Board pack' }).isVisible()).toBe(true)
      expect(await page.locator('#pack-circulated').textContent()).toContain('Version 2 was circulated')
      expect(await page.getByRole('button', { name: /board pack|circulated/ }).count()).toBe(0)
      await expectTablesInside(page, { elements: 'main table, main svg' })
      await page.setViewportSize({ width: 320, height: 900 })
      await expectNoSidewaysScroll(page)
      await checkAccessibility(page)
    } finally {
      await context.close()
    }
  })

  it('asks which strategy and year for the annual report, and downloads it', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'board-member@test.example')
      await visit(page, '/governance/boards')
      await clickAndCheck(page, page.getByRole('link', { name: 'make the annual report on a strategy' }))
      expect(await heading(page)).toBe('Annual report on a strategy')
      await clickAndCheck(page, page.getByRole('button', { name: 'Download the annual report' }))
      expect(await errorSummaryItems(page)).toEqual(['Select a strategy'])
      await page.getByLabel('Strategy').selectOption({ label: 'Violent Crime Strategy' })
      await page.getByLabel('Year').fill('2011')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the annual report' }).click(),
      ])
      expect(download.suggestedFilename()).toBe('annual-report-violent-crime-strategy-2011.docx')
      expect(openDocx(readFileSync(await download.path())).text).toContain('Decisions in 2011')
    } finally {
      await context.close()
    }
  })
})
