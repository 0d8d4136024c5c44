import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContext, type Locator, type Page, type Response, chromium } from 'playwright-core'
import { expect } from 'vitest'
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'

export { TEST_PASSWORD }

/** Debian's Chromium; never a Playwright-downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The machine's network is closed: stop Chromium reaching out for updates, sync or QUIC.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Everything we hold the pages to: WCAG 2.0, 2.1 and 2.2 at A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface E2E {
  t: TestApp
  baseUrl: string
  browser: Browser
  /** A fresh browser profile: its own cookies, so each scenario starts signed out. */
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<{ context: BrowserContext; page: Page }>
  close(): Promise<void>
}

/** The real app listening on a free local port, on a fresh SQLite database, and one Chromium for the whole file. */
export async function startE2E(): Promise<E2E> {
  const t = await buildTestApp('sqlite')
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 })
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  } catch (error) {
    await t.close()
    throw error
  }
  return {
    t,
    baseUrl: address,
    browser,
    async newPage(options = {}) {
      // Axe needs a page made from an explicit context, not browser.newPage().
      const context = await browser.newContext({ baseURL: address, javaScriptEnabled: options.javaScriptEnabled ?? true })
      const page = await context.newPage()
      return { context, page }
    },
    async close() {
      await browser.close()
      await t.close()
    },
  }
}

/** Runs axe over the whole page and fails with a readable list of whatever it finds. */
export async function checkAccessibility(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  const readable = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: `${v.help} (${v.helpUrl})`,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  }))
  expect(readable, `Accessibility violations on ${page.url()}`).toEqual([])
}

/** Goes to a page, expects the status, and checks it with axe. */
export async function visit(page: Page, url: string, status = 200) {
  const response = await page.goto(url)
  expect(response?.status(), `status of ${url}`).toBe(status)
  await checkAccessibility(page)
  return response
}

/**
 * Clicks something that submits a form or follows a link, waits for the new page to load,
 * and checks it with axe. Every page in Safer is a full page load: JavaScript only enhances.
 */
export async function clickAndCheck(page: Page, target: Locator): Promise<Response | null> {
  const responses: Response[] = []
  const record = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) responses.push(r)
  }
  page.on('response', record)
  try {
    await Promise.all([page.waitForEvent('load'), target.click()])
  } finally {
    page.off('response', record)
  }
  await checkAccessibility(page)
  // After a POST-redirect-GET this is the page finally shown.
  return responses.at(-1) ?? null
}

/** Signs in through the form, typing like a person, and lands on the page asked for (home by default). */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
  await visit(page, '/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await clickAndCheck(page, page.getByRole('button', { name: 'Sign in' }))
}

/** The text of the GOV.UK error summary's list of problems. */
export async function errorSummaryItems(page: Page): Promise<string[]> {
  const summary = page.locator('.govuk-error-summary')
  await expect.poll(() => summary.isVisible()).toBe(true)
  return (await summary.locator('.govuk-error-summary__list a').allTextContents()).map((s) => s.trim())
}
