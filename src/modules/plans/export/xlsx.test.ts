import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { inflateEntry, readDirectory } from '../../../shared/zip.ts'
import { RAG_LETTERS } from '../rag.ts'
import { PLAN_HEADERS } from './columns.ts'
import { everyValue } from './every-value.fixture.ts'
import { exportPlanXlsx } from './xlsx.ts'

const workbook = new ExcelJS.Workbook()
await workbook.xlsx.load((await exportPlanXlsx(everyValue)) as unknown as ArrayBuffer)
const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
const rows = sheet.getSheetValues()
const rowOf = (firstCell: string) => sheet.getColumn(1).values.indexOf(firstCell)
const outcomeRows =
  everyValue.themes[0]?.actions[0]?.deliverables.map((d, i) => ({
    d,
    row: sheet.getColumn(5).values.indexOf(`Outcome ${i + 1}`),
  })) ?? []

describe('the xlsx export', () => {
  it('has the title, the leadership table and a header per theme', () => {
    expect(sheet.getCell('A1').value).toBe(everyValue.title)
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      undefined,
      'Name',
      'Organisation',
      'Role',
      'Strategic Aims',
    ])
    expect(sheet.getCell('B4').value).toBe('Professor Kevin Fenton (KF)')
    expect(sheet.getCell('B5').value).toBe('Eleanor Kelly')
    expect(sheet.getCell('E6').value).toBe('Bring Offenders to Justice')
    expect(rows.filter((r) => Array.isArray(r) && r[1] === 'Ref')).toHaveLength(everyValue.themes.length)
  })

  it('writes each RAG letter and fills the cell with its GOV.UK colour', () => {
    const expected = {
      blue: ['FF1D70B8', 'FFFFFFFF'],
      green: ['FF00703C', 'FFFFFFFF'],
      amber: ['FFFFDD00', 'FF0B0C0C'],
      red: ['FFD4351C', 'FFFFFFFF'],
    }
    expect(outcomeRows.every(({ row }) => row > 0)).toBe(true)
    for (const { d, row } of outcomeRows) {
      const cell = sheet.getCell(row, PLAN_HEADERS.length)
      expect(cell.value ?? '').toBe(RAG_LETTERS[d.rag])
      const colours = expected[d.rag as keyof typeof expected]
      if (colours) {
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: colours[0] } })
        expect(cell.font?.color?.argb).toBe(colours[1])
      } else {
        expect(cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid').toBe(false)
      }
    }
  })

  it('freezes the first plan header and filters the plan columns from it', () => {
    const header = rowOf('Ref')
    expect(header).toBeGreaterThan(0)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header })
    // Read back, exceljs gives the filter as its A1 range.
    expect(sheet.autoFilter).toBe(`A${header}:N${sheet.rowCount}`)
    expect(sheet.getRow(header).getCell(1).font?.bold).toBe(true)
    expect(sheet.getRow(3).getCell(2).font?.bold).toBe(true)
  })

  it('keeps dates as text, so "Dec-18" stays a month', () => {
    const [first] = outcomeRows
    const start = sheet.getCell(first?.row ?? 0, PLAN_HEADERS.indexOf('Start date') + 1)
    expect(start.type).toBe(ExcelJS.ValueType.String)
    expect(start.value).toBe('Dec-18')
  })

  it('sets column widths and wraps text', () => {
    for (let c = 1; c <= PLAN_HEADERS.length; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(10)
    const [first] = outcomeRows
    expect(sheet.getCell(first?.row ?? 0, 4).alignment?.wrapText).toBe(true)
  })

  it('puts the theme title in bold, with the plain text the importer reads', () => {
    const cell = sheet.getCell(rowOf('Ref') + 1, 1)
    expect(cell.text).toBe('GOVERNANCE *locally added actions')
    expect(cell.value).toMatchObject({
      richText: [{ text: 'GOVERNANCE', font: { bold: true } }, { text: ' *locally added actions' }],
    })
  })
})

// Read from the file's own XML, as LibreOffice and Excel read it, not from the library that wrote it.
const file = await exportPlanXlsx(everyValue)

describe('the xlsx export on paper', () => {
  const part = (name: string) => {
    const entry = readDirectory(file).find((e) => e.name === name)
    if (!entry) throw new Error(`${name} is not in the workbook`)
    return inflateEntry(file, entry, 10_000_000).toString('utf8')
  }
  const sheetXml = part('xl/worksheets/sheet1.xml')

  it('prints landscape, fitted to one page wide and as many long as it takes', () => {
    expect(sheetXml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/)
    const setup = sheetXml.match(/<pageSetup [^>]*>/)?.[0] ?? ''
    expect(setup).toContain('orientation="landscape"')
    expect(setup).toContain('fitToWidth="1"')
    expect(setup).toContain('fitToHeight="0"')
  })

  it('repeats the plan header row at the top of every page', () => {
    const header = sheet.getColumn(1).values.indexOf('Ref')
    expect(header).toBeGreaterThan(0)
    expect(part('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Action plan&apos;!$${header}:$${header}</definedName>`,
    )
  })
})
