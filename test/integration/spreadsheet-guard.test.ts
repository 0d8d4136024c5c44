import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OFF_THREAD_BYTES } from '../../src/shared/spreadsheet/reader.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { fixture } from '../helpers/fixtures.ts'
import { uploadPlan } from '../helpers/multipart.ts'
import { Browser } from '../helpers/session.ts'
import { type Part, partsOf, repeatedPart, writeZip } from '../helpers/zip.ts'

// Workbooks made to hurt the server, built here byte by byte: each is a few hundred kilobytes on
// disk. The guard must refuse them before the spreadsheet library sees them, naming the file.

const SEED_XLSX = fixture('plans/seed-003.xlsx')
const SHEET = 'xl/worksheets/sheet1.xml'
const ROW =
  '<row><c t="inlineStr"><is><t>Knife crime action</t></is></c><c t="inlineStr"><is><t>Outcome</t></is></c></row>'

/** Seed 003's workbook with its sheet swapped for `sheet`. */
function withSheet(sheet: Part): Buffer {
  return writeZip(partsOf(SEED_XLSX).map((p) => (p.name === SHEET ? sheet : p)))
}

const MEGABYTE_OF_ROWS = ROW.repeat(Math.ceil((1024 * 1024) / ROW.length))

/** A sheet of about `megabytes` MB of rows. */
const bombSheet = (megabytes: number) =>
  repeatedPart(
    SHEET,
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    MEGABYTE_OF_ROWS,
    megabytes,
    '</sheetData></worksheet>',
  )

describe('the spreadsheet guard on plan imports', () => {
  let t: TestApp
  let manager: Browser
  const written = async () => ({
    plans: await countRows(t, 'plans'),
    people: await countRows(t, 'people'),
    audit: await countRows(t, 'audit_log'),
  })

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
  })
  afterAll(() => t.close())

  it('refuses a 300 MB sheet packed into a small file, through the upload page, naming it and writing nothing', async () => {
    const bomb = withSheet(bombSheet(300))
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const before = await written()
    await manager.get('/plans/import')
    const response = await uploadPlan(
      t.app,
      manager,
      { _csrf: manager.csrfToken },
      { name: 'bomb.xlsx', content: bomb },
    )
    expect(response.statusCode).toBe(400)
    expect(response.body).toMatch(
      /bomb\.xlsx unpacks to 300\.\d MB; Safer reads workbooks of up to 100\.0 MB unpacked/,
    )
    expect(await written()).toEqual(before)
  })

  it('refuses the same bomb in the import service, which the API and the command line call', async () => {
    const bomb = withSheet(bombSheet(300))
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'plan.xlsx',
      content: bomb,
    })
    expect(outcome.planId).toBeNull()
    expect(outcome.summary.errors[0]?.message).toMatch(/^plan\.xlsx unpacks to 300\.\d MB/)
  })

  it('refuses a workbook far more compressed than any real one, though under the size limit', async () => {
    const before = await written()
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'ratio.xlsx',
      content: withSheet(bombSheet(20)),
    })
    expect(outcome.planId).toBeNull()
    expect(outcome.summary.errors[0]?.message).toMatch(
      /^ratio\.xlsx unpacks to \d+ times its own size; no ordinary workbook is over 100 times/,
    )
    expect(await written()).toEqual(before)
  })

  it('stops a part that unpacks to more than the directory declares', async () => {
    // The directory says the sheet is 4 KB; it is 50 MB. Believed, it would pass every check above.
    const liar = { ...bombSheet(50), declaredSize: 4096 }
    const before = await written()
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'liar.xlsx',
      content: withSheet(liar),
    })
    expect(outcome.planId).toBeNull()
    expect(outcome.summary.errors[0]?.message).toMatch(
      /^liar\.xlsx is damaged or made to harm: its part xl\/worksheets\/sheet1\.xml unpacks to more than the file says/,
    )
    expect(await written()).toEqual(before)
  })

  it('names the file when its ZIP directory is damaged', async () => {
    const cut = SEED_XLSX.subarray(0, SEED_XLSX.length - 30)
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'cut.xlsx',
      content: cut,
    })
    expect(outcome.summary.errors[0]?.message).toMatch(/^cut\.xlsx could not be read as an Excel workbook/)
  })

  it('still imports an ordinary workbook: seed 003 as .xlsx', async () => {
    const outcome = await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'seed-003.xlsx',
      content: SEED_XLSX,
    })
    expect(outcome.summary.errors).toEqual([])
    expect(outcome.planId).not.toBeNull()
    expect(outcome.summary.counts).toMatchObject({ themes: 8, actions: 56, deliverables: 61 })
  })

  it('keeps answering other requests while a large, legal workbook is read', async () => {
    // Seed 003's plan, and a second sheet of notes: fewer rows than the plan, but wide enough to
    // be read on a worker thread.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(SEED_XLSX as unknown as ArrayBuffer)
    const notes = workbook.addWorksheet('Notes')
    for (let r = 1; r <= 30; r++)
      notes.addRow(Array.from({ length: 1200 }, () => randomBytes(6).toString('hex')))
    const large = Buffer.from(await workbook.xlsx.writeBuffer())
    const unpacked = partsOf(large).reduce((sum, p) => sum + p.size, 0)
    expect(unpacked).toBeGreaterThan(OFF_THREAD_BYTES)

    let reading = true
    const read = t.deps.services.planImport
      .importPlan(TEST_ACTOR, { fileName: 'large.xlsx', content: large, dryRun: true })
      .finally(() => {
        reading = false
      })
    // Health checks one after another for as long as the workbook is being read. Each waits for
    // the next turn of the event loop, as a request arriving over the network would.
    let answered = 0
    while (reading) {
      await new Promise((resolve) => setImmediate(resolve))
      const health = await t.app.inject({ url: '/health' })
      expect(health.statusCode).toBe(200)
      if (reading) answered++
    }
    const outcome = await read
    expect(outcome.summary.errors).toEqual([])
    expect(outcome.summary.counts.deliverables).toBe(61)
    // Read on this thread, the workbook leaves room for a health check only between the
    // library's chunks: about 70 for this file, however idle the machine. Off the thread, the
    // checks run alongside the whole read (thousands on an idle machine).
    expect(answered).toBeGreaterThan(300)
  })
})
