import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { fixture } from '../helpers/fixtures.ts'
import { partsOf, repeatedPart, writeZip } from '../helpers/zip.ts'

// The long upload: indicator, period, value (and target, numerator, denominator, comparator,
// note). Every bad-input case of the issue names its row and column, and nothing is written
// unless every row is good.

const SHEET = 'xl/worksheets/sheet1.xml'
const ROW =
  '<row><c t="inlineStr"><is><t>knife-crime</t></is></c><c t="inlineStr"><is><t>2025-01</t></is></c></row>'

/** Seed 003's workbook with a sheet that unpacks to 300 MB: a few hundred kilobytes on disk. */
function zipBomb(): Buffer {
  const sheet = repeatedPart(
    SHEET,
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ROW.repeat(Math.ceil((1024 * 1024) / ROW.length)),
    300,
    '</sheetData></worksheet>',
  )
  return writeZip(partsOf(fixture('plans/seed-003.xlsx')).map((p) => (p.name === SHEET ? sheet : p)))
}

const operator = { actor: TEST_ACTOR, user: null }
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`)

describe.each(DIALECTS)('performance value import on %s', (dialect) => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const s = t.deps.services.indicators
    await s.define(operator, {
      key: 'knife-crime',
      name: 'Knife crime',
      unit: 'count',
      polarity: 'down',
      frequency: 'month',
    })
    await s.define(operator, {
      key: 'asb-quarterly',
      name: 'ASB calls',
      unit: 'count',
      polarity: 'down',
      frequency: 'quarter',
    })
    await s.define(operator, {
      key: 'feel-safe',
      name: 'Feel safe after dark',
      unit: 'percent',
      polarity: 'up',
      frequency: 'financial-year',
    })
  })
  afterAll(() => t.close())

  const importCsv = (lines: string[], dryRun = false) =>
    t.deps.services.indicatorImport.importValues(operator, {
      fileName: 'values.csv',
      content: csv(lines),
      dryRun,
    })

  it('names the row and column of every bad value, and writes nothing', async () => {
    const outcome = await importCsv([
      'indicator,period,value,numerator,denominator,note',
      'knife-crime,2025-01,41,,,',
      'no-such-thing,2025-01,3,,,',
      'knife-crime,2025-13,3,,,',
      'asb-quarterly,2025-Q5,3,,,',
      'knife-crime,2025-02,forty,,,',
      'feel-safe,2025-26,101,,,',
      'feel-safe,2024-25,89,0,0,',
      'knife-crime,2025-01,42,,,',
    ])
    expect(outcome.written).toBe(false)
    expect(outcome.errors).toEqual([
      { row: 3, column: 'indicator', message: 'Unknown indicator "no-such-thing"' },
      { row: 4, column: 'period', message: '"2025-13" is not a month, written like 2025-01' },
      { row: 5, column: 'period', message: '"2025-Q5" is not a calendar quarter, written like 2025-Q1' },
      { row: 6, column: 'value', message: '"forty" is not a number' },
      { row: 7, column: 'value', message: '101 is not a percentage: it must be between 0 and 100' },
      { row: 8, column: 'denominator', message: 'The denominator cannot be 0' },
      { row: 9, column: 'period', message: 'A second row for knife-crime in 2025-01 (the first is row 2)' },
    ])
    expect(await countRows(t, 'indicator_values')).toBe(0)
  })

  it('previews without writing, then writes every row at once, and marks corrections on the next upload', async () => {
    const lines = [
      'Indicator,Period,Value,Target,Comparator,Note',
      'knife-crime,2025-01,41,40,38,',
      'knife-crime,2025-02,37,40,,quiet month',
      'feel-safe,2024-25,89%,90,,',
    ]
    const preview = await importCsv(lines, true)
    expect(preview).toMatchObject({
      written: false,
      dryRun: true,
      errors: [],
      counts: { rows: 3, indicators: 2, new: 3 },
    })
    expect(await countRows(t, 'indicator_values')).toBe(0)
    expect((await importCsv(lines)).written).toBe(true)
    expect(await countRows(t, 'indicator_values')).toBe(3)
    const knife = await t.deps.services.indicators.get('knife-crime')
    expect(knife.status).toMatchObject({
      period: '2025-02',
      value: 37,
      target: 40,
      rag: 'green',
      previous: 41,
      direction: 'improving',
    })
    expect(knife.series.points[0]?.comparators).toEqual({ Comparator: 38 })

    const again = await importCsv([
      'indicator,period,value',
      'knife-crime,2025-01,43',
      'knife-crime,2025-02,37',
    ])
    // 2025-02 keeps its value but loses its note: that too is a change, kept in the history.
    expect(again.counts).toMatchObject({ corrections: 2, unchanged: 0 })
    expect(again.rows.map((r) => r.change)).toEqual(['correction', 'correction'])
    const history = await t.deps.services.indicators.corrections('knife-crime')
    expect(history.map((h) => [h.period, h.oldValue, h.newValue, h.reason])).toContainEqual([
      '2025-01',
      41,
      43,
      'Corrected by the upload of values.csv',
    ])
  })

  it('reads the same layout from a workbook, and refuses a zip bomb naming the file', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Values')
    sheet.addRow(['indicator', 'period', 'value'])
    sheet.addRow(['knife-crime', '2025-03', 30])
    const content = Buffer.from(await workbook.xlsx.writeBuffer())
    const read = await t.deps.services.indicatorImport.importValues(operator, {
      fileName: 'values.xlsx',
      content,
      dryRun: true,
    })
    expect(read.errors).toEqual([])
    expect(read.rows).toMatchObject([{ row: 2, indicator: 'knife-crime', period: '2025-03', value: 30 }])

    const bomb = await t.deps.services.indicatorImport.importValues(operator, {
      fileName: 'bomb.xlsx',
      content: zipBomb(),
    })
    expect(bomb.written).toBe(false)
    expect(bomb.errors[0]?.message).toMatch(/^bomb\.xlsx unpacks to 300\.\d MB/)
  })

  it('refuses a file without the required columns', async () => {
    const outcome = await importCsv(['indicator,value', 'knife-crime,3'])
    expect(outcome.errors).toEqual([
      {
        row: 1,
        column: null,
        message: 'The first row must name the columns indicator, period and value (missing: period)',
      },
    ])
  })
})
