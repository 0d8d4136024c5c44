import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  BROWSER_TIMEOUTS,
  banner,
  checkAccessibility,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

const pathOf = (page: Page) => new URL(page.url()).pathname
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

// A browser on a busy machine is slow: give each journey more than the default 30 seconds.
describe('administration in a real browser', { timeout: BROWSER_TIMEOUTS.testTimeout }, () => {
  let e: E2E
  // One administrator's browser, signed in once, walks through the admin pages in order.
  let admin: Page

  beforeAll(async () => {
    e = await startE2E()
    admin = (await e.newPage()).page
    await signIn(admin, 'admin@test.example')
  })
  afterAll(async () => {
    await e?.close()
  })

  it('signs an administrator in to a home page with every section', async () => {
    expect(pathOf(admin)).toBe('/')
    expect(await heading(admin)).toBe('Hello, Test admin')
    const items = (await mainNav(admin).getByRole('link').allTextContents()).map((s) => s.trim())
    // Other modules add their own entries; these are the ones an administrator must always have.
    expect(items).toEqual(
      expect.arrayContaining(['Home', 'Organisations', 'People', 'Users', 'Audit log', 'Your account']),
    )
    expect(await mainNav(admin).getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
    await admin.screenshot({ path: '/tmp/e2e-home.png', fullPage: true })
  })

  it('lists, adds and edits partner organisations', async () => {
    await clickAndCheck(admin, mainNav(admin).getByRole('link', { name: 'Organisations' }))
    expect(pathOf(admin)).toBe('/admin/organisations')
    expect(await heading(admin)).toBe('Partner organisations')
    expect(await admin.getByRole('cell', { name: 'Test Council' }).isVisible()).toBe(true)
    expect(await admin.locator('caption').textContent()).toContain('1 organisations')

    await clickAndCheck(admin, admin.getByRole('button', { name: 'Add an organisation' }))
    expect(pathOf(admin)).toBe('/admin/organisations/new')
    expect(await heading(admin)).toBe('Add a partner organisation')

    // Nothing filled in: every field says what is wrong, and the summary links to each.
    const invalid = await clickAndCheck(admin, admin.getByRole('button', { name: 'Save organisation' }))
    expect(invalid?.status()).toBe(400)
    expect(await errorSummaryItems(admin)).toEqual([
      'Enter the organisation’s name',
      'Enter a short name, such as LBS or MPS',
      'Select the type of organisation',
    ])
    expect(await admin.title()).toBe('Error: Add a partner organisation – Safer')
    expect(await admin.locator('#shortName-error').textContent()).toContain('Enter a short name')

    await admin.getByLabel('Name', { exact: true }).fill('Northshire Police')
    await admin.getByLabel('Short name').fill('NP')
    await admin.getByLabel('Type').selectOption({ label: 'Police' })
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Save organisation' }))
    expect(pathOf(admin)).toBe('/admin/organisations')
    expect(await banner(admin)).toContain('Organisation added')
    const row = admin.getByRole('row', { name: /Northshire Police/ })
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Northshire Police', 'NP', 'Police'])

    await clickAndCheck(admin, admin.getByRole('link', { name: 'Northshire Police' }))
    expect(await heading(admin)).toBe('Northshire Police')
    expect(await admin.getByLabel('Short name').inputValue()).toBe('NP')
    await admin.getByLabel('Name', { exact: true }).fill('Northshire Constabulary')
    await admin.getByLabel('Short name').fill('NC')
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Save organisation' }))
    expect(await banner(admin)).toContain('Organisation saved')
    expect(
      await admin
        .getByRole('row', { name: /Northshire Constabulary/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['Northshire Constabulary', 'NC', 'Police'])
    expect(await admin.getByRole('link', { name: 'Northshire Police' }).count()).toBe(0)
  })

  it('lists, adds and edits people', async () => {
    await clickAndCheck(admin, mainNav(admin).getByRole('link', { name: 'People' }))
    expect(await heading(admin)).toBe('People')
    expect(await admin.locator('caption').textContent()).toContain('0 people')

    await clickAndCheck(admin, admin.getByRole('button', { name: 'Add a person' }))
    expect(await heading(admin)).toBe('Add a person')
    await admin.getByLabel('Name', { exact: true }).fill('Priya Shah')
    await admin.getByLabel('Job title (optional)').fill('Head of Community Safety')
    await admin.getByLabel('Organisation (optional)').selectOption({ label: 'Test Council' })
    await admin.getByLabel('Email address (optional)').fill('priya.shah@council.example')
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Save person' }))
    expect(pathOf(admin)).toBe('/admin/people')
    expect(await banner(admin)).toContain('Person added')
    expect(
      await admin
        .getByRole('row', { name: /Priya Shah/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['Priya Shah', 'Head of Community Safety', 'Test Council'])

    await clickAndCheck(admin, admin.getByRole('link', { name: 'Priya Shah' }))
    expect(await admin.getByLabel('Email address (optional)').inputValue()).toBe('priya.shah@council.example')
    await admin.getByLabel('Job title (optional)').fill('Community Safety Manager')
    await admin.getByLabel('Organisation (optional)').selectOption({ label: 'None' })
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Save person' }))
    expect(await banner(admin)).toContain('Person saved')
    expect(
      await admin
        .getByRole('row', { name: /Priya Shah/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['Priya Shah', 'Community Safety Manager', ''])
  })

  it('adds a user, after a too-short password, and changes their role', async () => {
    await clickAndCheck(admin, mainNav(admin).getByRole('link', { name: 'Users' }))
    expect(await heading(admin)).toBe('Users')
    expect(await admin.locator('caption').textContent()).toContain('7 users')
    await admin.screenshot({ path: '/tmp/e2e-users.png', fullPage: true })

    await clickAndCheck(admin, admin.getByRole('button', { name: 'Add a user' }))
    expect(await heading(admin)).toBe('Add a user')
    await admin.getByLabel('Full name').fill('Sam Jones')
    await admin.getByLabel('Email address').fill('sam.jones@test.example')
    await admin.getByLabel('Organisation').selectOption({ label: 'Test Council' })
    await admin.getByLabel('Role').selectOption({ label: 'Caseworker' })
    await admin.getByLabel('Password', { exact: true }).fill('too-short')
    const tooShort = await clickAndCheck(admin, admin.getByRole('button', { name: 'Save user' }))
    expect(tooShort?.status()).toBe(400)
    expect(await errorSummaryItems(admin)).toEqual(['Password must be 12 characters or more'])
    expect(await admin.locator('#password-error').textContent()).toContain(
      'Password must be 12 characters or more',
    )
    // The rest is kept, but the password never comes back.
    expect(await admin.getByLabel('Full name').inputValue()).toBe('Sam Jones')
    expect(await admin.getByLabel('Role').inputValue()).toBe('caseworker')
    expect(await admin.getByLabel('Password', { exact: true }).inputValue()).toBe('')

    await admin.getByLabel('Password', { exact: true }).fill('walnut river lantern')
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Save user' }))
    expect(pathOf(admin)).toBe('/admin/users')
    expect(await banner(admin)).toContain('User added')
    const samRow = () =>
      admin
        .getByRole('row', { name: /Sam Jones/ })
        .getByRole('cell')
        .allInnerTexts()
    expect(await samRow()).toEqual(['Sam Jones', 'sam.jones@test.example', 'TC', 'Caseworker', 'Active'])

    await clickAndCheck(admin, admin.getByRole('link', { name: 'Sam Jones' }))
    expect(await heading(admin)).toBe('Sam Jones')
    expect(await admin.locator('main').textContent()).toMatch(/Status:\s+Active/)
    await admin.getByLabel('Role').selectOption({ label: 'Analyst' })
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Save user' }))
    expect(await banner(admin)).toContain('User saved')
    expect(await samRow()).toEqual(['Sam Jones', 'sam.jones@test.example', 'TC', 'Analyst', 'Active'])
  })

  it('disables a user, who then cannot sign in, and enables them again', async () => {
    await clickAndCheck(admin, admin.getByRole('link', { name: 'Sam Jones' }))
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Disable user' }))
    expect(pathOf(admin)).toMatch(/^\/admin\/users\/\d+$/)
    expect(await banner(admin)).toContain('User disabled and signed out')
    expect(await admin.locator('main').textContent()).toMatch(/Status:\s+Disabled\s+since/)

    // A disabled user cannot sign in.
    const { context, page: sam } = await e.newPage()
    try {
      await visit(sam, '/sign-in')
      await sam.getByLabel('Email address').fill('sam.jones@test.example')
      await sam.getByLabel('Password', { exact: true }).fill('walnut river lantern')
      const refused = await clickAndCheck(sam, sam.getByRole('button', { name: 'Sign in' }))
      expect(refused?.status()).toBe(401)

      await clickAndCheck(admin, admin.getByRole('button', { name: 'Enable user' }))
      expect(await banner(admin)).toContain('User enabled')
      expect(await admin.locator('main').textContent()).toMatch(/Status:\s+Active/)

      // Enabled again, they can, with their new role.
      await sam.getByLabel('Password', { exact: true }).fill('walnut river lantern')
      await clickAndCheck(sam, sam.getByRole('button', { name: 'Sign in' }))
      expect(await heading(sam)).toBe('Hello, Sam Jones')
      expect(await sam.locator('main').textContent()).toContain(
        'You are signed in as analyst for Test Council',
      )
    } finally {
      await context.close()
    }
  })

  it('filters the audit log by action', async () => {
    await clickAndCheck(admin, mainNav(admin).getByRole('link', { name: 'Audit log' }))
    expect(await heading(admin)).toBe('Audit log')
    const all = Number((await admin.locator('caption').textContent())?.match(/(\d+) entries/)?.[1])

    await admin.getByLabel('What').selectOption('user.create')
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Filter' }))
    expect(new URL(admin.url()).searchParams.get('action')).toBe('user.create')
    // Seven test users and Sam.
    expect(await admin.locator('caption').textContent()).toContain('8 entries')
    expect(all).toBeGreaterThan(8)
    const actions = await admin.locator('tbody tr td:nth-child(3)').allTextContents()
    expect(actions).toHaveLength(8)
    expect(new Set(actions)).toEqual(new Set(['user.create']))
    expect(await admin.getByLabel('What').inputValue()).toBe('user.create')

    // A bad date is an error on the field, not a crash.
    await admin.getByLabel('From').fill('yesterday')
    const bad = await clickAndCheck(admin, admin.getByRole('button', { name: 'Filter' }))
    expect(bad?.status()).toBe(400)
    expect((await errorSummaryItems(admin)).length).toBe(1)
    expect(await admin.locator('#from-error').isVisible()).toBe(true)
  })

  it('creates an API token, shown once, and revokes it', async () => {
    await clickAndCheck(admin, admin.getByRole('link', { name: 'Your account' }))
    expect(await heading(admin)).toBe('Your account')
    expect(await admin.locator('.govuk-summary-list').textContent()).toContain('admin@test.example')

    const empty = await clickAndCheck(admin, admin.getByRole('button', { name: 'Create token' }))
    expect(empty?.status()).toBe(400)
    expect(await errorSummaryItems(admin)).toEqual([
      'Enter a name for the token, such as the script that uses it',
    ])

    await admin.getByLabel('Name of a new token').fill('weekly import')
    const created = await clickAndCheck(admin, admin.getByRole('button', { name: 'Create token' }))
    expect(created?.status()).toBe(201)
    const token = (await admin.locator('#new-token code').textContent())?.trim() ?? ''
    expect(token.length).toBeGreaterThan(20)
    const row = admin.getByRole('row', { name: /weekly import/ })
    const prefix = (await row.locator('code').textContent())?.replace('…', '') ?? ''
    expect(prefix.length).toBeGreaterThan(3)
    expect(token.startsWith(prefix)).toBe(true)

    // The token works against the API.
    const me = await fetch(`${e.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { email: string }).email).toBe('admin@test.example')

    // Shown once: reloading the account page does not show it again.
    await visit(admin, '/account')
    expect(await admin.locator('#new-token').count()).toBe(0)
    expect(await admin.locator('main').textContent()).not.toContain(token)
    expect(await row.getByRole('cell').first().textContent()).toBe('weekly import')

    await clickAndCheck(admin, row.getByRole('button', { name: 'Revoke token weekly import' }))
    expect(pathOf(admin)).toBe('/account')
    expect(await banner(admin)).toContain('Token revoked')
    expect(await row.textContent()).toContain('Revoked')
    expect(await row.getByRole('button').count()).toBe(0)
    expect(
      (await fetch(`${e.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401)
  })

  it('shows the change-password page, and its errors, without changing the password', async () => {
    await clickAndCheck(admin, admin.getByRole('link', { name: 'Change your password' }))
    expect(pathOf(admin)).toBe('/account/password')
    expect(await heading(admin)).toBe('Change your password')
    expect(await admin.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/account')
    expect(await admin.getByLabel('Current password').getAttribute('autocomplete')).toBe('current-password')
    expect(await admin.getByLabel('New password').getAttribute('autocomplete')).toBe('new-password')
    // Sent empty it only shows what is missing: the administrator's password stays as it is.
    const empty = await clickAndCheck(admin, admin.getByRole('button', { name: 'Change password' }))
    expect(empty?.status()).toBe(400)
    expect(await errorSummaryItems(admin)).toEqual(['Enter your current password', 'Enter a password'])
  })

  it('fits a narrow phone screen: wide tables scroll in a labelled, focusable box', async () => {
    const { context, page } = await e.newPage()
    try {
      await context.addCookies(await admin.context().cookies())
      await page.setViewportSize({ width: 320, height: 640 })
      for (const [url, label] of [
        ['/admin/users', /\d+ users/],
        ['/admin/audit', /\d+ entries/],
      ] as const) {
        await visit(page, url)
        const box = page.getByRole('region', { name: label })
        const { scrollWidth, clientWidth, tabIndex } = await box.evaluate((el) => ({
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
          tabIndex: (el as HTMLElement).tabIndex,
        }))
        expect(scrollWidth).toBeGreaterThan(clientWidth)
        expect(tabIndex).toBe(0)
      }
      // The navigation folds into a menu button.
      const menu = mainNav(page).getByRole('button', { name: 'Menu' })
      expect(await menu.getAttribute('aria-expanded')).toBe('false')
      await menu.click()
      expect(await menu.getAttribute('aria-expanded')).toBe('true')
      expect(await mainNav(page).getByRole('link', { name: 'Audit log' }).isVisible()).toBe(true)
      await checkAccessibility(page)
    } finally {
      await context.close()
    }
  })

  it('refuses a viewer the admin pages, and shows page not found', async () => {
    const { context, page } = await e.newPage()
    try {
      await signIn(page, 'viewer@test.example')
      const items = (await mainNav(page).getByRole('link').allTextContents()).map((s) => s.trim())
      expect(items).toEqual(expect.arrayContaining(['Home', 'Organisations', 'People', 'Your account']))
      expect(items).not.toContain('Users')
      expect(items).not.toContain('Audit log')

      await visit(page, '/admin/users', 403)
      expect(await heading(page)).toBe('You do not have permission to see this page')
      expect(await page.title()).toBe('You do not have permission to see this page – Safer')
      expect(await page.locator('main').textContent()).not.toContain('viewer@test.example')

      // A viewer may see an organisation, but not change it.
      await visit(page, `/admin/organisations/${e.t.organisationId}`)
      expect(await heading(page)).toBe('Test Council')
      expect(await page.getByRole('button', { name: 'Save organisation' }).count()).toBe(0)
      expect(await page.locator('.govuk-summary-list').textContent()).toContain('Council')

      await visit(page, '/no-such-page', 404)
      expect(await heading(page)).toBe('Page not found')
      expect(await page.getByRole('link', { name: 'Go to the Safer home page' }).getAttribute('href')).toBe(
        '/',
      )
    } finally {
      await context.close()
    }
  })
})
