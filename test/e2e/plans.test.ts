import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ACTOR } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// Delivery plans in a real browser: every page checked with axe on arrival, the import walked
// through as a partnership manager, and a lead's journey made with JavaScript switched off.

const pathOf = (page: Page) => new URL(page.url()).pathname
const deliverableLinks = (page: Page) => page.locator('a[href^="/deliverables/"]')

describe('delivery plans in a real browser', () => {
  let e: E2E
  let manager: Page
  let planPath = ''
  let strategyId = 0

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    strategyId = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy 2010–15',
      period: '2010–2015',
      status: 'adopted',
      adoptedOn: '2010-11-16',
      vision: 'A borough where people are safe, and feel safe.',
      strategicAims: ['Protection of Life', 'Reduction in youth violence'],
    })
    await s.strategies.addPriority(TEST_ACTOR, strategyId, {
      title: 'Reduce knife crime',
      description: 'Fewer people carry knives.',
      objectives: ['Fewer injuries'],
      focus: ['Young people'],
      keyRecommendations: ['Weapon sweeps'],
    })
    // The lead user is the plan's "Det Supt Helen Lyons": their account is linked to that person,
    // whom the import below finds by name.
    const helen = await s.partners.createPerson(TEST_ACTOR, { name: 'Helen Lyons' })
    const lead = await s.users.get(e.t.userIds.lead)
    await s.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: 'Helen Lyons',
      organisationId: lead.organisationId,
      role: 'lead',
      personId: helen,
      version: lead.version,
    })
    manager = (await e.newPage()).page
    await signIn(manager, 'partnership-manager@test.example')
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows the strategies and a strategy’s priorities', async () => {
    await clickAndCheck(
      manager,
      manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }),
    )
    expect(pathOf(manager)).toBe('/plans')
    expect(await manager.getByText('There are no action plans yet').isVisible()).toBe(true)
    await clickAndCheck(manager, manager.getByRole('link', { name: 'See the strategies' }))
    expect(await heading(manager)).toBe('Strategies')
    await clickAndCheck(manager, manager.getByRole('link', { name: 'Violent Crime Strategy 2010–15' }))
    expect(await heading(manager)).toBe('Violent Crime Strategy 2010–15')
    expect(await manager.getByRole('heading', { name: '1. Reduce knife crime' }).isVisible()).toBe(true)
    expect(await manager.getByText('Weapon sweeps').isVisible()).toBe(true)
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Add a priority' }))
    expect(await heading(manager)).toBe('Add a priority')
    const invalid = await clickAndCheck(manager, manager.getByRole('button', { name: 'Save priority' }))
    expect(invalid?.status()).toBe(400)
    expect(await errorSummaryItems(manager)).toEqual(['Enter the priority’s title'])
    await manager.getByLabel('Title').fill('Support victims')
    await manager
      .getByLabel('Key recommendations (optional)')
      .fill('Victim support in A&E\nTrauma-informed schools')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Save priority' }))
    expect(await banner(manager)).toContain('Priority added')
    expect(await manager.getByText('Trauma-informed schools').isVisible()).toBe(true)
    await visit(manager, `/strategies/${strategyId}/edit`)
    expect(await manager.getByLabel('Day').inputValue()).toBe('16')
  })

  it('imports a plan: a bad file is refused with its name, a good one previewed, then confirmed', async () => {
    await visit(manager, '/plans/import')
    expect(await heading(manager)).toBe('Import a plan from a spreadsheet')
    await manager.getByLabel('Spreadsheet').setInputFiles({
      name: 'minutes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Item,Minutes\n1,Apologies\n'),
    })
    const refused = await clickAndCheck(manager, manager.getByRole('button', { name: 'Upload and check' }))
    expect(refused?.status()).toBe(400)
    expect((await errorSummaryItems(manager))[0]).toContain('minutes.csv: No header row found')

    await manager
      .getByLabel('Spreadsheet')
      .setInputFiles({ name: 'knife-crime-plan.txt', mimeType: 'text/plain', buffer: seed003() })
    await manager
      .getByLabel('Strategy it delivers (optional)')
      .selectOption({ label: 'Violent Crime Strategy 2010–15 (2010–2015)' })
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Upload and check' }))
    expect(await heading(manager)).toBe('Check the plan before you import it')
    expect(await manager.locator('.govuk-summary-list').textContent()).toMatch(/Deliverables\s+61/)
    expect(await manager.getByRole('table', { name: 'Themes' }).getByRole('row').count()).toBe(9)
    expect(
      await manager.getByRole('table', { name: 'Things to check' }).getByRole('row').count(),
    ).toBeGreaterThan(1)

    await clickAndCheck(manager, manager.getByRole('button', { name: 'Import this plan' }))
    planPath = pathOf(manager)
    expect(planPath).toMatch(/^\/plans\/\d+$/)
    expect(await banner(manager)).toContain('Plan imported: 8 themes, 56 actions, 61 deliverables')
    expect(await deliverableLinks(manager).count()).toBe(61)
    expect(await manager.getByRole('heading', { name: 'Action *3 Locally added' }).first().isVisible()).toBe(
      true,
    )
  })

  it('filters the plan page, and shows the plan on a page with its chart', async () => {
    await visit(manager, '/plans')
    const row = manager.getByRole('row', { name: /Knife Crime and Serious Violence Plan 2018\/20/ })
    expect(await row.getByRole('link', { name: 'Violent Crime Strategy 2010–15' }).isVisible()).toBe(true)
    await clickAndCheck(manager, row.getByRole('link').first())
    expect(pathOf(manager)).toBe(planPath)
    await manager.getByLabel('Lead organisation').selectOption('MPS')
    await manager.getByLabel('Overdue').check()
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Apply filters' }))
    const url = new URL(manager.url())
    expect(url.searchParams.get('leadOrganisation')).toBe('MPS')
    expect(url.searchParams.get('overdue')).toBe('yes')
    const shown = await deliverableLinks(manager).count()
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(61)
    expect(await manager.locator('#result-count').textContent()).toContain(
      `Showing ${shown} of 61 deliverables`,
    )
    expect(await manager.locator('.safer-flag', { hasText: 'Overdue' }).count()).toBe(shown)

    await clickAndCheck(manager, manager.getByRole('link', { name: 'Plan on a page: RAG and flag counts' }))
    expect(await heading(manager)).toBe(
      'Southwark Borough - Community Safety Partnership Knife Crime and Serious Violence Plan 2018/20',
    )
    expect(
      await manager
        .getByRole('img', { name: 'Bar chart: deliverables in each theme by RAG status' })
        .isVisible(),
    ).toBe(true)
    expect(await manager.getByRole('table', { name: 'By theme' }).getByRole('row').count()).toBe(10)
  })

  it('lets a partnership manager add an update and change a deliverable', async () => {
    await visit(manager, planPath)
    await clickAndCheck(manager, deliverableLinks(manager).first())
    expect(await manager.getByRole('heading', { name: 'Add a progress update' }).isVisible()).toBe(true)
    await manager.getByLabel('Day').fill('')
    const invalid = await clickAndCheck(manager, manager.getByRole('button', { name: 'Add update' }))
    expect(invalid?.status()).toBe(400)
    expect(await errorSummaryItems(manager)).toEqual([
      'The date of the update must include a day',
      'Describe the progress made',
    ])
    await manager.getByLabel('Day').fill('1')
    await manager.getByLabel('What progress has been made?').fill('Partnership tasking group meets monthly')
    await manager.getByLabel('Green – on track').check()
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Add update' }))
    expect(await banner(manager)).toContain('Progress update added')
    const history = manager.getByRole('table', { name: /1 update, newest first/ })
    expect(
      await history.getByRole('cell', { name: 'Partnership tasking group meets monthly' }).isVisible(),
    ).toBe(true)

    await clickAndCheck(manager, manager.getByRole('link', { name: 'Change the deliverable’s details' }))
    expect(await heading(manager)).toBe('Change the deliverable')
    await manager.getByLabel('Comment (optional)').fill('Reviewed at the November board')
    await clickAndCheck(manager, manager.getByRole('button', { name: 'Save deliverable' }))
    expect(await banner(manager)).toContain('Deliverable saved')
    expect(await manager.getByText('Reviewed at the November board').isVisible()).toBe(true)
  })

  it('shows a lead their own actions, and lets them filter and update with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(page, 'lead@test.example')
      await visit(page, '/my-actions')
      expect(await heading(page)).toBe('My actions')
      const mine = await deliverableLinks(page).count()
      expect(mine).toBeGreaterThan(0)
      expect(await page.getByText(`You lead ${mine} deliverable`).isVisible()).toBe(true)

      // The filter form is an ordinary GET form: it needs no script.
      await visit(page, planPath)
      await page.getByLabel('Lead', { exact: true }).selectOption('Det Supt Helen Lyons')
      await page.getByLabel('Search').fill('tasking')
      await clickAndCheck(page, page.getByRole('button', { name: 'Apply filters' }))
      expect(new URL(page.url()).searchParams.get('lead')).toBe('Det Supt Helen Lyons')
      const found = await deliverableLinks(page).count()
      expect(found).toBeGreaterThan(0)
      expect(found).toBeLessThanOrEqual(mine)

      await clickAndCheck(page, deliverableLinks(page).first())
      expect(await page.getByText('Det Supt Helen Lyons').first().isVisible()).toBe(true)
      await page.getByLabel('What progress has been made?').fill('Weekly meetings with the BCU')
      await page.getByLabel('Amber – at risk').check()
      await clickAndCheck(page, page.getByRole('button', { name: 'Add update' }))
      expect(await banner(page)).toContain('Progress update added')
      expect(await page.locator('main .safer-tags .govuk-tag').first().textContent()).toBe('Amber – at risk')
      expect(await page.getByRole('cell', { name: 'Weekly meetings with the BCU' }).isVisible()).toBe(true)
    } finally {
      await context.close()
    }
  })
})
