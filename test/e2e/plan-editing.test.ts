import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ACTOR } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  checkAccessibility,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectNoSidewaysScroll,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// A partnership manager builds a plan from nothing in a real browser, with JavaScript on and
// off: themes, an action, a deliverable with its leads and organisations, the form's checks, and
// removing and restoring. Then every plans page is measured at 1280 and 320 pixels wide.

const pathOf = (page: Page) => new URL(page.url()).pathname

/** Tables that are wider than the box they sit in: a column someone must scroll sideways to find. */
const overflowingTables = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main table')]
      .map((table) => {
        const box = (table.closest('.safer-table-container, .safer-table-scroll') ??
          table.parentElement) as HTMLElement
        return {
          caption: table.querySelector('caption')?.textContent?.trim() ?? '',
          over: table.scrollWidth - box.clientWidth,
        }
      })
      .filter((t) => t.over > 1),
  )

describe('building and changing a plan in a real browser', () => {
  let e: E2E
  let manager: Page
  let importedPlan = 0
  let newPlanPath = ''
  let deliverablePath = ''

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    await s.partners.createPerson(TEST_ACTOR, { name: 'Helen Lyons' })
    await s.partners.createPerson(TEST_ACTOR, { name: 'Ian Howells' })
    importedPlan = (
      await s.planImport.importPlan(TEST_ACTOR, { fileName: 'knife-crime-plan.tsv', content: seed003() })
    ).planId as number
    manager = (await e.newPage()).page
    await signIn(manager, 'partnership-manager@test.example')
  })
  afterAll(async () => {
    await e?.close()
  })

  it('creates a plan from nothing, with themes in the order chosen and a locally added action', async () => {
    await visit(manager, '/plans')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'New plan' }))
    expect(await heading(manager)).toBe('New plan')
    await manager.getByLabel('Title').fill('Youth Violence Plan 2026/28')
    await manager.getByLabel('Period (optional)').fill('2026/28')
    await manager.getByLabel('Owning board (optional)').fill('Safer Southwark Partnership')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Create plan' }))
    newPlanPath = pathOf(manager).replace(/\/structure$/, '')
    expect(pathOf(manager)).toMatch(/^\/plans\/\d+\/structure$/)
    expect(await banner(manager)).toContain('Plan created')

    for (const title of ['Governance', 'Prevention']) {
      await manager.getByLabel('Theme title').fill(title)
      await clickAndCheck(manager, manager.getByRole('button', { name: 'Add theme' }))
      expect(await banner(manager)).toContain(`Theme added: ${title}`)
    }
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Move up the theme Prevention' }))
    expect(await manager.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
      expect.arrayContaining(['Prevention', 'Governance']),
    )
    const themes = await manager.locator('section h2').allTextContents()
    expect(themes).toEqual(['Prevention', 'Governance'])

    await clickAndCheck(manager, manager.getByRole('link', { name: 'Add an action to Governance' }))
    await manager.getByLabel('Number (optional)').fill('*1')
    await manager.getByLabel('Locally added').check()
    await manager.getByLabel('What the action says').fill('Monthly tasking with every partner')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Save action' }))
    expect(await banner(manager)).toContain('Action *1 added')
    expect(await manager.locator('#main-content').textContent()).toContain('Locally added')
  })

  it('adds a deliverable with its lead and organisations, refusing an impossible date and an end before the start', async () => {
    await clickAndCheck(
      manager,
      manager.getByRole('link', { name: 'Add a deliverable to Action *1 in Governance' }),
    )
    await manager.getByLabel('Outcome').fill('Every partner attends tasking')
    await manager.getByLabel('Start (optional)').fill('Apr-26')
    await manager.getByLabel('End (optional)').fill('31/02/2027')
    await manager.getByLabel('Lead', { exact: true }).selectOption({ label: 'Helen Lyons' })
    await manager.getByLabel('Lead organisations (optional)').fill('MPS\nLBS')
    const refused = await clickAndCheck(manager, manager.getByRole('button', { name: 'Add deliverable' }))
    expect(refused?.status()).toBe(400)
    expect(await errorSummaryItems(manager)).toEqual([
      'The end must be a real date: 31/02/2027 is not a day in the calendar',
    ])
    expect(await manager.getByLabel('Outcome').inputValue()).toBe('Every partner attends tasking')

    await manager.getByLabel('End (optional)').fill('Mar-26')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Add deliverable' }))
    expect((await errorSummaryItems(manager))[0]).toMatch(/^The end must be on or after the start/)
    await manager.getByLabel('End (optional)').fill('Mar-27')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Add deliverable' }))
    deliverablePath = pathOf(manager)
    expect(deliverablePath).toMatch(/^\/deliverables\/\d+$/)
    expect(await banner(manager)).toContain('Deliverable added')
    const details = await manager.locator('.govuk-summary-list').nth(1).textContent()
    expect(details).toContain('Helen Lyons')
    expect(details).toContain('MPS, LBS')
    expect(await manager.title()).toBe('Every partner attends tasking – Safer')
  })

  it('changes the leads and organisations, and names the field and its length when a text is too long', async () => {
    await clickAndCheck(manager, manager.getByRole('link', { name: 'Change the deliverable’s details' }))
    await manager.getByLabel('Add a lead').selectOption({ label: 'Ian Howells' })
    await manager.getByLabel('Lead organisations (optional)').fill('MPS\nProbation')
    await manager.getByLabel('Progress (from the plan) (optional)').fill('x'.repeat(5003))
    // With JavaScript on the character count says so as the person types.
    await expect
      .poll(() =>
        manager.locator('.govuk-character-count__status', { hasText: 'too many' }).allTextContents(),
      )
      .toEqual([expect.stringMatching(/You have 3 characters too many/)])
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Save deliverable' }))
    expect(await errorSummaryItems(manager)).toEqual([
      'Progress must be 5,000 characters or fewer (you entered 5,003)',
    ])
    await manager.getByLabel('Progress (from the plan) (optional)').fill('Partners signed up')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Save deliverable' }))
    expect(await banner(manager)).toContain('Deliverable saved')
    const details = await manager.locator('.govuk-summary-list').nth(1).textContent()
    expect(details).toContain('Helen Lyons, Ian Howells')
    expect(details).toContain('MPS, Probation')
  })

  it('removes the deliverable with a reason and restores it from the archived list', async () => {
    await clickAndCheck(manager, manager.getByRole('link', { name: 'Remove the deliverable from the plan' }))
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Remove from the plan' }))
    expect(await errorSummaryItems(manager)).toEqual(['Say why it is being removed'])
    await manager.getByLabel('Why is it being removed?').fill('Merged into the tasking deliverable')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Remove from the plan' }))
    expect(await banner(manager)).toContain('Removed from the plan: Every partner attends tasking')
    await visit(manager, newPlanPath)
    expect(await manager.locator('#result-count').textContent()).toContain('0 deliverables')

    await visit(manager, `${newPlanPath}/archived`)
    const row = manager.getByRole('row', { name: /Every partner attends tasking/ })
    expect(await row.textContent()).toContain('Merged into the tasking deliverable')
    expect(await row.textContent()).toContain('partnership-manager@test.example')
    await clickAndCheck(
      manager,
      manager.getByRole('button', { name: 'Restore Every partner attends tasking' }),
    )
    expect(await banner(manager)).toContain('Restored to the plan')
    await visit(manager, newPlanPath)
    expect(await manager.locator('#result-count').textContent()).toContain('1 deliverables')
  })

  it('renames a theme and removes and restores an action with JavaScript switched off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(page, 'admin@test.example')
      await visit(page, `${newPlanPath}/structure`)
      await clickAndCheck(page, page.getByRole('link', { name: 'Rename the theme Prevention' }))
      await page.getByLabel('Title', { exact: true }).fill('Early help and prevention')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save theme' }))
      expect(await banner(page)).toContain('Theme renamed')
      expect(await page.locator('section h2').allTextContents()).toEqual([
        'Early help and prevention',
        'Governance',
      ])

      await clickAndCheck(page, page.getByRole('link', { name: 'Remove Action *1 in Governance' }))
      await page.getByLabel('Why is it being removed?').fill('Tasking moves to the board')
      await clickAndCheck(page, page.getByRole('button', { name: 'Remove from the plan' }))
      expect(await banner(page)).toContain('Removed from the plan: Action *1')
      expect((await page.locator('section').allTextContents()).join(' ')).not.toContain(
        'Monthly tasking with every partner',
      )
      await visit(page, `${newPlanPath}/archived`)
      await clickAndCheck(page, page.getByRole('button', { name: /^Restore Action \*1/ }))
      await visit(page, newPlanPath)
      expect(await page.locator('#main-content').textContent()).toContain(
        'Monthly tasking with every partner',
      )

      // Without JavaScript the long text is caught by the server, with the same words.
      await visit(page, `${deliverablePath}/edit`)
      await page.getByLabel('Comment (optional)').fill('c'.repeat(62_503))
      await clickAndCheck(page, page.getByRole('button', { name: 'Save deliverable' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Comment must be 5,000 characters or fewer (you entered 62,503)',
      ])
    } finally {
      await context.close()
    }
  })

  it('fits every plans page at 1280 pixels with no table cut off, and reflows at 320 pixels', async () => {
    const s = e.t.deps.services
    const imported = await s.plans.getPlan(importedPlan)
    const longest = imported.themes
      .flatMap((t) => t.actions.flatMap((a) => a.deliverables))
      .reduce((a, b) => (b.outcome.length > a.outcome.length ? b : a))
    const themeId = imported.themes[0]?.id
    const actionId = imported.themes[0]?.actions[0]?.id
    const pages = [
      '/plans',
      '/plans/new',
      `/plans/${importedPlan}`,
      `/plans/${importedPlan}/summary`,
      `/plans/${importedPlan}/structure`,
      `/plans/${importedPlan}/archived`,
      `/deliverables/${longest.id}`,
      `/deliverables/${longest.id}/edit`,
      `/themes/${themeId}/edit`,
      `/actions/${actionId}/edit`,
      `/actions/${actionId}/deliverables/new`,
      `/deliverables/${longest.id}/archive`,
      '/plans/import',
      '/strategies',
      '/my-actions',
    ]
    const { context, page } = await e.newPage()
    try {
      await context.addCookies(await manager.context().cookies())
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 })
        for (const url of pages) {
          const response = await page.goto(url)
          expect(response?.status(), url).toBe(200)
          await expectNoSidewaysScroll(page)
          // At 320 pixels a wide table may scroll in its own labelled box; at 1280 none may hide a column.
          if (width === 1280) expect(await overflowingTables(page), `${url} at 1280 pixels`).toEqual([])
        }
      }
      await checkAccessibility(page)
    } finally {
      await context.close()
    }
  })
})
