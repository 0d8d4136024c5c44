import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadGovernanceDemoYear } from '../../src/modules/governance/demo.ts'
import type { DemoYear } from '../../src/modules/governance/demo-year.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
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

// The statutory duties page and the public meeting pages in a real browser with JavaScript off,
// over the demo's year of meetings: every page checked with axe on arrival, no table wider than
// the page at 1280 pixels, and no sideways scroll at 320. The public pages are read signed out.

describe('statutory duties and the public pages in a real browser', () => {
  let e: E2E
  let year: DemoYear

  beforeAll(async () => {
    e = await startE2E()
    await loadPartnersDemo(e.t.deps.services, TEST_ACTOR)
    year = await loadGovernanceDemoYear(e.t.deps.services, TEST_ACTOR, londonToday())
  })
  afterAll(async () => {
    await e?.close()
  })

  it('lets a partnership manager record evidence for a duty and publish a meeting', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, '/governance/duties')
      expect(await heading(page)).toMatch(/^Statutory duties \d{4}\/\d{2}$/)
      const duties = page.getByRole('table', { name: /^Duties in/ })
      expect(await duties.getByRole('row').count()).toBe(7)
      await expectTablesInside(page)
      await page.setViewportSize({ width: 320, height: 640 })
      await expectNoSidewaysScroll(page)
      await page.setViewportSize({ width: 1280, height: 900 })

      await page.getByLabel('Duty', { exact: true }).first().selectOption('sv-strategy')
      await page.getByRole('radio', { name: 'A document' }).check()
      await clickAndCheck(page, page.getByRole('button', { name: 'Record evidence' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Enter the date as YYYY-MM-DD, such as 2026-11-30',
        'Enter the document’s title',
      ])
      await page
        .getByLabel('Document title (when the evidence is a document)')
        .fill('Serious violence strategy refresh')
      await page.getByLabel('Date of the evidence').fill(londonToday())
      await clickAndCheck(page, page.getByRole('button', { name: 'Record evidence' }))
      expect(await banner(page)).toContain('Evidence recorded')
      const row = page.getByRole('row', { name: /Serious violence strategy reviewed/ })
      expect(await row.textContent()).toContain('Serious violence strategy refresh')
      expect(await row.textContent()).toContain('Green: evidenced')

      await visit(page, `/governance/meetings/${year.publicMeeting}`)
      await clickAndCheck(page, page.getByRole('link', { name: 'Public page and public meeting' }))
      expect(await heading(page)).toBe('Public page and public meeting')
      await clickAndCheck(page, page.getByRole('button', { name: 'Publish to the public page' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Confirm that you have checked what the public page will show',
      ])
      await page.getByLabel(/I have checked what the public page will show/).check()
      await clickAndCheck(page, page.getByRole('button', { name: 'Publish to the public page' }))
      expect(await banner(page)).toContain('Published to the public page')
      await clickAndCheck(page, page.getByRole('button', { name: 'Withdraw from the public page' }))
      expect(await banner(page)).toContain('Withdrawn from the public page')
    } finally {
      await context.close()
    }
  })

  it('shows anyone signed out the published meetings, at 1280 and at 320 pixels', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await visit(page, '/public/meetings')
      expect(await heading(page)).toBe('Meetings of the Community Safety Partnership')
      await expectTablesInside(page)
      const table = page.getByRole('table', { name: 'Safer Communities Delivery Group' })
      expect(await table.getByRole('row').count()).toBe(2)
      await clickAndCheck(page, table.getByRole('link'))
      expect(await page.getByRole('heading', { name: /Half-year review/i }).isVisible()).toBe(true)
      expect(await page.getByText('Domestic homicide review').count()).toBe(0)
      expect(await page.getByRole('link', { name: 'Sign out' }).count()).toBe(0)
      await page.setViewportSize({ width: 320, height: 640 })
      await expectNoSidewaysScroll(page)
      await page.goto('/public/meetings')
      await expectNoSidewaysScroll(page)
      await visit(page, `/public/meetings/${year.publicMeeting}`, 404)
    } finally {
      await context.close()
    }
  })
})
