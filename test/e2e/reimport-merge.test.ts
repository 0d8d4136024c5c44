import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ACTOR } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import {
  BROWSER_TIMEOUTS,
  banner,
  clickAndCheck,
  type E2E,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// Importing a plan again over itself and merging the duplicates its preview points out, as an
// administrator in a real browser: every page checked with axe on arrival.

describe('re-import preview and merge pages in a real browser', () => {
  let e: E2E
  let admin: Page

  beforeAll(async () => {
    e = await startE2E()
    await e.t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'knife-crime-plan.tsv',
      content: seed003(),
    })
    admin = (await e.newPage()).page
    await signIn(admin, 'admin@test.example')
  })
  afterAll(async () => {
    await e?.close()
  })

  it('previews a replacement with what it changes and offers the merges it saw', async () => {
    await visit(admin, '/plans/import')
    const edited = seed003()
      .toString('utf8')
      .replace('Youth Voice Event Oct 18', 'Youth Voice Event held Oct 18')
    await admin.getByLabel('Spreadsheet').setInputFiles({
      name: 'knife-crime-plan.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from(edited),
    })
    await admin.getByLabel('Replace the existing plan if one has the same title').check()
    await clickAndCheck(admin, admin.getByRole('button', { name: 'Upload and check' }))
    expect(await heading(admin)).toBe('Check the plan before you import it')
    expect(await admin.getByRole('heading', { name: 'What replacing the plan changes' }).isVisible()).toBe(
      true,
    )
    const changed = admin.getByRole('table', { name: 'Changed, field by field' })
    expect(await changed.textContent()).toMatch(
      /Progress \(from the plan\)\s*Was: Youth Voice Event Oct 18\s*Now: Youth Voice Event held Oct 18/,
    )
    expect(await admin.getByRole('heading', { name: 'Written two ways' }).isVisible()).toBe(true)

    await clickAndCheck(
      admin,
      admin.getByRole('link', { name: 'merge these people (Gordan McCullough into Gordon McCullough)' }),
    )
    expect(await heading(admin)).toBe('Merge Gordan McCullough into another person')
    expect(await admin.getByRole('table', { name: 'What will move' }).textContent()).toMatch(
      /Deliverables naming them as a lead\s*1/,
    )
    await clickAndCheck(
      admin,
      admin.getByRole('button', { name: 'Merge Gordan McCullough into Gordon McCullough' }),
    )
    expect(await heading(admin)).toBe('Gordon McCullough')
    expect(await banner(admin)).toContain('Gordan McCullough merged into Gordon McCullough')
    expect(await admin.getByRole('heading', { name: 'Merged into this record' }).isVisible()).toBe(true)
  })

  it('chooses a survivor on the merge page, and says why a merge is refused', async () => {
    const people = await e.t.deps.services.partners.listPeople()
    const edeom = people.find((p) => p.name === 'Matthew Edeom')?.id as number
    await visit(admin, `/admin/people/${edeom}/merge`)
    await admin
      .getByLabel('Which person do you want to keep?')
      .selectOption({ label: 'Matthew Edom (looks like the same name)' })
    await clickAndCheck(admin, admin.getByRole('button', { name: 'See what will move' }))
    expect(
      await admin.getByRole('button', { name: 'Merge Matthew Edeom into Matthew Edom' }).isVisible(),
    ).toBe(true)
    await visit(admin, `/admin/people/${edeom}/merge?into=${edeom}`)
    expect(await admin.locator('.govuk-error-message').textContent()).toContain(
      'cannot be merged into itself',
    )
  })
})
