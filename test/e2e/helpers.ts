import { AxeBuilder } from '@axe-core/playwright'
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core'
import { expect } from 'vitest'
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import type { SaferModule } from '../../src/modules/module.ts'

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

/**
 * Browser tests share two cores with other test files (and, on a developer's machine, with other
 * work): at a load average of 7 a journey of a dozen pages, each loaded and checked with axe, can
 * take several times what it takes on an idle machine. Timeouts are set for that, per file, by
 * vi.setConfig(BROWSER_TIMEOUTS) at the top of each e2e test file; they catch a hang, not slowness.
 */
export const BROWSER_TIMEOUTS = { testTimeout: 180_000, hookTimeout: 180_000 }
// Playwright's own waits (navigation, clicks, load): longer than any page takes on a busy machine.
const PAGE_TIMEOUT = 90_000

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
export async function startE2E(
  options: { empty?: boolean; modules?: readonly SaferModule[] } = {},
): Promise<E2E> {
  const t = await buildTestApp('sqlite', {}, options)
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
      const context = await browser.newContext({
        baseURL: address,
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      })
      context.setDefaultTimeout(PAGE_TIMEOUT)
      context.setDefaultNavigationTimeout(PAGE_TIMEOUT)
      if (options.javaScriptEnabled === false) {
        noScriptContexts.add(context)
        // The audit page is made now, beside the journey's own, not in the middle of its first check.
        await auditorFor(browser)
      }
      const page = await context.newPage()
      return { context, page }
    },
    async close() {
      await browser.close()
      await t.close()
    },
  }
}

// Contexts made with JavaScript off. Axe cannot run in them (the page's timers never fire),
// so their pages are audited as a copy: see auditCopy.
const noScriptContexts = new WeakSet<BrowserContext>()
const auditors = new WeakMap<Browser, Promise<Page>>()

function auditorFor(browser: Browser): Promise<Page> {
  let auditor = auditors.get(browser)
  if (!auditor) {
    auditor = browser.newContext().then((context) => {
      context.setDefaultTimeout(PAGE_TIMEOUT)
      return context.newPage()
    })
    auditors.set(browser, auditor)
  }
  return auditor
}

/**
 * The page exactly as a browser without JavaScript has it, for axe to read: the same DOM, served
 * at the same address (so the same stylesheets and fonts load) with every script removed, in a
 * context where axe's own script can run.
 */
async function auditCopy(page: Page): Promise<Page> {
  const browser = page.context().browser()
  if (!browser) throw new Error('The page has no browser')
  const auditor = await auditorFor(browser)
  // Requests never carry the #fragment a page's address may have.
  const url = page.url().split('#')[0] ?? ''
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  const isPage = (u: URL) => u.href === url
  await auditor.route(isPage, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  )
  try {
    await auditor.goto(url)
  } finally {
    await auditor.unroute(isPage)
  }
  // Make sure axe reads the copy, not a fresh page from the server (which would not be signed in).
  expect(await auditor.title(), `audit copy of ${url}`).toBe(await page.title())
  expect(await auditor.evaluate(() => document.scripts.length)).toBe(0)
  return auditor
}

/** Runs axe over the whole page and fails with a readable list of whatever it finds. */
export async function checkAccessibility(page: Page) {
  const target = noScriptContexts.has(page.context()) ? await auditCopy(page) : page
  // Legacy mode runs axe.run() in the page itself instead of axe.runPartial() per frame plus
  // axe.finishRun() in an extra blank page: the same rules and results, in under half the time.
  // What it gives up is the testing of cross-origin iframes, so make sure there are none.
  expect(target.frames(), `${page.url()} has iframes: test them without legacy mode`).toHaveLength(1)
  const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).setLegacyMode().analyze()
  const readable = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: `${v.help} (${v.helpUrl})`,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  }))
  expect(readable, `Accessibility violations on ${page.url()}`).toEqual([])
}

/** Nothing on the page makes it scroll sideways (WCAG 1.4.10 Reflow); wide tables scroll in their own box. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `${page.url()} is wider than the window`).toBeLessThanOrEqual(clientWidth)
}

/**
 * No sideways scroll, and every table (or other wide element) stays within the page's column or
 * scrolls in its own box: none spills over the main column's right edge.
 */
export async function expectTablesInside(
  page: Page,
  options: { elements?: string; scrollBox?: string } = {},
) {
  await expectNoSidewaysScroll(page)
  const { elements = 'main table', scrollBox = '.safer-table-container' } = options
  const spills = await page.evaluate(
    ([elements, scrollBox]) => {
      const main = document.querySelector('main')?.getBoundingClientRect().right ?? 0
      return [...document.querySelectorAll(elements)]
        .map((t) => (t.closest(scrollBox) ?? t).getBoundingClientRect().right - main)
        .filter((over) => over > 1)
    },
    [elements, scrollBox] as const,
  )
  expect(spills).toEqual([])
}

/** Goes to a page, expects the status, and checks it with axe. */
export async function visit(page: Page, url: string, status = 200) {
  const response = await page.goto(url)
  expect(response?.status(), `status of ${url}`).toBe(status)
  await checkAccessibility(page)
  await expectNoSidewaysScroll(page)
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
    await Promise.all([page.waitForEvent('load', { timeout: PAGE_TIMEOUT }), target.click()])
  } finally {
    page.off('response', record)
  }
  await checkAccessibility(page)
  await expectNoSidewaysScroll(page)
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

/** The page's main heading, as a person reads it first. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

/** The notification banner's text (what a save or an import says it did). */
export const banner = (page: Page) => page.locator('.govuk-notification-banner').textContent()
