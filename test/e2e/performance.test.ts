import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { loadPerformanceDemo } from '../../src/modules/performance/demo.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectTablesInside,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// The performance framework in a real browser, on the demo's indicators (seed 002's figures and
// those computed from the demo crime extract): every page checked with axe on arrival, with
// JavaScript on and off, and at 1280 pixels no table spills out of the page.

describe('performance in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    // A priority the demo links the robbery indicator to, by its title.
    const strategy = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy',
      status: 'adopted',
    })
    await s.strategies.addPriority(TEST_ACTOR, strategy, { title: 'Robbery' })
    await loadCrimeDemo(s, TEST_ACTOR)
    await loadPerformanceDemo(s, TEST_ACTOR)
    await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    // Seed 002 gives no targets; one here puts an indicator in the exception report.
    await s.indicators.setTarget({ actor: TEST_ACTOR, user: null }, 'crime-per-1000-strategy', {
      period: '2015-16',
      target: 90,
    })
    // Counted once before the browser arrives, so no page waits for the first recount.
    await s.indicators.list()
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows the dashboard, an indicator and the exception report with JavaScript on, at 1280 pixels', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'board-member@test.example')
      await clickAndCheck(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Performance' }),
      )
      expect(await heading(page)).toBe('Performance')
      expect(
        await page
          .getByRole('link', { name: 'Residents who feel safe walking alone after dark' })
          .isVisible(),
      ).toBe(true)
      expect(await page.locator('#shown').textContent()).toBe('14 of 14 indicators')
      await expectTablesInside(page)

      await page.getByLabel('RAG status').selectOption('red')
      await clickAndCheck(page, page.getByRole('button', { name: 'Filter' }))
      expect(await page.locator('#shown').textContent()).toBe('1 of 14 indicators')
      expect(new URL(page.url()).search).toContain('rag=red')

      await clickAndCheck(
        page,
        page.getByRole('link', { name: 'Recorded crime per 1,000 residents, as the strategy reports it' }),
      )
      expect(await page.getByText('Red – off target').first().isVisible()).toBe(true)
      expect(await page.locator('svg.safer-chart').count()).toBe(1)
      expect(await page.getByRole('table', { name: 'Values by period, newest first' }).isVisible()).toBe(true)
      await expectTablesInside(page)

      await visit(page, '/performance')
      await clickAndCheck(page, page.getByRole('link', { name: 'Robbery, Southwark' }))
      expect(await page.getByText(/control limits .* \(3σ from the average moving range/).isVisible()).toBe(
        true,
      )
      expect(await page.getByRole('columnheader', { name: 'Rolling 12 months' }).isVisible()).toBe(true)
      await expectTablesInside(page)

      await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
      await clickAndCheck(page, page.getByRole('link', { name: 'See the exception report' }))
      expect(await heading(page)).toBe('Exception report')
      expect(
        await page
          .getByText('Red: 102 per 1,000 against a target of 90 per 1,000 (5% tolerance)')
          .isVisible(),
      ).toBe(true)
      expect(
        await page.getByText('Never updated: no progress update since it was added').first().isVisible(),
      ).toBe(true)
      await expectTablesInside(page)
    } finally {
      await context.close()
    }
  })

  it('lets a partnership manager enter a value and upload a file with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, '/performance')
      await clickAndCheck(
        page,
        page.getByRole('link', { name: 'Residents who feel safe walking alone after dark' }),
      )
      await clickAndCheck(page, page.getByRole('button', { name: 'Enter a value' }))
      expect(await heading(page)).toBe('Enter a value')
      await page.getByLabel('Period').fill('2025-13')
      await page.getByLabel('Value').fill('lots')
      const refused = await clickAndCheck(page, page.getByRole('button', { name: 'Save value' }))
      expect(refused?.status()).toBe(400)
      expect(await errorSummaryItems(page)).toEqual([
        '"2025-13" is not a year, written like 2025',
        '"lots" is not a number',
      ])
      await page.getByLabel('Period').fill('2017')
      await page.getByLabel('Value').fill('90')
      await clickAndCheck(page, page.getByRole('button', { name: 'Save value' }))
      expect(await banner(page)).toContain('Value for 2017 saved')
      expect(await page.getByRole('row', { name: /^2017 90%/ }).isVisible()).toBe(true)

      await visit(page, '/performance/upload')
      const file = join(e.t.deps.config.dataDir, 'values.csv')
      writeFileSync(
        file,
        'indicator,period,value,numerator,denominator\nworried-about-crime,2017,19,190,1000\n',
      )
      await page.getByLabel('File of values').setInputFiles(file)
      await clickAndCheck(page, page.getByRole('button', { name: 'Upload and check' }))
      expect(await heading(page)).toBe('Check the values before you save them')
      expect(await page.getByRole('cell', { name: 'worried-about-crime' }).isVisible()).toBe(true)
      await clickAndCheck(page, page.getByRole('button', { name: 'Save these values' }))
      expect(await banner(page)).toContain('Saved 1 values: 1 new, 0 corrections')
    } finally {
      await context.close()
    }
  })
})
