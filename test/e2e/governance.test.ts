import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
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

// Boards and meetings in a real browser, on the demo's boards (seed 003) and seed 004's meeting:
// every page checked with axe on arrival, with JavaScript on and off, and at 1280 pixels no table
// spills out of the page.

describe('governance in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
    await loadPartnersDemo(e.t.deps.services, TEST_ACTOR)
    await loadGovernanceDemo(e.t.deps.services, TEST_ACTOR)
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows a board with its reporting-line diagram and text list, and a meeting’s minutes, with JavaScript on', async () => {
    const { context, page } = await e.newPage()
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'board-member@test.example')
      await clickAndCheck(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Boards' }),
      )
      expect(await heading(page)).toBe('Boards')
      await expectTablesInside(page, { elements: 'main table, main svg' })
      await clickAndCheck(page, page.getByRole('link', { name: 'Safer Communities Delivery Group' }))
      expect(await heading(page)).toBe('Safer Communities Delivery Group')

      const diagram = page.getByRole('img', { name: 'Reporting lines' })
      expect(await diagram.isVisible()).toBe(true)
      expect(await diagram.locator('rect').count()).toBe(3)
      const list = page.getByRole('list', { name: 'Reporting lines in words' })
      expect(
        (await list.getByRole('listitem').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim()),
      ).toEqual([
        'Safeguarding Adults Board reports to Safeguarding Executive',
        'Safer Communities Delivery Group reports to Safeguarding Adults Board',
        'Safer Communities Delivery Group reports to Safeguarding Executive',
      ])
      expect(await page.getByText('Habitual knife carriers').isVisible()).toBe(true)
      expect(await page.getByText('Schedule a meeting').count()).toBe(0)
      await expectTablesInside(page, { elements: 'main table, main svg' })

      await clickAndCheck(page, page.getByRole('link', { name: 'Thursday 6 October 2011, 18:30' }))
      expect(await heading(page)).toBe('Meeting: Thursday 6 October 2011, 18:30')
      expect(
        await page.getByRole('heading', { name: 'Item 100: Delivery Plan Reprioritisation' }).isVisible(),
      ).toBe(true)
      expect(await page.getByText('RESOLVED i–iii').isVisible()).toBe(true)
      const resolutions = page.getByRole('list', { name: 'Resolutions of item 100' }).getByRole('listitem')
      expect(await resolutions.count()).toBe(3)
      expect(await resolutions.nth(1).textContent()).toContain('ii) That agreement be given to proceed')
      expect(await page.getByText('4 of 3 voting members needed were present: quorate').isVisible()).toBe(
        true,
      )
      await expectTablesInside(page, { elements: 'main table, main svg' })

      await clickAndCheck(page, page.getByRole('link', { name: 'Back' }))
      await clickAndCheck(page, page.getByRole('link', { name: 'Thursday 8 December 2011, 18:30' }))
      const arising = page.getByRole('table', { name: 'Open actions from earlier meetings' })
      expect(await arising.getByRole('row').count()).toBe(3)
      expect(await arising.getByText('Overdue').count()).toBe(2)
      await expectTablesInside(page, { elements: 'main table, main svg' })
    } finally {
      await context.close()
    }
  })

  it('lets a partnership manager schedule a meeting and move it on with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, '/governance/boards')
      await clickAndCheck(page, page.getByRole('link', { name: 'Safer Communities Delivery Group' }))
      await page.getByText('Schedule a meeting').click()
      await clickAndCheck(page, page.getByRole('button', { name: 'Schedule meeting' }))
      expect(await errorSummaryItems(page)).toEqual(['Enter the date and time, like 2026-03-10 and 14:00'])

      await page.getByLabel('Date').fill('2026-02-12')
      await page.getByLabel('Time').fill('14:00')
      await page.getByLabel('Place (optional)').fill('160 Tooley Street')
      await clickAndCheck(page, page.getByRole('button', { name: 'Schedule meeting' }))
      expect(await banner(page)).toContain('Meeting scheduled, with its standing items')
      expect(await heading(page)).toBe('Meeting: Thursday 12 February 2026, 14:00')
      expect(await page.getByRole('heading', { name: /Item 107: Matters arising/ }).isVisible()).toBe(true)
      expect(await page.getByRole('heading', { name: /Item 109: Habitual knife carriers/ }).isVisible()).toBe(
        true,
      )
      expect(
        await page
          .getByRole('table', { name: 'Open actions from earlier meetings' })
          .getByRole('row')
          .count(),
      ).toBe(3)
      await expectTablesInside(page, { elements: 'main table, main svg' })

      await page.getByLabel('Change the status to').selectOption('agenda-published')
      await clickAndCheck(page, page.getByRole('button', { name: 'Change status' }))
      expect(await banner(page)).toContain('Status changed')
      expect(await page.getByText('Agenda published', { exact: true }).isVisible()).toBe(true)

      await page.getByText('Add an agenda item').click()
      await page.getByLabel('Title').fill('Closed case review')
      await page.getByLabel('This item is exempt').check()
      await clickAndCheck(page, page.getByRole('button', { name: 'Add item' }))
      expect((await errorSummaryItems(page))[0]).toMatch(/Say why the item is exempt/)
      await page
        .getByLabel('Why it is exempt (needed when exempt)')
        .fill('Paragraph 1 of Schedule 12A: information about an individual')
      await clickAndCheck(page, page.getByRole('button', { name: 'Add item' }))
      expect(await page.getByRole('heading', { name: /Item 113: Closed case review/ }).isVisible()).toBe(true)
    } finally {
      await context.close()
    }
  })
})
