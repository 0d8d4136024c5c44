import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../src/access/current-user.ts'
import { parsePlanTable } from '../../src/modules/plans/import/parse.ts'
import { readTable } from '../../src/modules/plans/import/table.ts'
import { PlanExistsError } from '../../src/modules/plans/import.service.ts'
import { treeOf } from '../../src/modules/plans/plan-view.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'

// biome-ignore lint/suspicious/noExplicitAny: strips the importer's row numbers from any depth
function withoutRows(value: any): any {
  if (Array.isArray(value)) return value.map(withoutRows)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'row')
        .map(([k, v]) => [k, withoutRows(v)]),
    )
  }
  return value
}

describe.each(DIALECTS)('plan import on %s', (dialect) => {
  let t: TestApp
  const file = { fileName: 'knife-crime-plan-2018-20.txt', content: seed003() }
  const count = (table: Parameters<typeof countRows>[1]) => countRows(t, table)

  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  it('writes nothing on a dry run, and reports the plan as read', async () => {
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, { ...file, dryRun: true })
    expect(outcome.planId).toBeNull()
    expect(outcome.summary.counts).toEqual({
      themes: 8,
      actions: 56,
      deliverables: 61,
      locallyAdded: 29,
      leads: 17,
      organisations: 16,
    })
    expect(await count('plans')).toBe(0)
  })

  it('imports seed 003 whole: the stored plan is the plan as read, people are matched or added', async () => {
    const peopleBefore = await count('people')
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, file)
    expect(outcome.planId).not.toBeNull()
    const stored = await t.deps.services.plans.getPlan(outcome.planId as number)
    const parsed = parsePlanTable(await readTable(file.content, file.fileName))
    const tree = treeOf(stored)
    expect(tree.title).toBe(
      'Southwark Borough - Community Safety Partnership Knife Crime and Serious Violence Plan 2018/20',
    )
    expect(withoutRows(tree.themes)).toEqual(withoutRows(parsed.themes))
    expect(withoutRows(tree.leadership)).toEqual(withoutRows(parsed.leadership))
    expect(tree.strategicAims).toEqual([
      'Protection of Life',
      'Reduction in youth violence',
      'Bring Offenders to Justice',
      'Support victims and their witnesses',
    ])
    expect(stored.period).toBe('2018/20')
    // Leads and leaders become people once each: "Det Supt Helen Lyons" is Helen Lyons, "Professor Kevin Fenton" is Kevin Fenton.
    const people = await t.deps.services.partners.listPeople()
    expect(people.filter((p) => p.name === 'Helen Lyons')).toHaveLength(1)
    expect(people.filter((p) => p.name === 'Kevin Fenton')).toHaveLength(1)
    // Spelt two ways in the file: reported, and kept apart.
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Simon Messinger', 'Simon Messenger']))
    expect(await count('people')).toBeGreaterThan(peopleBefore + 20)
    const log = await t.deps.services.audit.search({ action: 'plan.import' }, 1)
    expect(log.rows[0]?.entity_id).toBe(String(outcome.planId))
  })

  it('refuses to import the same plan twice, and replaces it when asked', async () => {
    const plansBefore = await count('plans')
    await expect(t.deps.services.planImport.importPlan(TEST_ACTOR, file)).rejects.toBeInstanceOf(
      PlanExistsError,
    )
    expect(await count('plans')).toBe(plansBefore)
    const replaced = await t.deps.services.planImport.importPlan(TEST_ACTOR, { ...file, replace: true })
    expect(replaced.replaced).toBe(true)
    expect(await count('plans')).toBe(plansBefore)
    expect(await count('deliverables')).toBe(61)
  })

  it('writes nothing at all for a file it cannot read, naming the file', async () => {
    const before = {
      plans: await count('plans'),
      people: await count('people'),
      audit: await count('audit_log'),
    }
    const bad: Array<[string, Buffer, RegExp]> = [
      ['empty.csv', Buffer.alloc(0), /empty\.csv is empty/],
      [
        'locked.xlsx',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        /locked\.xlsx is password-protected/,
      ],
      ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /photo\.csv is not a spreadsheet/],
      ['fake.xlsx', Buffer.from('just text'), /fake\.xlsx is not a real Excel workbook/],
      ['notes.docx', Buffer.from('text'), /notes\.docx: Safer imports \.xlsx, \.csv and \.tsv/],
      ['huge.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), /huge\.csv is 20\.0 MB/],
      ['minutes.csv', Buffer.from('Item,Minutes\n1,Apologies\n'), /minutes\.csv: No header row found/],
    ]
    for (const [fileName, content, message] of bad) {
      const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, { fileName, content })
      expect(outcome.planId, fileName).toBeNull()
      expect(outcome.summary.errors[0]?.message, fileName).toMatch(message)
    }
    expect({
      plans: await count('plans'),
      people: await count('people'),
      audit: await count('audit_log'),
    }).toEqual(before)
  })

  it('keeps every progress update, shows the latest RAG, and lets a lead update only their own deliverables', async () => {
    const [plan] = await t.deps.services.plans.listPlans()
    const view = await t.deps.services.plans.getPlan(plan?.id as number)
    const all = view.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
    const helens = all.find((d) => d.leads.includes('Det Supt Helen Lyons')) as (typeof all)[number]
    const notHers = all.find((d) => !d.leads.some((l) => l.includes('Helen Lyons'))) as (typeof all)[number]

    // The test lead user's account is linked to the person Helen Lyons.
    const lead = await t.deps.services.users.get(t.userIds.lead)
    const helen = helens.leadPersonIds[0] as number
    await t.deps.services.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: 'Helen Lyons',
      organisationId: lead.organisationId,
      role: 'lead',
      personId: helen,
      version: lead.version,
    })
    const asLead: CurrentUser = {
      id: lead.id,
      email: lead.email,
      name: 'Helen Lyons',
      role: 'lead',
      organisationId: lead.organisationId,
      organisationName: 'Test Council',
      personId: helen,
    }
    const actor = { userId: lead.id, label: lead.email, ip: null }

    await t.deps.services.deliverables.addUpdate(actor, asLead, helens.id, {
      updateOn: '2026-10-01',
      text: 'Tasking meetings running monthly',
      rag: 'amber',
    })
    await t.deps.services.deliverables.addUpdate(actor, asLead, helens.id, {
      updateOn: '2026-11-20',
      text: 'All partners attending',
      rag: 'green',
    })
    const after = await t.deps.services.deliverables.get(helens.id)
    expect(after.rag).toBe('green')
    expect(after.updates.map((u) => u.text)).toEqual([
      'All partners attending',
      'Tasking meetings running monthly',
    ])
    expect(after.flags.stale).toBe(false)

    await expect(
      t.deps.services.deliverables.addUpdate(actor, asLead, notHers.id, {
        updateOn: '2026-11-20',
        text: 'x',
        rag: 'red',
      }),
    ).rejects.toThrow(/named lead or a partnership manager/)
    await expect(
      t.deps.services.deliverables.addUpdate(actor, asLead, helens.id, {
        updateOn: '2099-01-01',
        text: 'x',
        rag: 'red',
      }),
    ).rejects.toThrow(/today or in the past/)
    expect((await t.deps.services.deliverables.ledBy(asLead)).map((d) => d.id)).toContain(helens.id)
  })

  it('flags overdue, stale and end-before-start deliverables from their dates', async () => {
    const [plan] = await t.deps.services.plans.listPlans()
    const view = await t.deps.services.plans.getPlan(plan?.id as number, '2026-11-23')
    const all = view.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
    const mapping = all.find((d) => d.end === '2010-03') as (typeof all)[number]
    expect(mapping.flags).toMatchObject({ endBeforeStart: true, overdue: true })
    const ongoing = all.find((d) => d.end === 'ongoing' && d.latestUpdateOn === null) as (typeof all)[number]
    expect(ongoing.flags.overdue).toBe(false)
    const early = await t.deps.services.plans.getPlan(
      plan?.id as number,
      new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
    )
    expect(early.themes[0]?.actions[0]?.deliverables[0]?.flags.stale).toBe(true)
  })
})

describe.each(DIALECTS)('people named by plans on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  it('matches a name with accents whatever its case, the same on both databases', async () => {
    const { partners } = t.deps.services
    await partners.createPerson(TEST_ACTOR, { name: 'Émile Zoë' })
    const ids = await t.deps.database.db
      .transaction()
      .execute((trx) => partners.matchPeople(trx, TEST_ACTOR, [{ name: 'ÉMILE ZOË' }, { name: 'émile zoë' }]))
    expect(new Set(ids.values()).size).toBe(1)
    expect((await partners.listPeople()).filter((p) => p.name.toLowerCase() === 'émile zoë')).toHaveLength(1)
  })
})

describe.each(DIALECTS)('the cached plan view on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  it('is used until the plan changes, including changes made by another process', async () => {
    const { planImport, plans } = t.deps.services
    const outcome = await planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    const id = outcome.planId as number
    const first = await plans.getPlan(id)
    expect(await plans.getPlan(id)).toBe(first)
    expect(Object.isFrozen(first.themes[0]?.actions[0]?.deliverables[0])).toBe(true)

    // Another process: its own services over the same database.
    const { createServices } = await import('../../src/deps.ts')
    const other = createServices(t.deps.database, t.deps.config)
    const manager = await other.users.get(t.userIds['partnership-manager'])
    const asManager = {
      id: manager.id,
      email: manager.email,
      name: manager.name,
      role: 'partnership-manager' as const,
      organisationId: manager.organisationId,
      organisationName: 'Test Council',
      personId: null,
    }
    const target = first.themes[0]?.actions[0]?.deliverables[0]?.id as number
    await other.deliverables.addUpdate(
      { userId: manager.id, label: manager.email, ip: null },
      asManager,
      target,
      { updateOn: '2026-11-01', text: 'Agreed', rag: 'red' },
    )

    const after = await plans.getPlan(id)
    expect(after).not.toBe(first)
    expect(after.themes[0]?.actions[0]?.deliverables[0]?.rag).toBe('red')
    expect(after.themes[0]?.actions[0]?.deliverables[0]?.latestUpdateOn).toBe('2026-11-01')
    // A new day works the flags out again.
    expect(await plans.getPlan(id, '2099-01-01')).not.toBe(after)
  })
})
