import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { importRead } from '../../src/modules/governance/decisions/import/importer.ts'
import { readGovernanceText } from '../../src/modules/governance/decisions/import/parse.ts'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { addDays } from '../../src/shared/working-days.ts'
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

// The decisions register, a decision's page and the forward plan in a real browser with JavaScript
// off: checked with axe on every page, no table wider than the page at 1280 pixels, reflow at 320.

const fixture = (name: string) =>
  readGovernanceText(readFileSync(resolve(import.meta.dirname, '../fixtures/governance', name), 'utf8'))

describe('decisions in a real browser', () => {
  let e: E2E

  beforeAll(async () => {
    e = await startE2E()
    const { governance, partners } = e.t.deps.services
    await loadPartnersDemo(e.t.deps.services, TEST_ACTOR)
    await loadGovernanceDemo(e.t.deps.services, TEST_ACTOR)
    const who = { actor: TEST_ACTOR, user: null }
    for (const name of [
      'seed-001-decision-record.txt',
      'variant-decision-notice.txt',
      'variant-record-of-decision.txt',
    ])
      await importRead({ governance, partners }, who, fixture(name))
  })
  afterAll(async () => {
    await e?.close()
  })

  it('filters the register and opens a decision, with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'viewer@test.example')
      await clickAndCheck(
        page,
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }),
      )
      expect(await heading(page)).toBe('Decisions register')
      const rows = () => page.getByRole('table', { name: /decisions?/ }).getByRole('row')
      expect(await rows().count()).toBe(4)
      await expectTablesInside(page)

      await page.getByLabel('Key decision').selectOption('yes')
      await clickAndCheck(page, page.getByRole('button', { name: 'Apply filters' }))
      expect(await page.getByRole('table', { name: '2 decisions matching the filters' }).isVisible()).toBe(
        true,
      )
      await page.getByLabel('Decided from').fill('2026-01-01')
      await clickAndCheck(page, page.getByRole('button', { name: 'Apply filters' }))
      expect(await rows().count()).toBe(2)
      expect(
        await page.getByRole('link', { name: 'Serious Violence Duty: strategy refresh' }).isVisible(),
      ).toBe(true)
      await expectTablesInside(page)

      // A date the filter cannot read is said, not ignored.
      await visit(page, '/governance/decisions?from=soon&keyDecision=yes', 400)
      expect(await errorSummaryItems(page)).toEqual(['Enter a date like 2026-04-30'])
      await visit(page, '/governance/decisions?from=2026-01-01')
      await clickAndCheck(page, page.getByRole('link', { name: 'Clear filters' }))
      await clickAndCheck(
        page,
        page.getByRole('link', { name: 'Serious Violence and Exploitation Strategy' }),
      )
      expect(await heading(page)).toBe('Serious Violence and Exploitation Strategy')
      expect(await page.getByText('Recommendations Approved').isVisible()).toBe(true)
      expect(await page.getByText('11 September 2024').first().isVisible()).toBe(true)
      expect(await page.getByRole('listitem').filter({ hasText: 'Appendix 2 VVRAP 2024' }).isVisible()).toBe(
        true,
      )
      expect(await page.getByText('Change the status').count()).toBe(0)

      await page.setViewportSize({ width: 320, height: 800 })
      await visit(page, '/governance/decisions')
      await expectTablesInside(page)
    } finally {
      await context.close()
    }
  })

  it('lets a partnership manager record a decision and keep the forward plan, with JavaScript off', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, 'partnership-manager@test.example')
      await visit(page, '/governance/decisions')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record a decision' }))
      await page.getByLabel('Title').fill('Community trigger threshold')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record decision' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Enter who made the decision, such as Cabinet',
        'Enter the decisions, numbered as written: one a line, like 1. Approve the strategy',
      ])
      await page.getByLabel('Decision maker').fill('Cabinet Member for Communities')
      await page.getByLabel('Date of decision').fill('2026-02-02')
      await page.getByLabel('Publication date (optional)').fill('2026-02-03')
      await page.getByLabel('It is subject to call-in').check()
      await page.getByLabel('Decisions').fill('1. Lower the community trigger threshold to two complaints.')
      await clickAndCheck(page, page.getByRole('button', { name: 'Record decision' }))
      expect(await banner(page)).toContain('Decision recorded')
      expect(await page.getByText('Yes, until 10 February 2026').isVisible()).toBe(true)
      await page.getByLabel('New status').selectOption('called-in')
      await clickAndCheck(page, page.getByRole('button', { name: 'Change status' }))
      expect(await banner(page)).toContain('Status changed')

      await visit(page, '/governance/forward-plan')
      expect(await heading(page)).toBe('Forward plan')
      await page.getByLabel('What is to be decided').fill('Adopt the VVRAP refresh')
      await page
        .getByLabel('Date of the decision (when no meeting is chosen)')
        .fill(addDays(londonToday(), 20))
      await page.getByLabel('Decision maker').fill('Cabinet')
      await page.getByLabel('This is a key decision').check()
      await clickAndCheck(page, page.getByRole('button', { name: 'Add to the forward plan' }))
      expect((await errorSummaryItems(page))[0]).toMatch(/28 clear days’ notice and this gives 19/)
      expect(await page.locator('.govuk-warning-text').isVisible()).toBe(true)
      await page.getByLabel(/General-exception reason/).fill('The grant must be accepted this month.')
      await clickAndCheck(page, page.getByRole('button', { name: 'Add to the forward plan' }))
      expect(await banner(page)).toContain('Added to the forward plan')
      expect(await page.getByText('19 clear days’ notice').isVisible()).toBe(true)
      await expectTablesInside(page)
      await page.setViewportSize({ width: 320, height: 800 })
      await visit(page, '/governance/forward-plan')
      await expectTablesInside(page)
    } finally {
      await context.close()
    }
  })
})
