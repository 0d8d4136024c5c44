import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ACTOR } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import { BROWSER_TIMEOUTS, clickAndCheck, type E2E, heading, signIn, startE2E } from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// The home page in a real browser, checked with axe: a lead's own work (with JavaScript off),
// and a partnership manager's counts by theme leading to the filtered plan.

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

describe('the home page in a real browser', () => {
  let e: E2E
  let planId = 0

  beforeAll(async () => {
    e = await startE2E()
    const s = e.t.deps.services
    planId = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() }))
      .planId as number
    const d = (await s.plans.getPlan(planId)).themes
      .flatMap((th) => th.actions.flatMap((a) => a.deliverables))
      .find((x) => x.leads.includes('Det Supt Helen Lyons'))
    await s.users.linkPerson(TEST_ACTOR, e.t.userIds.lead, {
      personId: d?.leadPersonIds[d.leads.indexOf('Det Supt Helen Lyons')],
    })
  })
  afterAll(async () => {
    await e?.close()
  })

  it('shows a lead their own work that needs them, with JavaScript off, and takes them to a deliverable', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(page, 'lead@test.example')
      expect(await heading(page)).toBe('Hello, Test lead')
      expect(await page.getByRole('heading', { name: 'Your work' }).isVisible()).toBe(true)
      const overdue = page.getByRole('list', { name: /^Overdue \(\d+\)$/ })
      const first = overdue.getByRole('link').first()
      const outcome = (await first.textContent())?.trim() ?? ''
      expect(outcome.length).toBeGreaterThan(0)
      expect(await page.getByRole('heading', { name: 'The action plans' }).count()).toBe(0)
      // Strategies and My actions are in the top navigation.
      expect(await mainNav(page).getByRole('link', { name: 'Strategies' }).isVisible()).toBe(true)
      expect(await mainNav(page).getByRole('link', { name: 'My actions' }).isVisible()).toBe(true)
      await clickAndCheck(page, first)
      expect(new URL(page.url()).pathname).toMatch(/^\/deliverables\/\d+$/)
      expect(await page.getByText('Add a progress update').first().isVisible()).toBe(true)
    } finally {
      await context.close()
    }
  })

  it('shows a partnership manager each plan’s counts by theme, each opening the filtered plan', async () => {
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'partnership-manager@test.example')
      expect(await page.getByRole('heading', { name: 'The action plans' }).isVisible()).toBe(true)
      const table = page.getByRole('table').first()
      const overdueLink = table.getByRole('link', { name: /^\d+ overdue, GOVERNANCE$/ })
      const count = Number((await overdueLink.textContent())?.match(/^\d+/)?.[0])
      expect(count).toBeGreaterThan(0)
      await clickAndCheck(page, overdueLink)
      const url = new URL(page.url())
      expect(url.pathname).toBe(`/plans/${planId}`)
      expect(url.searchParams.get('theme')).toBe('GOVERNANCE')
      expect(url.searchParams.get('overdue')).toBe('yes')
      expect(await page.locator('a[href^="/deliverables/"]').count()).toBe(count)
      await clickAndCheck(page, mainNav(page).getByRole('link', { name: 'Strategies' }))
      expect(await heading(page)).toBe('Strategies')
    } finally {
      await context.close()
    }
  })

  it('shows an administrator the reminders page, which says what is not set up', async () => {
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'admin@test.example')
      await clickAndCheck(page, page.getByRole('link', { name: 'E-mail reminders' }))
      expect(await heading(page)).toBe('E-mail reminders')
      expect(
        await page.getByText('PUBLIC_URL is not set, so reminders cannot link to Safer.').isVisible(),
      ).toBe(true)
      expect(await page.getByRole('button', { name: 'Send reminders now' }).count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
