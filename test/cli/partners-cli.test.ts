import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'

// Each test runs the real CLI (about 2 s a start on an idle machine, 15 s or more on a busy one).
describe('safer organisation and safer people import', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps

  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const peopleNames = async () => (await deps.services.partners.listPeople()).map((p) => p.name)

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-partners-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }))
  })
  afterAll(async () => {
    await deps?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('adds organisations and lists them as text and JSON', async () => {
    const empty = await runCli(['organisation', 'list'], env)
    expect(empty.stdout).toContain('No organisations yet')
    const added = await runCli(
      [
        'organisation',
        'add',
        '--short-name',
        'LBS',
        '--name',
        'London Borough of Southwark',
        '--type',
        'council',
      ],
      env,
    )
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('Added LBS: London Borough of Southwark (council)')
    expect(
      (
        await runCli(
          [
            'organisation',
            'add',
            '--short-name',
            'MPS',
            '--name',
            'Metropolitan Police Service',
            '--type',
            'police',
          ],
          env,
        )
      ).code,
    ).toBe(0)

    const listed = await runCli(['organisation', 'list', '--json'], env)
    expect(JSON.parse(listed.stdout)).toEqual([
      { id: expect.any(Number), shortName: 'LBS', name: 'London Borough of Southwark', type: 'council' },
      { id: expect.any(Number), shortName: 'MPS', name: 'Metropolitan Police Service', type: 'police' },
    ])
    expect((await runCli(['organisation', 'list'], env)).stdout).toMatch(
      /^MPS\s+Metropolitan Police Service\s+police$/m,
    )
  })

  it('refuses a short name already taken, a type it does not know and a missing short name', async () => {
    const taken = await runCli(
      ['organisation', 'add', '--short-name', 'lbs', '--name', 'Lambeth Borough Services'],
      env,
    )
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('shortName: An organisation with this short name already exists')
    const wrongType = await runCli(
      ['organisation', 'add', '--short-name', 'X', '--name', 'X', '--type', 'cops'],
      env,
    )
    expect(wrongType.code).toBe(2)
    expect(wrongType.stderr).toContain('--type is one of council, police')
    expect((await runCli(['organisation', 'add', '--name', 'No short name'], env)).code).toBe(2)
    expect((await deps.services.partners.listOrganisations()).map((o) => o.shortName)).toEqual(['LBS', 'MPS'])
  })

  it('refuses a whole file for one bad row, naming each problem by row and column', async () => {
    const path = file(
      'people-bad.csv',
      'Name,Organisation,Job title,Email\nHelen Lyons,MPS,Detective Superintendent,helen.lyons@met.example\nIan Howells,MET,Superintendent,ian@met\n,LBS,Director,\n',
    )
    const result = await runCli(['people', 'import', path], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Row 3, column B (Organisation): No organisation "MET". Known: LBS, MPS')
    expect(result.stderr).toContain('Row 3, column D (Email): Enter an email address in the correct format')
    expect(result.stderr).toContain('Row 4, column A (Name): Enter the person’s name')
    expect(result.stderr).toContain('Nothing was saved: 3 problems to put right in people-bad.csv.')
    expect(await peopleNames()).toEqual([])
    const unreadable = await runCli(['people', 'import', file('no-name.csv', 'Who,Where\nA,B\n')], env)
    expect(unreadable.code).toBe(1)
    expect(unreadable.stderr).toContain('no-name.csv has no Name column')
  })

  it('checks a list in a dry run without saving, then saves it, leaving out people already held', async () => {
    await deps.services.partners.createPerson(TEST_ACTOR, {
      name: 'Simon Messinger',
      email: 'simon.messinger@met.example',
    })
    const path = file(
      'people.csv',
      [
        'Name,Organisation,Role,Email address',
        'Helen Lyons,MPS,Detective Superintendent,Helen.Lyons@met.example',
        'S. Messinger,MPS,BCU Commander,SIMON.MESSINGER@met.example',
        'Eleanor  Kelly,lbs,Chief Executive,',
        'eleanor kelly,LBS,Chief Executive,',
        '"Kelly, Stephen",London Borough of Southwark,,',
      ].join('\r\n'),
    )
    const dry = await runCli(['people', 'import', path, '--dry-run'], env)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Would add   row 2: Helen Lyons (MPS)')
    expect(dry.stdout).toContain(
      'Left out    row 3: S. Messinger – already held: the same email address as Simon Messinger',
    )
    expect(dry.stdout).toContain('Left out    row 5: eleanor kelly – already held: the same name as row 4')
    expect(dry.stdout).toContain(
      'Dry run: 3 people would be added; 2 already held, left out. Nothing was saved.',
    )
    expect(await peopleNames()).toEqual(['Simon Messinger'])

    const saved = await runCli(['people', 'import', path, '--json'], env)
    expect(saved.code).toBe(0)
    const report = JSON.parse(saved.stdout)
    expect(report.saved).toBe(true)
    expect(report.added.map((p: { name: string }) => p.name)).toEqual([
      'Helen Lyons',
      'Eleanor  Kelly',
      'Kelly, Stephen',
    ])
    expect(await peopleNames()).toEqual([
      'Eleanor  Kelly',
      'Helen Lyons',
      'Kelly, Stephen',
      'Simon Messinger',
    ])
    const helen = (await deps.services.partners.listPeople()).find((p) => p.name === 'Helen Lyons')
    expect(helen).toMatchObject({
      organisationShortName: 'MPS',
      jobTitle: 'Detective Superintendent',
      email: 'helen.lyons@met.example',
    })
    expect((await deps.services.audit.search({ action: 'people.import' }, 1)).rows).toHaveLength(1)

    // The same list again adds no one twice.
    const again = await runCli(['people', 'import', path], env)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('Added 0 people; 5 already held, left out.')
    expect(await peopleNames()).toHaveLength(4)
  })

  it('reads an .xlsx list through the guarded reader', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('People')
    sheet.addRow(['Full name', 'Organisation', 'Job title', 'Email'])
    sheet.addRow(['Neil Chisolm', 'LBS', 'Borough Commander', 'neil.chisolm@lfb.example'])
    const path = join(dir, 'people.xlsx')
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
    const result = await runCli(['people', 'import', path], env)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Added 1 people.')
    expect(await peopleNames()).toContain('Neil Chisolm')
    const fake = await runCli(['people', 'import', file('fake.xlsx', 'Name\nnot a workbook\n')], env)
    expect(fake.code).toBe(1)
    expect(fake.stderr).toContain('fake.xlsx')
  })
})
