import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.ts'
import '../../src/modules/partners/tables.ts'
import { runCli } from '../helpers/cli.ts'
import { SEED_003_PATH } from '../helpers/seeds.ts'

// The real command line: a re-import's dry run says what would change, and a duplicate person is merged.
describe('safer plan import over a stored plan, and safer person merge', { timeout: 180_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-merge-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` }
    expect((await runCli(['migrate'], env)).code).toBe(0)
    expect((await runCli(['plan', 'import', SEED_003_PATH], env)).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('says on a dry run what replacing the plan would change, and writes nothing', async () => {
    const edited = join(dir, 'edited.tsv')
    writeFileSync(
      edited,
      readFileSync(SEED_003_PATH, 'utf8').replace(
        'Youth Voice Event Oct 18',
        'Youth Voice Event held Oct 18',
      ),
    )
    const result = await runCli(['plan', 'import', edited, '--dry-run', '--json'], env)
    expect(result.code).toBe(0)
    const { changes } = JSON.parse(result.stdout)
    expect(changes.added).toEqual([])
    expect(changes.archived).toEqual([])
    expect(changes.changed.map((e: { changes: unknown }) => e.changes)).toEqual([
      [
        {
          field: 'Progress (from the plan)',
          before: 'Youth Voice Event Oct 18',
          after: 'Youth Voice Event held Oct 18',
        },
      ],
    ])
    const text = await runCli(['plan', 'import', edited, '--dry-run'], env)
    expect(text.stdout).toContain('Would change: 0 added, 1 changed, 0 archived')
  })

  it('merges a duplicate person into the one to keep, refusing a typing mistake with exit 2', async () => {
    expect((await runCli(['person', 'merge', 'x', '--into', '3'], env)).code).toBe(2)
    const people = JSON.parse(
      (await runCli(['plan', 'import', SEED_003_PATH, '--dry-run', '--json'], env)).stdout,
    )
    expect(people.warnings.some((w: { message: string }) => w.message.includes('Gordan McCullough'))).toBe(
      true,
    )
    const ids = await personIds()
    const dry = await runCli(
      ['person', 'merge', String(ids.gordan), '--into', String(ids.gordon), '--dry-run'],
      env,
    )
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(
      `Would merge Gordan McCullough (${ids.gordan}) into Gordon McCullough (${ids.gordon}):`,
    )
    const done = await runCli(
      ['person', 'merge', String(ids.gordan), '--into', String(ids.gordon), '--json'],
      env,
    )
    expect(done.code).toBe(0)
    expect(JSON.parse(done.stdout)).toMatchObject({
      merged: true,
      from: { id: ids.gordan },
      into: { id: ids.gordon },
    })
    const again = await runCli(['person', 'merge', String(ids.gordan), '--into', String(ids.gordon)], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already merged')
  })

  async function personIds() {
    const handle = openDatabase(env.DATABASE_URL as string)
    try {
      const id = async (name: string) =>
        (await handle.db.selectFrom('people').select('id').where('name', '=', name).executeTakeFirstOrThrow())
          .id
      return { gordon: await id('Gordon McCullough'), gordan: await id('Gordan McCullough') }
    } finally {
      await handle.close()
    }
  }
})
