import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'
import { readZip } from '../helpers/zip.ts'

// The downloads: an indicator's figures (CSV, XLSX) and the London VVRAP quarterly return made
// from seed 003's plan, opened again to check what is in them; and the exception report's plan lines.

const operator = { actor: TEST_ACTOR, user: null }

/** The cell addresses of one sheet whose style is Excel's quote prefix, read from the file itself. */
function quotePrefixed(file: Buffer, sheetNumber: number): Set<string> {
  const parts = readZip(file)
  const xfs =
    parts
      .get('xl/styles.xml')
      ?.toString()
      .match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/)?.[1] ?? ''
  const quoted = new Set(
    [...xfs.matchAll(/<xf [^>]*>/g)].flatMap((m, i) => (m[0].includes('quotePrefix="1"') ? [String(i)] : [])),
  )
  const sheet = parts.get(`xl/worksheets/sheet${sheetNumber}.xml`)?.toString() ?? ''
  return new Set(
    [...sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].flatMap((m) =>
      quoted.has(m[2] as string) ? [m[1] as string] : [],
    ),
  )
}

async function open(content: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(content as unknown as ArrayBuffer)
  return workbook
}

describe('performance downloads and the VVRAP return', () => {
  let t: TestApp
  let viewer: Browser
  let planId: number
  let indicatorId: number

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    planId = (
      await t.deps.services.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    ).planId as number
    indicatorId = await t.deps.services.indicators.define(operator, {
      key: 'feel-safe',
      name: 'Feel safe after dark',
      unit: 'percent',
      polarity: 'up',
      frequency: 'year',
    })
    await t.deps.services.indicators.enterValue(operator, 'feel-safe', {
      period: '2011',
      value: '76',
      note: '=HYPERLINK("x")',
    })
    await t.deps.services.indicators.enterValue(operator, 'feel-safe', { period: '2016', value: '89' })
    viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
  })
  afterAll(() => t.close())

  it('downloads an indicator’s values as CSV, formula text neutralised, in the upload’s own layout', async () => {
    const response = await viewer.get(`/performance/indicators/${indicatorId}/values.csv`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe('attachment; filename="feel-safe.csv"')
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('indicator,period,value,target,numerator,denominator,rag,note,computed,entered by')
    expect(lines[1]).toBe(`feel-safe,2011,76,,,,No target,"'=HYPERLINK(""x"")",no,${TEST_ACTOR.label}`)
    expect(lines).toHaveLength(3)
  })

  it('downloads them as XLSX that opens, with the values as numbers', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/performance/indicators/${indicatorId}/values.xlsx`,
      headers: { cookie: viewer.jar.header() },
    })
    expect(response.statusCode).toBe(200)
    const sheet = (await open(response.rawPayload)).getWorksheet('Values')
    expect(sheet?.getRow(2).getCell(3).value).toBe(76)
    expect(sheet?.getRow(3).getCell(2).value).toBe('2016')
  })

  it('takes its own XLSX download back as an upload, reading the Values sheet rather than the fuller About sheet', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/performance/indicators/${indicatorId}/values.xlsx`,
      headers: { cookie: viewer.jar.header() },
    })
    const back = await t.deps.services.indicatorImport.importValues(operator, {
      fileName: 'feel-safe.xlsx',
      content: response.rawPayload,
      dryRun: true,
    })
    expect(back.errors).toEqual([])
    expect(back.counts).toMatchObject({ rows: 2, indicators: 1, new: 0 })
    expect(back.rows.map((r) => [r.period, r.value])).toEqual([
      ['2011', 76],
      ['2016', 89],
    ])
  })

  it('keeps formula-like text in the XLSX as text, as typed, under the quote-prefix style', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/performance/indicators/${indicatorId}/values.xlsx`,
      headers: { cookie: viewer.jar.header() },
    })
    const file = response.rawPayload
    const sheet = (await open(file)).getWorksheet('Values')
    const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)
    const noteColumn = header.indexOf('note') + 1
    const note = sheet?.getRow(2).getCell(noteColumn)
    expect(note?.type).toBe(ExcelJS.ValueType.String)
    expect(note?.value).toBe('=HYPERLINK("x")')
    // No formula anywhere, and the cell carries the style that keeps it text when someone edits it.
    const formulas: string[] = []
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address)
      }),
    )
    expect(formulas).toEqual([])
    expect(quotePrefixed(file, 1)).toEqual(new Set([note?.address]))
  })

  it('exports the VVRAP quarterly return with a cover sheet and every deliverable of the seed-003 plan', async () => {
    const file = await t.deps.services.performanceReports.vvrapReturn(TEST_ACTOR, planId, {
      quarter: '2019-Q2',
      borough: 'Southwark',
      author: 'Test Author',
      date: '2019-07-10',
    })
    const workbook = await open(file.content)
    const cover = workbook.getWorksheet('Cover')
    const coverValues = Object.fromEntries(
      [3, 4, 5, 6].map((r) => [
        String(cover?.getRow(r).getCell(1).value),
        String(cover?.getRow(r).getCell(2).value),
      ]),
    )
    expect(coverValues).toEqual({
      Borough: 'Southwark',
      Quarter: 'Q2 2019 (Apr to Jun)',
      Date: '2019-07-10',
      Author: 'Test Author',
    })
    const sheet = workbook.getWorksheet('Update')
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Theme',
      'Action number',
      'Action',
      'Lead',
      'Lead organisation',
      'RAG',
      'Progress',
      'Comment',
    ])
    const plan = await t.deps.services.plans.getPlan(planId)
    const deliverables = plan.themes.flatMap((th) =>
      th.actions.flatMap((a) => a.deliverables.map((d) => ({ theme: th.title, action: a, d }))),
    )
    expect(deliverables).toHaveLength(61)
    expect((sheet?.rowCount ?? 0) - 1).toBe(61)
    deliverables.forEach(({ theme, action, d }, i) => {
      const row = sheet?.getRow(i + 2)
      expect([
        row?.getCell(1).value,
        row?.getCell(2).value,
        row?.getCell(3).value,
        row?.getCell(4).value,
        row?.getCell(5).value,
      ]).toEqual([
        theme,
        action.number ?? '',
        action.text,
        d.leads.join(' / '),
        d.leadOrganisations.join(' / '),
      ])
    })
    expect(sheet?.getRow(2).getCell(1).value).toBe('GOVERNANCE')
  })

  it('downloads the return from the page form, and names the problem in a bad quarter', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `/performance/vvrap-return.xlsx?plan=${planId}&quarter=2019-Q2`,
      headers: { cookie: viewer.jar.header() },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['content-disposition']).toBe('attachment; filename="vvrap-update-2019-Q2.xlsx"')
    const bad = await viewer.get(`/performance/vvrap-return.xlsx?plan=${planId}&quarter=2019-Q5`)
    expect(bad.statusCode).toBe(303)
    expect(bad.headers.location).toBe('/performance/exceptions?error=quarter')
  })

  it('lists the plan’s deliverables never updated in the exception report, each saying why', async () => {
    const report = await t.deps.services.performanceReports.exceptions()
    expect(report.deliverables.length).toBeGreaterThan(0)
    for (const d of report.deliverables) expect(d.reasons.length).toBeGreaterThan(0)
    expect(report.deliverables[0]?.reasons).toContain('Never updated: no progress update since it was added')
    const page = await viewer.get('/performance/exceptions')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Never updated: no progress update since it was added')
  })
})
