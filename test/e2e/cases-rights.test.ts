import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Who } from '../../src/modules/cases/policy.ts'
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

// The rights pages in a real browser, with JavaScript on and then off, each checked with axe: the
// chair reviews a closed case past retention and deletes it with confirmation, opens the subject
// access export; a member corrects a person's details, merges two records of one person and undoes it.

describe('risk panels’ rights pages in a real browser', () => {
  let e: E2E
  let panel: number
  const system: Who = { actor: TEST_ACTOR, user: null }

  beforeAll(async () => {
    e = await startE2E()
    const cases = e.t.deps.services.cases
    panel = await cases.createPanel(system, {
      name: 'Rights MARAC',
      type: 'marac',
      termsOfReference: 'Monthly MARAC',
      chairUserId: e.t.userIds.caseworker,
      cadence: 'monthly',
      memberUserIds: [e.t.userIds.lead],
      isaParties: ['Test Council'],
      isaLegalBasis: 'gdpr-6e-9g-para18',
      isaReviewDate: '2030-01-01',
    })
  })
  afterAll(async () => {
    await e?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const run = javaScriptEnabled ? 'on' : 'off'

    it(`reviews retention, exports, corrects and merges, with JavaScript ${run}`, async () => {
      const cases = e.t.deps.services.cases
      const person = (forename: string, surname: string, matches: Record<string, string> = {}) => ({
        role: 'victim',
        forename,
        surname,
        dateOfBirth: '1980-01-01',
        gender: 'female',
        matches,
      })
      const refer = (subject: ReturnType<typeof person>, referredOn: string) =>
        cases.submitReferral(system, {
          panelId: panel,
          referringUserId: e.t.userIds.lead,
          referredOn,
          reasons: `Reasons for ${subject.surname}`,
          risk: 'Risk',
          consent: 'given',
          subjects: [subject],
        })
      const old = await refer(person('Olive', `Pastcase${run}`), '2018-01-10')
      for (const [status, on] of [
        ['accepted', '2018-01-11'],
        ['heard', '2018-02-01'],
        ['closed', '2018-03-01'],
      ])
        await cases.moveCase(system, old, { status, on })
      const first = await refer(person('Ada', `Keptrecord${run}`), '2026-01-05')
      const [kept] = await cases.caseSubjects(first)
      const second = await refer(
        person('Ada', `Keptrecord${run}`, { [String(kept)]: 'different' }),
        '2026-02-05',
      )
      const [other] = await cases.caseSubjects(second)

      const chair = await e.newPage({ javaScriptEnabled })
      try {
        const page = chair.page
        await signIn(page, 'caseworker@test.example')
        await visit(page, '/cases/panels')
        await clickAndCheck(page, page.getByRole('link', { name: 'Closed cases due for deletion' }))
        expect(await heading(page)).toBe('Closed cases due for deletion')
        await expectTablesInside(page)
        expect(await page.getByText(`Pastcase${run}`).count()).toBe(0)
        await clickAndCheck(page, page.getByRole('link', { name: `Delete case ${old}` }))
        expect(await heading(page)).toBe(`Delete case ${old}`)
        await clickAndCheck(page, page.getByRole('button', { name: 'Delete the case' }))
        expect(await errorSummaryItems(page)).toEqual(['Confirm that the case should be deleted'])
        await page.getByLabel('The panel has reviewed this case and it should be deleted').check()
        await clickAndCheck(page, page.getByRole('button', { name: 'Delete the case' }))
        expect(await banner(page)).toContain(`Case ${old} deleted`)
        await visit(page, `/cases/${old}`, 404)

        await visit(page, `/cases/subjects/${kept}`)
        await clickAndCheck(page, page.getByRole('link', { name: 'Export for a subject access request' }))
        expect(await heading(page)).toBe('Export what is held about this person')
        await clickAndCheck(page, page.getByRole('button', { name: 'Export' }))
        expect(await errorSummaryItems(page)).toEqual(['Enter the subject access request’s reference'])
      } finally {
        await chair.context.close()
      }

      const member = await e.newPage({ javaScriptEnabled })
      try {
        const page = member.page
        await signIn(page, 'lead@test.example')
        await visit(page, `/cases/subjects/${kept}`)
        expect(await page.getByRole('link', { name: 'Export for a subject access request' }).count()).toBe(0)
        await clickAndCheck(page, page.getByRole('link', { name: 'Correct these details' }))
        await page.getByLabel('Addresses (optional)').fill('5 Pretend Place, Nowhereton')
        await clickAndCheck(page, page.getByRole('button', { name: 'Save the correction' }))
        expect(await banner(page)).toContain('Details corrected')
        expect(await page.getByText('5 Pretend Place, Nowhereton').isVisible()).toBe(true)

        await clickAndCheck(page, page.getByRole('link', { name: 'Merges with other records' }))
        await clickAndCheck(page, page.getByRole('button', { name: 'Merge the records' }))
        expect(await errorSummaryItems(page)).toContain(
          'Say why these are the same person, in at least 10 characters',
        )
        await page.getByLabel('The other record’s person reference').fill(String(other))
        await page
          .getByLabel('Why they are the same person')
          .fill('Same date of birth, confirmed by the IDVA')
        await clickAndCheck(page, page.getByRole('button', { name: 'Merge the records' }))
        expect(await banner(page)).toContain('Records merged')
        await visit(page, `/cases/subjects/${kept}`)
        expect(await page.getByRole('link', { name: `Case ${second}` }).count()).toBe(1)
        await clickAndCheck(page, page.getByRole('link', { name: 'Merges with other records' }))
        await clickAndCheck(page, page.getByRole('button', { name: `Undo the merge of record ${other}` }))
        expect(await banner(page)).toContain('Merge undone')
        expect(await page.getByText('Undone', { exact: true }).isVisible()).toBe(true)
      } finally {
        await member.context.close()
      }
    })
  }
})
