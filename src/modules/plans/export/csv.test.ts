import { describe, expect, it } from 'vitest'
import { exportPlanCsv } from './csv.ts'
import { everyValue } from './every-value.fixture.ts'

describe('the CSV export', () => {
  it('writes dates as partnerships do and RAG as letters', () => {
    const lines = exportPlanCsv(everyValue).split('\r\n')
    const row = (outcome: string) => lines.find((l) => l.includes(`,${outcome},`)) ?? ''
    expect(row('Outcome 1')).toContain(',Dec-18,31/03/2019,')
    expect(row('Outcome 2')).toContain(',05/01/2019,Ongoing,')
    expect(row('Outcome 3')).toContain(',TBC,TBC,')
    expect(row('Outcome 4')).toContain(',,Mar-20,')
    expect(row('Outcome 5')).toContain(',Oct-18,,')
    expect(row('Outcome 1').endsWith(',B')).toBe(true)
    expect(row('Outcome 5').endsWith(',NS')).toBe(true)
    expect(row('Outcome 6').endsWith(',')).toBe(true)
  })

  it('writes CSV with a byte-order mark, CRLF and RFC 4180 quoting', () => {
    const csv = exportPlanCsv(everyValue)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(csv).toContain(',"A comment, with ""quotes""",')
    expect(csv).toContain('\r\n<b>Engagement and Consultation</b> CSP partners and communities,')
  })
})
