import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { loadUsersDemo } from '../../src/modules/auth/demo.ts'
import { loadCasesDemo } from '../../src/modules/cases/demo.ts'
import type { Who } from '../../src/modules/cases/policy.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { TEST_ACTOR, TEST_CASE_DATA_KEY, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'
import { openDocx } from '../helpers/docx.ts'

// The risk panels' demo loaded through the services on each database, read as the demo's users
// (need to know: a chair, a member of one panel only, and a non-member), then the operator's rights
// commands run for real on it: the retention list, a subject access export, a deletion under
// retention and a key rotation.
describe.each(DIALECTS)(
  'the risk panels’ demo and rights commands on %s',
  { timeout: 300_000 },
  (dialect) => {
    let database: TestDatabase
    let dir: string
    let deps: Deps
    let env: Record<string, string>
    const as = async (email: string): Promise<Who> => {
      const user = await deps.services.users.findByEmail(email)
      if (!user) throw new Error(email)
      return {
        actor: { userId: user.id, label: email, ip: null },
        user: { id: user.id, role: user.role },
        via: '/test',
      }
    }

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      dir = mkdtempSync(join(tmpdir(), 'safer-cases-cli-'))
      deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
      env = { DATABASE_URL: database.url, DATA_DIR: dir, CASE_DATA_KEY: TEST_CASE_DATA_KEY }
      if (database.schema) env.PGOPTIONS = `-c search_path=${database.schema}`
      await loadPartnersDemo(deps.services, TEST_ACTOR)
      await loadUsersDemo(deps.services, TEST_ACTOR)
      await loadCasesDemo(deps.services, TEST_ACTOR)
    })
    afterAll(async () => {
      await deps.close()
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    })

    it('loads two panels with cases at every stage, one a repeat, sealed, and shown by need to know', async () => {
      const cases = deps.services.cases
      const casey = await cases.listCases(await as('caseworker@safer.example'))
      const helen = await cases.listCases(await as('lead@safer.example'))
      expect(new Set(casey.map((c) => c.statusLabel)).size).toBe(5)
      expect(casey.map((c) => c.panelName)).toEqual(
        expect.arrayContaining(['Demo MARAC', 'Demo knife crime panel']),
      )
      expect(helen.every((c) => c.panelName === 'Demo MARAC')).toBe(true)
      expect(helen.length).toBeLessThan(casey.length)
      expect(await cases.listCases(await as('manager@safer.example'))).toEqual([])
      const ada = helen.filter((c) => c.subjects.some((s) => s.name === 'Ada Examplewoman'))
      expect(ada).toHaveLength(2)
      expect(new Set(ada.map((c) => c.subjects.find((s) => s.role === 'victim')?.subjectId)).size).toBe(1)
      const signposted = await cases.search(await as('manager@safer.example'), {
        surname: 'Examplewoman',
        dateOfBirth: '1991-05-14',
      })
      expect(signposted.cases).toEqual([])
      expect(signposted.signposts.map((s) => s.panelName)).toEqual(['Demo MARAC'])
      const knife = await cases.search(await as('lead@safer.example'), {
        surname: 'Unrealson',
        dateOfBirth: '2009-02-02',
      })
      expect(knife).toMatchObject({ cases: [], signposts: [{ panelName: 'Demo knife crime panel' }] })
      const stored = JSON.stringify(await deps.database.db.selectFrom('case_subjects').selectAll().execute())
      for (const plain of ['Examplewoman', 'Imaginary Row', '1991-05-14']) expect(stored).not.toContain(plain)
    })

    it('lists, exports, deletes under retention and rotates the key at the command line, each audited', async () => {
      const retention = await runCli(['cases', 'retention', '--json'], env)
      expect(retention.stderr).toBe('')
      const due = JSON.parse(retention.stdout) as Array<Record<string, unknown>>
      expect(due).toEqual([
        {
          caseId: expect.any(Number),
          panelId: expect.any(Number),
          panelName: 'Demo MARAC',
          closedOn: '2019-01-15',
          dueOn: '2025-01-15',
        },
      ])
      const oldCase = due[0]?.caseId as number
      const [olive] = await deps.services.cases.caseSubjects(oldCase)

      const json = join(dir, 'olive.json')
      const exported = await runCli(
        ['cases', 'export-subject', String(olive), '--out', json, '--request', 'SAR-7'],
        env,
      )
      expect(exported.stdout).toBe(`Wrote what is held about subject ${olive} (1 referrals) to ${json}\n`)
      const file = JSON.parse(readFileSync(json, 'utf8'))
      expect(file).toMatchObject({ request: 'SAR-7', subject: { forename: 'Olive', surname: 'Pastcase' } })
      expect(file.referrals[0]).toMatchObject({ caseId: oldCase, role: 'Victim', status: 'Closed' })
      const docx = join(dir, 'olive.docx')
      expect((await runCli(['cases', 'export-subject', String(olive), '--out', docx], env)).code).toBe(0)
      expect(openDocx(readFileSync(docx)).text).toContain('Olive Pastcase')
      expect(
        (await runCli(['cases', 'export-subject', String(olive), '--out', join(dir, 'x.txt')], env)).code,
      ).toBe(2)

      const unconfirmed = await runCli(['cases', 'retention-delete', String(oldCase)], env)
      expect(unconfirmed.code).toBe(2)
      expect(unconfirmed.stderr).toContain(`--confirm ${oldCase}`)
      const deleted = await runCli(
        ['cases', 'retention-delete', String(oldCase), '--confirm', String(oldCase)],
        env,
      )
      expect(deleted.stdout).toBe(
        `Deleted case ${oldCase} under retention, with 1 people no other case names.\n`,
      )
      const gone = await runCli(['cases', 'export-subject', String(olive), '--out', json], env)
      expect(gone.code).toBe(1)
      expect(gone.stderr).toContain('not found')
      expect(JSON.parse((await runCli(['cases', 'retention', '--json'], env)).stdout)).toEqual([])

      const helen = await deps.services.cases.listCases(await as('lead@safer.example'))
      const ada = helen.find((c) => c.subjects.some((s) => s.name === 'Ada Examplewoman'))
      const adaId = ada?.subjects[0]?.subjectId as number
      const newKey = randomBytes(32).toString('base64')
      const rotated = await runCli(['cases', 'rotate-key', '--json'], {
        ...env,
        CASE_DATA_KEY: newKey,
        CASE_DATA_KEY_PREVIOUS: TEST_CASE_DATA_KEY,
      })
      expect(rotated.stderr).toBe('')
      const result = JSON.parse(rotated.stdout)
      expect(result.alreadyCurrent).toBe(0)
      expect(result.reencrypted['case_referrals.reasons_sealed']).toBeGreaterThan(5)
      // The old key no longer reads anything; the new one alone does.
      expect(
        (
          await runCli(['cases', 'export-subject', String(adaId), '--out', join(dir, 'ada.json')], {
            ...env,
            CASE_DATA_KEY: newKey,
          })
        ).code,
      ).toBe(0)
      expect(JSON.parse(readFileSync(join(dir, 'ada.json'), 'utf8')).referrals).toHaveLength(2)
      const old = await runCli(
        ['cases', 'export-subject', String(adaId), '--out', join(dir, 'ada2.json')],
        env,
      )
      expect(old.code).not.toBe(0)

      const audit = deps.services.audit
      for (const action of [
        'case.retention-review',
        'case.subject-access',
        'case.retention-delete',
        'case.rotate-key',
      ]) {
        const rows = (await audit.search({ action }, 1, 50)).rows
        expect(rows.length, action).toBeGreaterThan(0)
        expect(
          rows.every((r) => r.actor.startsWith('cli:')),
          action,
        ).toBe(true)
      }
    })
  },
)
