import { describe, expect, it } from 'vitest'
import { exportPlanCsv } from './csv.ts'
import { asTree, content, importExported, parseFile, SEED_003 } from './test-support.ts'
import { exportPlanXlsx } from './xlsx.ts'

const original = await parseFile(SEED_003)

describe('seed 003 exported and imported again', () => {
  it('reads the seed as a real plan first', () => {
    expect(original.errors).toEqual([])
    expect(original.themes).toHaveLength(8)
    expect(original.leadership).toHaveLength(14)
    expect(original.strategicAims).toHaveLength(4)
    expect(original.themes[0]?.notes).toHaveLength(1)
  })

  it('gives the same plan back from xlsx', async () => {
    const again = await importExported(await exportPlanXlsx(asTree(original)), 'plan.xlsx')
    expect(again.errors).toEqual([])
    expect(content(again)).toEqual(content(original))
  })

  it('gives the same plan back from CSV', async () => {
    const again = await importExported(exportPlanCsv(asTree(original)), 'plan.csv')
    expect(again.errors).toEqual([])
    expect(content(again)).toEqual(content(original))
  })

  it('reads its own export without re-aligning any row', async () => {
    // Shifted-cell warnings on the way back would mean the export's layout is off.
    const again = await importExported(await exportPlanXlsx(asTree(original)), 'plan.xlsx')
    expect(again.warnings.filter((w) => /re-aligned|ignored|Untitled/.test(w.message))).toEqual([])
  })
})
