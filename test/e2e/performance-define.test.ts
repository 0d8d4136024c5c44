import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ACTOR } from '../helpers/app.ts'
import {
  BROWSER_TIMEOUTS,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectNoSidewaysScroll,
  expectTablesInside,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// A partnership manager defines an indicator, sets its target and sees its RAG on the dashboard,
// in a real browser with JavaScript on and off; every page checked with axe on arrival, tables
// kept inside the page at 1280 pixels and the forms reflowing at 320.

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const banner = (page: Page) => page.locator('.govuk-notification-banner').textContent()

/** Adds an indicator through the form, from the dashboard's button, and sets a target for one period. */
async function addIndicatorWithTarget(
  page: Page,
  indicator: { key: string; name: string; frequency: string; period: string; target: string },
) {
  await visit(page, '/performance')
  await clickAndCheck(page, page.getByRole('button', { name: 'Add an indicator' }))
  expect(await heading(page)).toBe('Add an indicator')
  // Nothing chosen yet: every missing field is named.
  const refused = await clickAndCheck(page, page.getByRole('button', { name: 'Add indicator' }))
  expect(refused?.status()).toBe(400)
  expect(await errorSummaryItems(page)).toEqual(
    expect.arrayContaining([
      'Enter a name',
      'Polarity is up (higher is better), down (lower is better) or none',
    ]),
  )
  await page.getByLabel('Key').fill(indicator.key)
  await page.getByLabel('Name').fill(indicator.name)
  await page.getByLabel('Definition (optional)').fill('Counted by the partnership analyst each period')
  await page.getByRole('group', { name: 'Unit' }).getByLabel('Count').check()
  await page.getByLabel('Lower is better').check()
  await page.getByRole('group', { name: 'How often' }).getByLabel(indicator.frequency).check()
  await page.getByLabel('Amber tolerance (%)').fill('10')
  await page.getByLabel('Knife crime').check()
  await page.getByLabel('Entered by hand').check()
  await clickAndCheck(page, page.getByRole('button', { name: 'Add indicator' }))
  expect(await heading(page)).toBe(indicator.name)
  expect(await banner(page)).toContain(`Indicator ${indicator.key} added`)

  await clickAndCheck(page, page.getByRole('button', { name: 'Targets' }))
  expect(await heading(page)).toBe('Targets')
  await page.getByLabel('Period').fill('2025-13')
  await page.getByLabel('Target', { exact: true }).fill(indicator.target)
  const wrong = await clickAndCheck(page, page.getByRole('button', { name: 'Save target' }))
  expect(wrong?.status()).toBe(400)
  expect((await errorSummaryItems(page))[0]).toMatch(/^"2025-13" is not/)
  await page.getByLabel('Period').fill(indicator.period)
  await clickAndCheck(page, page.getByRole('button', { name: 'Save target' }))
  expect(await banner(page)).toContain(`Target for ${indicator.period} saved`)
  expect(await page.getByRole('table', { name: 'Targets set, newest first' }).isVisible()).toBe(true)
  await expectTablesInside(page)
}

describe('defining indicators in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    const strategy = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy',
      status: 'adopted',
    })
    await s.strategies.addPriority(TEST_ACTOR, strategy, { title: 'Knife crime' })
  })
  afterAll(async () => {
    await e?.close()
  })

  it('adds an indicator, sets a target and shows its RAG on the dashboard, with JavaScript on at 1280 pixels', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'partnership-manager@test.example')
      await addIndicatorWithTarget(page, {
        key: 'knife-injuries',
        name: 'Knife injury victims under 25',
        frequency: 'Quarterly (calendar quarters)',
        period: '2025-Q1',
        target: '30',
      })
      // A value within 10% over the target: amber, lower being better.
      await clickAndCheck(page, page.getByRole('link', { name: 'Back to the indicator' }))
      await clickAndCheck(page, page.getByRole('button', { name: 'Enter a value' }))
      await page.getByLabel('Period').fill('2025-Q1')
      await page.getByLabel('Value').fill('32')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save value' }))
      await visit(page, '/performance')
      const tile = page.locator('.govuk-summary-card', { hasText: 'Knife injury victims under 25' })
      expect(await tile.locator('.govuk-tag').textContent()).toMatch(/^Amber/)
      expect(await tile.getByText('Target: 30').isVisible()).toBe(true)
      await expectTablesInside(page)

      // Changing it: the form holds what was saved.
      await clickAndCheck(page, page.getByRole('link', { name: 'Knife injury victims under 25' }))
      await clickAndCheck(page, page.getByRole('button', { name: 'Change the indicator' }))
      expect(await page.getByLabel('Name').inputValue()).toBe('Knife injury victims under 25')
      await page.getByLabel('Amber tolerance (%)').fill('5')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save changes' }))
      expect(await banner(page)).toContain('Indicator changed')
      await visit(page, '/performance')
      // 32 is more than 5% over 30 now: red.
      expect(await tile.locator('.govuk-tag').textContent()).toMatch(/^Red/)
    } finally {
      await context.close()
    }
  })

  it('does the same with JavaScript off, and the forms reflow at 320 pixels', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 320, height: 800 })
      await signIn(page, 'admin@test.example')
      await addIndicatorWithTarget(page, {
        key: 'weapon-sweeps',
        name: 'Weapon sweeps finding a weapon',
        frequency: 'Monthly',
        period: '2025-04',
        target: '4',
      })
      await e.t.deps.services.indicators.enterValue({ actor: TEST_ACTOR, user: null }, 'weapon-sweeps', {
        period: '2025-04',
        value: '3',
      })
      await visit(page, '/performance')
      const tile = page.locator('.govuk-summary-card', { hasText: 'Weapon sweeps finding a weapon' })
      expect(await tile.locator('.govuk-tag').textContent()).toMatch(/^Green/)
      await clickAndCheck(page, page.getByRole('link', { name: 'Weapon sweeps finding a weapon' }))
      await clickAndCheck(page, page.getByRole('button', { name: 'Change the indicator' }))
      await expectNoSidewaysScroll(page)
      await visit(page, page.url().replace(/\/change$/, '/targets'))
      await clickAndCheck(page, page.getByRole('button', { name: 'Remove the target for Apr 2025' }))
      expect(await banner(page)).toContain('Target for 2025-04 removed')
    } finally {
      await context.close()
    }
  })

  it('shows no way to define indicators to a board member', async () => {
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'board-member@test.example')
      await visit(page, '/performance')
      expect(await page.getByRole('button', { name: 'Add an indicator' }).count()).toBe(0)
      await visit(page, '/performance/indicators/new', 403)
    } finally {
      await context.close()
    }
  })
})
