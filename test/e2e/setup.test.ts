import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BROWSER_TIMEOUTS, clickAndCheck, type E2E, errorSummaryItems, startE2E, visit } from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// Setting up works once per installation, so each journey has an empty installation of its own.
describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])(
  'setting up an empty installation in a real browser, JavaScript enabled: $javaScriptEnabled',
  { timeout: BROWSER_TIMEOUTS.testTimeout },
  ({ javaScriptEnabled }) => {
    let e: E2E
    let code: string
    beforeAll(async () => {
      // The code is read where an operator reads it: the console, as the server starts listening.
      const console = vi.spyOn(globalThis.console, 'log').mockImplementation(() => {})
      try {
        e = await startE2E({ empty: true })
        const printed = console.mock.calls.map((args) => String(args[0])).join('\n')
        code = printed.match(/setup code:\s+(\S+)/)?.[1] as string
      } finally {
        console.mockRestore()
      }
      expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
    })
    afterAll(async () => {
      await e?.close()
    })

    it('leads to the setup page, refuses a wrong code, and signs the administrator in', async () => {
      const { context, page } = await e.newPage({ javaScriptEnabled })
      try {
        await visit(page, '/plans')
        expect(new URL(page.url()).pathname).toBe('/setup')
        expect(await page.title()).toBe('Set up Safer for your partnership – Safer')

        await page.getByLabel('Setup code').fill('AAAA-BBBB-CCCC-DDDD')
        await page.getByLabel('Partnership name').fill('Safer Southwark Partnership')
        await page.getByLabel('Local authority code').fill('E09000028')
        await page
          .getByLabel('Partner organisations')
          .fill('LBS=London Borough of Southwark (council)\nMPS=Metropolitan Police Service (police)')
        await page.getByLabel('Full name').fill('Ada Administrator')
        await page.getByLabel('Email address').fill('ada@southwark.example')
        await page.getByLabel('Their organisation’s short name').fill('LBS')
        await page.getByLabel('Password', { exact: true }).fill('amber-kettle-orchard-lamp')
        const refused = await clickAndCheck(page, page.getByRole('button', { name: 'Set up Safer' }))
        expect(refused?.status()).toBe(400)
        expect(await errorSummaryItems(page)).toEqual([
          'Enter the setup code exactly as Safer printed it when it started',
        ])
        // What was typed is still there, but the password is asked again.
        expect(await page.getByLabel('Partnership name').inputValue()).toBe('Safer Southwark Partnership')
        expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('')

        await page.getByLabel('Setup code').fill(code)
        await page.getByLabel('Password', { exact: true }).fill('amber-kettle-orchard-lamp')
        const done = await clickAndCheck(page, page.getByRole('button', { name: 'Set up Safer' }))
        expect(done?.status()).toBe(200)
        expect(new URL(page.url()).pathname).toBe('/')
        expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
        expect(await page.getByRole('link', { name: 'Users' }).count()).toBeGreaterThan(0)

        // The partnership's settings, as set up, for the administrator to change later.
        await visit(page, '/admin/partnership')
        expect(await page.getByLabel('Partnership name').inputValue()).toBe('Safer Southwark Partnership')

        // The page has gone: it leads home.
        await visit(page, '/setup')
        expect(new URL(page.url()).pathname).toBe('/')
      } finally {
        await context.close()
      }
    })
  },
)
