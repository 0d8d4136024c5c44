import { describe, expect, it } from 'vitest'
import { exportPlanCsv } from './csv.ts'
import { everyValue } from './every-value.fixture.ts'
import { content, importExported } from './test-support.ts'
import { exportPlanXlsx } from './xlsx.ts'

describe('every RAG status and kind of date', () => {
  it('comes back from xlsx as exported', async () => {
    const again = await importExported(await exportPlanXlsx(everyValue), 'every-value.xlsx')
    expect(again.errors).toEqual([])
    expect(content(again)).toEqual(content(everyValue))
  })

  it('comes back from CSV as exported', async () => {
    const again = await importExported(exportPlanCsv(everyValue), 'every-value.csv')
    expect(again.errors).toEqual([])
    expect(content(again)).toEqual(content(everyValue))
  })
})
