import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { SOURCE_LABELS } from '../../src/modules/crime/sources.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { FIXTURES } from '../helpers/fixtures.ts'
import { part, writeZip } from '../helpers/zip.ts'
import {
  BROWSER_TIMEOUTS,
  checkAccessibility,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  expectNoSidewaysScroll,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

const CITY = join(FIXTURES, 'crime/2024-01-city-of-london-street.csv')

/** Submits the upload, then waits (the page refreshes itself, or is reloaded) until the load has finished. */
async function uploadAndWait(page: Page) {
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Upload and load' }).click(),
  ])
  expect(new URL(page.url()).pathname).toMatch(/^\/crime\/loads\/\d+$/)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 150_000, interval: 1000 })
    .toMatch(/^Crime data (loaded|not loaded)$/)
  await page.waitForLoadState('load')
  await checkAccessibility(page)
  await expectNoSidewaysScroll(page)
}

// Loading crime data from the browser, with JavaScript off and on, each page checked with axe.
describe('loading crime data in a real browser', () => {
  let e: E2E
  let dir: string
  beforeAll(async () => {
    e = await startE2E()
    await loadCrimeDemo(e.t.deps.services, TEST_ACTOR)
    dir = mkdtempSync(join(tmpdir(), 'safer-e2e-load-'))
  }, 120_000)
  afterAll(async () => {
    await e?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('uploads a CSV with JavaScript off, and the page refreshes itself until the report is shown', async () => {
    const { context, page } = await e.newPage({ javaScriptEnabled: false })
    try {
      await signIn(page, 'analyst@test.example')
      await visit(page, '/crime/data')
      await clickAndCheck(page, page.getByRole('link', { name: 'Load crime data' }))
      // Nothing chosen: the form says so.
      await clickAndCheck(page, page.getByRole('button', { name: 'Upload and load' }))
      expect(await errorSummaryItems(page)).toEqual([
        'Select the police.uk or Met recorded-crime files to load',
      ])
      await page.getByLabel('Files').setInputFiles(CITY)
      await uploadAndWait(page)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Crime data loaded')
      const files = page.getByRole('table', { name: 'Files loaded' })
      expect(await files.getByRole('row').count()).toBe(2)
      expect(await files.getByRole('rowheader').textContent()).toBe('2024-01-city-of-london-street.csv')
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  it('uploads a police.uk archive with JavaScript on, keeping only the forces asked for', async () => {
    const archive = join(dir, 'police-uk-2024-01.zip')
    writeFileSync(
      archive,
      writeZip([
        part('2024-01/2024-01-city-of-london-street.csv', readFileSync(CITY)),
        part(
          '2024-03/2024-03-metropolitan-stop-and-search.csv',
          readFileSync(join(FIXTURES, 'crime/2024-03-metropolitan-stop-and-search.csv')),
        ),
      ]),
    )
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'analyst@test.example')
      await visit(page, '/crime/load')
      await page.getByLabel('Forces to keep from an archive').fill('City of London Police')
      await page.getByLabel('Files').setInputFiles(archive)
      await uploadAndWait(page)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Crime data loaded')
      const files = page.getByRole('table', { name: 'Files loaded' })
      expect(await files.getByRole('rowheader').allTextContents()).toEqual([
        '2024-01-city-of-london-street.csv',
      ])
    } finally {
      await context.close()
    }
  })

  it('refuses a viewer, and offers each data source once by its one label', async () => {
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'viewer@test.example')
      await visit(page, '/crime/load', 403)
      await visit(page, '/crime')
      await page.getByText('Change the area, period or crime type').click()
      const options = await page.getByLabel('Data').locator('option').allTextContents()
      expect(options.map((o) => o.trim())).toEqual(Object.values(SOURCE_LABELS))
      expect(await page.getByLabel('Data').inputValue()).toBe('recorded')
    } finally {
      await context.close()
    }
  })
})
