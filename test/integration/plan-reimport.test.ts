import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../src/access/current-user.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { uploadPlan } from '../helpers/multipart.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// The meeting round trip: export the plan, edit the spreadsheet, import it back with Replace.
// Every row the file still has keeps its id and its progress updates; what is new is added and
// what is gone is archived, and the preview said so before anything was written.

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')

const OUTCOME = 5
const COMMENT = 12

async function workbookOf(content: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(content as unknown as ArrayBuffer)
  return { workbook, sheet: workbook.worksheets[0] as ExcelJS.Worksheet }
}

const text = (cell: ExcelJS.Cell) => {
  const v = cell.value
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  return v == null ? '' : String(v)
}

function rowWithOutcome(sheet: ExcelJS.Worksheet, outcome: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (text(sheet.getRow(r).getCell(OUTCOME)) === outcome) return r
  throw new Error(`No row has the outcome ${outcome.slice(0, 40)}`)
}

describe.each(DIALECTS)('importing an exported plan again on %s', (dialect) => {
  let t: TestApp
  let planId: number
  let manager: CurrentUser

  const liveDeliverables = async () => {
    const view = await t.deps.services.plans.getPlan(planId)
    return view.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
  }
  const updates = () =>
    t.deps.database.db
      .selectFrom('deliverable_updates')
      .select(['id', 'deliverable_id', 'text'])
      .orderBy('id')
      .execute()

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    planId = (
      await t.deps.services.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    ).planId as number
    const user = await t.deps.services.users.get(t.userIds['partnership-manager'])
    manager = { ...user, organisationName: 'Test Council', personId: null }
  })
  afterAll(() => t.close())

  it('keeps every id and every progress update through export, edit and import with Replace', async () => {
    const before = await liveDeliverables()
    const actor = { userId: manager.id, label: manager.email, ip: null }
    // Progress on the deliverables the spreadsheet will keep, change and lose.
    const [kept, changed, reworded] = [before[0], before[3], before[7]]
    // A deliverable that is not its action's first, so its row goes without taking the action with it.
    const view = await t.deps.services.plans.getPlan(planId)
    const lost = view.themes
      .flatMap((th) => th.actions.flatMap((a) => a.deliverables.slice(1)))
      .find((d) => d.id > (reworded?.id ?? 0)) as (typeof before)[number]
    expect(lost).toBeDefined()
    for (const d of [kept, changed, reworded, lost]) {
      await t.deps.services.deliverables.addUpdate(actor, manager, d?.id as number, {
        updateOn: '2026-01-05',
        text: `Work started on ${d?.id}`,
        rag: 'amber',
      })
      await t.deps.services.deliverables.addUpdate(actor, manager, d?.id as number, {
        updateOn: '2026-02-10',
        text: `Panel met; ${d?.id} on track`,
        rag: 'green',
      })
    }
    const updatesBefore = await updates()
    expect(updatesBefore).toHaveLength(8)

    const exported = await t.deps.services.plans.exportPlan(TEST_ACTOR, planId, 'xlsx')
    const { workbook, sheet } = await workbookOf(exported.content)
    // The Progress column carries the latest update.
    const keptRow = sheet.getRow(rowWithOutcome(sheet, kept?.outcome as string))
    expect(text(keptRow.getCell(11))).toContain(
      `Latest progress update, 10 February 2026: Panel met; ${kept?.id} on track`,
    )

    // Edit: change a field, reword an outcome, add a row, delete a row.
    sheet.getRow(rowWithOutcome(sheet, changed?.outcome as string)).getCell(COMMENT).value =
      'Moved to the spring meeting'
    const rewordedText = `${reworded?.outcome} Reviewed quarterly.`
    sheet.getRow(rowWithOutcome(sheet, reworded?.outcome as string)).getCell(OUTCOME).value = rewordedText
    const keptAt = rowWithOutcome(sheet, kept?.outcome as string)
    sheet.spliceRows(keptAt + 1, 0, [
      '',
      '',
      '',
      '',
      'A new outcome added at the meeting',
      'Caroline Thwaites',
      'LBS',
      'Jan-26',
      'Mar-26',
      '',
      '',
      '',
      '',
      'G',
    ])
    sheet.spliceRows(rowWithOutcome(sheet, lost.outcome), 1)
    const edited = Buffer.from(await workbook.xlsx.writeBuffer())
    const file = {
      fileName: 'plan-after-meeting.xlsx',
      content: edited,
      title: (await t.deps.services.plans.getPlan(planId)).title,
    }

    // The preview: nothing written, every difference named.
    const version = (await t.deps.services.plans.getPlan(planId)).version
    const preview = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      ...file,
      dryRun: true,
      replace: true,
    })
    expect(preview.planId).toBeNull()
    expect((await t.deps.services.plans.getPlan(planId)).version).toBe(version)
    const changes = preview.changes
    if (!changes) throw new Error('a dry run over a stored plan says what would change')
    expect(changes.added.map((e) => [e.level, e.name])).toEqual([
      ['deliverable', 'A new outcome added at the meeting'],
    ])
    expect(changes.archived.map((e) => [e.level, e.id])).toEqual([['deliverable', lost.id]])
    expect(changes.changed.map((e) => [e.id, e.changes])).toEqual([
      [changed?.id, [{ field: 'Comment', before: changed?.comment, after: 'Moved to the spring meeting' }]],
      [reworded?.id, [{ field: 'Outcome', before: reworded?.outcome, after: rewordedText }]],
    ])

    // The import itself.
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, { ...file, replace: true })
    expect(outcome.planId).toBe(planId)
    expect(outcome.replaced).toBe(true)
    const after = await liveDeliverables()
    const afterIds = new Set(after.map((d) => d.id))
    for (const d of before) expect(afterIds.has(d.id)).toBe(d.id !== lost.id)
    expect(after).toHaveLength(before.length)
    expect(after.find((d) => d.id === changed?.id)?.comment).toBe('Moved to the spring meeting')
    expect(after.find((d) => d.id === reworded?.id)?.outcome).toBe(rewordedText)
    expect(after.find((d) => d.id === kept?.id)?.progress).toBe(kept?.progress)
    expect(after.filter((d) => !before.some((b) => b.id === d.id)).map((d) => d.outcome)).toEqual([
      'A new outcome added at the meeting',
    ])
    // Not one progress update lost or moved.
    expect(await updates()).toEqual(updatesBefore)
    expect((await t.deps.services.deliverables.get(kept?.id as number)).updates).toHaveLength(2)

    const archived = await t.deps.database.db
      .selectFrom('deliverables')
      .selectAll()
      .where('id', '=', lost.id)
      .executeTakeFirstOrThrow()
    expect(archived.archived_reason).toMatch(/^Not in the spreadsheet imported on \d{4}-\d{2}-\d{2}$/)
    expect(archived.archived_by).toBe(TEST_ACTOR.label)
    const log = await t.deps.services.audit.search({ action: 'plan.replace' }, 1)
    expect(log.rows[0]?.entity_id).toBe(String(planId))

    // The original export brought back: the archived deliverable returns with its id and updates.
    const again = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'plan.xlsx',
      content: exported.content,
      title: file.title,
      dryRun: true,
      replace: true,
    })
    expect(again.changes?.changed.filter((e) => e.restored).map((e) => e.id)).toEqual([lost.id])
    await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'plan.xlsx',
      content: exported.content,
      title: file.title,
      replace: true,
    })
    const restored = await liveDeliverables()
    // The row added at the meeting is not in the original file, so it is the one archived now.
    const byId = (a: number, b: number) => a - b
    expect(restored.map((d) => d.id).sort(byId)).toEqual(before.map((d) => d.id).sort(byId))
    expect((await t.deps.services.deliverables.get(lost.id)).updates).toHaveLength(2)
  })

  it('imports its own unedited export as no change at all, progress updates included', async () => {
    const exported = await t.deps.services.plans.exportPlan(TEST_ACTOR, planId, 'xlsx')
    const title = (await t.deps.services.plans.getPlan(planId)).title
    for (const [fileName, content] of [
      ['plan.xlsx', exported.content],
      ['plan.csv', (await t.deps.services.plans.exportPlan(TEST_ACTOR, planId, 'csv')).content],
    ] as const) {
      const preview = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
        fileName,
        content,
        title,
        dryRun: true,
        replace: true,
      })
      expect(preview.changes).toMatchObject({ added: [], changed: [], archived: [] })
    }
  })

  it('shows an administrator the changes and the merges before anything is written, then updates the plan', async () => {
    const admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
    const before = await liveDeliverables()
    const exported = await t.deps.services.plans.exportPlan(TEST_ACTOR, planId, 'xlsx')
    const { workbook, sheet } = await workbookOf(exported.content)
    const target = before[5] as (typeof before)[number]
    sheet.getRow(rowWithOutcome(sheet, target.outcome)).getCell(COMMENT).value = 'Changed on the way round'
    const content = Buffer.from(await workbook.xlsx.writeBuffer())

    await admin.get('/plans/import')
    const preview = await uploadPlan(
      t.app,
      admin,
      { _csrf: admin.csrfToken, replace: 'yes' },
      { name: 'plan.xlsx', content },
    )
    expect(preview.statusCode).toBe(200)
    const page = words(preview.body)
    expect(page).toContain('What replacing the plan changes')
    expect(page).toMatch(/0 added 1 changed 0 archived \d+ unchanged/)
    expect(page).toContain(`Comment Was: ${target.comment || '(blank)'} Now: Changed on the way round`)
    expect(preview.body).toContain(`href="/deliverables/${target.id}"`)
    // The people are records by now, so the preview offers their merge.
    const gordon = (await t.deps.services.partners.listPeople()).find(
      (p) => p.name === 'Gordon McCullough',
    )?.id
    const gordan = (await t.deps.services.partners.listPeople()).find(
      (p) => p.name === 'Gordan McCullough',
    )?.id
    expect(preview.body).toContain(`href="/admin/people/${gordan}/merge?into=${gordon}"`)
    expect((await t.deps.services.deliverables.get(target.id)).comment).toBe(target.comment)

    const token = preview.body.match(/name="token" value="([^"]+)"/)?.[1] as string
    const confirmed = await admin.post('/plans/import/confirm', { token, replace: 'yes' })
    expect(confirmed.statusCode).toBe(303)
    expect(decodeURIComponent(confirmed.headers.location as string)).toContain(
      'Plan replaced: 0 added, 1 changed, 0 archived; every progress update kept',
    )
    expect((await t.deps.services.deliverables.get(target.id)).comment).toBe('Changed on the way round')
  })

  it('counts never updated apart from no recent update, on the summary, the filter and the API', async () => {
    const all = await liveDeliverables()
    const never = all.filter((d) => d.latestUpdateOn === null && d.rag !== 'blue')
    expect(never.length).toBeGreaterThan(0)
    expect(never.length).toBeLessThan(all.length)
    expect(all.filter((d) => d.flags.neverUpdated).map((d) => d.id)).toEqual(never.map((d) => d.id))
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const summary = words((await viewer.get(`/plans/${planId}/summary`)).body)
    expect(summary).toContain(`with no recent update, ${never.length} never updated,`)
    const filtered = (await viewer.get(`/plans/${planId}?neverUpdated=yes`)).body
    const links = new Set(filtered.match(/href="\/deliverables\/\d+"/g))
    expect(links.size).toBe(never.length)
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/summary`,
      headers: { cookie: viewer.jar.header() },
    })
    expect(api.json().total.flags.neverUpdated).toBe(never.length)
  })
})
