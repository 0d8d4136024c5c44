import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  BROWSER_TIMEOUTS,
  clickAndCheck,
  type E2E,
  errorSummaryItems,
  startE2E,
  TEST_PASSWORD,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// A browser on a busy machine is slow: give each journey more than the default 30 seconds.
describe('signing in and out in a real browser', { timeout: BROWSER_TIMEOUTS.testTimeout }, () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(async () => {
    await e?.close()
  })

  // The whole journey must work on plain HTML forms: JavaScript only enhances.
  describe.each([
    { javaScriptEnabled: true, email: 'analyst@test.example', name: 'Test analyst' },
    { javaScriptEnabled: false, email: 'caseworker@test.example', name: 'Test caseworker' },
  ])('with JavaScript enabled: $javaScriptEnabled', ({ javaScriptEnabled, email, name }) => {
    it('sends a signed-out visitor to sign-in, refuses a wrong password, signs in and signs out', async () => {
      const { context, page } = await e.newPage({ javaScriptEnabled })
      try {
        // Signed out, the home page sends you to sign in, remembering where you were going.
        await visit(page, '/')
        const signInUrl = new URL(page.url())
        expect(signInUrl.pathname).toBe('/sign-in')
        expect(signInUrl.searchParams.get('returnTo')).toBe('/')
        expect(await page.title()).toBe('Sign in – Safer')
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Safer')
        // Signed out, there is no navigation and no sign-out button.
        expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0)
        expect(await page.getByRole('link', { name: 'Your account' }).count()).toBe(0)
        expect(await page.getByRole('contentinfo').count()).toBe(1)

        const js = await page
          .evaluate(() => document.body.classList.contains('govuk-frontend-supported'))
          .catch(() => false)
        expect(js).toBe(javaScriptEnabled)

        // A wrong password: the GOV.UK error summary, the field error, and the email kept.
        await page.getByLabel('Email address').fill(email)
        await page.getByLabel('Password', { exact: true }).fill('not-the-right-password')
        if (javaScriptEnabled) {
          // The password input's "Show" button is an enhancement, so only there with JavaScript.
          await page.getByRole('button', { name: 'Show password' }).click()
          expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('text')
        } else {
          expect(await page.getByRole('button', { name: 'Show password' }).isVisible()).toBe(false)
        }
        const refused = await clickAndCheck(page, page.getByRole('button', { name: 'Sign in' }))
        expect(refused?.status()).toBe(401)
        expect(await page.title()).toBe('Error: Sign in – Safer')
        expect(await page.locator('.govuk-error-summary__title').textContent()).toContain(
          'There is a problem',
        )
        expect(await errorSummaryItems(page)).toEqual(['Enter a correct email address and password'])
        expect(await page.locator('#email-error').textContent()).toContain(
          'Enter a correct email address and password',
        )
        expect(await page.getByLabel('Email address').inputValue()).toBe(email)
        expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('')
        if (javaScriptEnabled) {
          // GOV.UK Frontend moves focus to the error summary so screen readers announce it.
          expect(
            await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
          ).toBe(true)
        }
        // The summary links to the field with the problem.
        await page.getByRole('link', { name: 'Enter a correct email address and password' }).click()
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('email')

        // The right password lands on the page asked for: home, greeting the user by name.
        await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD)
        await clickAndCheck(page, page.getByRole('button', { name: 'Sign in' }))
        expect(new URL(page.url()).pathname).toBe('/')
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Hello, ${name}`)
        const nav = page.getByRole('navigation', { name: 'Main' })
        // The current section is marked for assistive technology, and only that one.
        expect(await nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page')
        expect(await nav.locator('[aria-current]').count()).toBe(1)
        expect(await nav.getByRole('link', { name: 'Organisations' }).isVisible()).toBe(true)
        // Not an administrator: no Users or Audit log.
        expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0)
        expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0)
        expect((await context.cookies()).find((c) => c.name === 'safer_session')?.httpOnly).toBe(true)

        // Signing out returns to sign-in with a confirmation, and the session is gone.
        await clickAndCheck(page, page.getByRole('button', { name: 'Sign out' }))
        expect(new URL(page.url()).pathname).toBe('/sign-in')
        expect(await page.getByRole('alert').textContent()).toContain('You have signed out')
        await visit(page, '/')
        expect(new URL(page.url()).pathname).toBe('/sign-in')
        expect(await page.getByRole('alert').count()).toBe(0)
      } finally {
        await context.close()
      }
    })
  })

  it('returns to the page asked for after signing in, and shows errors for an empty form', async () => {
    const { context, page } = await e.newPage()
    try {
      await visit(page, '/admin/organisations')
      expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/admin/organisations')
      const empty = await clickAndCheck(page, page.getByRole('button', { name: 'Sign in' }))
      expect(empty?.status()).toBe(400)
      expect(await errorSummaryItems(page)).toEqual(['Enter your email address', 'Enter your password'])

      await page.getByLabel('Email address').fill('board-member@test.example')
      await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD)
      await clickAndCheck(page, page.getByRole('button', { name: 'Sign in' }))
      expect(new URL(page.url()).pathname).toBe('/admin/organisations')
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Partner organisations')
    } finally {
      await context.close()
    }
  })
})
