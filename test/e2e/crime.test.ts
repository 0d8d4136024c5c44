import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import {
  BROWSER_TIMEOUTS,
  checkAccessibility,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectTablesInside,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// The crime pages in a real browser over the demo's Southwark extract, each checked with axe.
describe('crime analyses and the strategic assessment in a real browser', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
    await loadCrimeDemo(e.t.deps.services, TEST_ACTOR)
  }, 120_000)
  afterAll(async () => {
    await e?.close()
  })

  // Axe over a dozen full pages takes a while on two shared cores.
  it('reads every analysis page, maps and tables included, and changes the period with JavaScript off', {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(page, 'viewer@test.example')
      await clickAndCheck(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crime' }),
      )
      expect(new URL(page.url()).pathname).toBe('/crime')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^All crime in Southwark, /)
      expect(
        await page.getByRole('img', { name: 'Crimes by month and rolling 12-month total' }).count(),
      ).toBe(1)

      // The filter form is a plain GET form inside a details element.
      await page.getByText('Change the area, period or crime type').click()
      await page.getByLabel('From (month)').fill('2023-03')
      await page.getByLabel('To (month)').fill('2024-02')
      await page.getByLabel('Crime type').selectOption('ROBBERY')
      await clickAndCheck(page, page.getByRole('button', { name: 'Show figures' }))
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Robbery in Southwark, March 2023 to February 2024',
      )
      expect(
        await page
          .getByRole('table', { name: 'Crimes by month, with the rolling 12-month total' })
          .getByRole('row')
          .count(),
      ).toBe(13)

      // The choices travel with the links between analyses.
      const analyses = page.getByRole('navigation', { name: 'Crime analyses' })
      await clickAndCheck(page, analyses.getByRole('link', { name: 'Hotspots and maps' }))
      expect(new URL(page.url()).searchParams.get('from')).toBe('2023-03')
      expect(await page.getByRole('img', { name: /^Map of wards in Southwark/ }).count()).toBe(1)
      expect(await page.getByRole('table', { name: 'Crimes by ward' }).getByRole('row').count()).toBe(24)
      for (const name of ['Serious violence', 'Deprivation', 'Stop and search', 'Data loaded']) {
        await clickAndCheck(
          page,
          page.getByRole('navigation', { name: 'Crime analyses' }).getByRole('link', { name }),
        )
        expect(await page.locator('[aria-current="page"]').last().textContent()).toBe(name)
      }
      expect(await page.getByRole('table', { name: 'Crime data in the analytics store' }).isVisible()).toBe(
        true,
      )

      // A bad choice is explained with the GOV.UK error summary.
      await visit(page, '/crime/hotspots?area=Atlantis', 400)
      expect(await errorSummaryItems(page)).toEqual([expect.stringContaining('No area called "Atlantis"')])
    } finally {
      await context.close()
    }
  })

  it('lets an analyst change the serious violence definition and preview the strategic assessment', {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'analyst@test.example')
      await visit(page, '/crime/serious-violence?area=Southwark&from=2023-03&to=2024-02')
      await page.getByText('Change the definition').click()
      await page.getByLabel('Name').fill('Serious violence (Southwark)')
      await page.getByRole('checkbox', { name: 'Robbery (all)' }).uncheck()
      await clickAndCheck(page, page.getByRole('button', { name: 'Save definition' }))
      expect(await page.getByRole('alert').textContent()).toContain('Definition saved')
      expect(await page.getByText('Serious violence (Southwark)').first().isVisible()).toBe(true)

      await visit(page, '/assessment')
      await page.getByLabel('Area').fill('Southwark')
      await page.getByLabel('From (month)').fill('2023-03')
      await page.getByLabel('To (month)').fill('2024-02')
      await clickAndCheck(page, page.getByRole('button', { name: 'Preview the assessment' }))
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Strategic assessment: Southwark',
      )
      const contents = page.getByRole('navigation', { name: 'Contents' })
      expect(await contents.getByRole('link').allTextContents()).toEqual([
        'Summary',
        'Volume and trend by crime type',
        'Serious violence (Southwark)',
        'Hotspots',
        'Deprivation',
        'Stop and search',
        'Outcomes',
        'Data notes',
      ])
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download as a Word document' }).click(),
      ])
      expect(download.suggestedFilename()).toBe('strategic-assessment-southwark-2023-03-to-2024-02.docx')
      await checkAccessibility(page)
    } finally {
      await context.close()
    }
  })

  it('shows the recent loads at 1280 pixels without widening the page', { timeout: 120_000 }, async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 800 })
      await signIn(page, 'analyst@test.example')
      await visit(page, '/crime/data')
      expect(await page.getByRole('heading', { name: 'Recent loads' }).isVisible()).toBe(true)
      await expectTablesInside(page, { scrollBox: '.safer-table-scroll' })
    } finally {
      await context.close()
    }
  })
})
