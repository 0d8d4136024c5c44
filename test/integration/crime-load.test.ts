import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadJobView } from '../../src/modules/crime/load/load.view.ts'
import type { LoadJob } from '../../src/modules/crime/load/load-jobs.service.ts'
import { createViews } from '../../src/web/nunjucks.ts'
import { buildTestApp, countRows, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { FIXTURES } from '../helpers/fixtures.ts'
import { Browser } from '../helpers/session.ts'
import { part, repeatedPart, writeZip } from '../helpers/zip.ts'

// Loading crime files in the browser: the upload, the police.uk archive and its guard, the load's
// page (progress, then the ingest report), who may do it and the audit of who did.

const CITY = readFileSync(join(FIXTURES, 'crime/2024-01-city-of-london-street.csv'))
const RECORDED = readFileSync(
  join(FIXTURES, 'crime/mps_recorded_crime_lsoa_southwark_2024-02_to_2026-02.csv'),
)
const BTP = readFileSync(join(FIXTURES, '../../demo-data/police-uk/btp/2024-01-btp-street.csv'))
const HEADER = CITY.toString('utf8').split('\n')[0] ?? ''

/** The form as a browser sends it with several files chosen. */
async function upload(
  t: TestApp,
  browser: Browser,
  fields: Record<string, string>,
  files: Array<{ name: string; content: Buffer }>,
) {
  const form = new FormData()
  form.append('_csrf', browser.csrfToken)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.content)]), f.name)
  const encoded = new Response(form)
  const response = await t.app.inject({
    method: 'POST',
    url: '/crime/load',
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { cookie: browser.jar.header(), 'content-type': encoded.headers.get('content-type') ?? '' },
  })
  browser.jar.take(response)
  return response
}

describe.each(DIALECTS)('loading crime data in the browser on %s', (dialect) => {
  let t: TestApp
  let analyst: Browser
  const crime = () => t.deps.services.crime

  /** The load the upload started, once it has finished, and its page. */
  async function finishedLoad(response: { statusCode: number; headers: Record<string, unknown> }) {
    expect(response.statusCode).toBe(303)
    const location = String(response.headers.location)
    expect(location).toMatch(/^\/crime\/loads\/\d+$/)
    const job = await crime().loads.finished(Number(location.split('/').at(-1)))
    const page = await analyst.get(location)
    return { job, page }
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
  }, 120_000)
  afterAll(() => t?.close())

  it('lets analysts and administrators load data, and no one else', async () => {
    for (const role of ['analyst', 'admin']) {
      const browser = new Browser(t.app)
      await browser.signIn(`${role}@test.example`)
      expect((await browser.get('/crime/load')).statusCode, role).toBe(200)
      expect((await browser.get('/crime/data')).body, role).toContain('href="/crime/load"')
    }
    for (const role of ['viewer', 'partnership-manager', 'board-member']) {
      const browser = new Browser(t.app)
      await browser.signIn(`${role}@test.example`)
      expect((await browser.get('/crime/load')).statusCode, role).toBe(403)
      expect((await browser.get('/crime/data')).body, role).not.toContain('href="/crime/load"')
      expect((await upload(t, browser, {}, [{ name: 'a.csv', content: CITY }])).statusCode, role).toBe(403)
    }
  })

  it('loads police.uk and Met files and shows the same report as the command line', async () => {
    await analyst.get('/crime/load')
    const audited = await countRows(t, 'audit_log')
    const { job, page } = await finishedLoad(
      await upload(t, analyst, {}, [
        { name: '2024-01-city-of-london-street.csv', content: CITY },
        { name: 'mps_recorded_crime_lsoa_southwark_2024-02_to_2026-02.csv', content: RECORDED },
      ]),
    )
    expect(job?.status).toBe('done')
    expect(job?.report?.files.map((f) => [f.kind, f.rows])).toEqual([
      ['street', 120],
      ['recorded-lsoa', RECORDED.toString('utf8').trim().split('\n').length - 1],
    ])
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Crime data loaded')
    expect(page.body).toContain('Loaded 2 files:')
    expect(page.body).toContain('2024-01-city-of-london-street.csv')
    // Finished: the page no longer refreshes itself.
    expect(page.body).not.toContain('http-equiv="refresh"')
    // The same figures the CLI and API count.
    const counted = await crime().analysis.counts({
      source: 'police-uk',
      area: 'City of London Police',
      areaType: 'force',
      from: '2024-01',
      to: '2024-01',
    })
    expect(counted.total).toBe(120)
    // Who loaded what: the upload, and each file's ingest.
    const entries = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'detail'])
      .orderBy('id')
      .offset(audited)
      .limit(100)
      .execute()
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['crime.load', 'crime.ingest']))
    expect(entries.find((e) => e.action === 'crime.load')?.actor).toBe('analyst@test.example')
    expect(entries.filter((e) => e.action === 'crime.ingest')).toHaveLength(2)
    // The history names the analyst as the one who loaded the files.
    expect((await crime().listIngests(2)).map((h) => h.actor)).toEqual([
      'analyst@test.example',
      'analyst@test.example',
    ])
  })

  it('keeps only the forces asked for from a police.uk archive, defaulting to those loaded', async () => {
    const form = await analyst.get('/crime/load')
    expect(form.body).toContain('City of London Police')
    const archive = writeZip([
      part('2024-01/2024-01-city-of-london-street.csv', CITY),
      part('2024-01/2024-01-btp-street.csv', BTP),
    ])
    const { job, page } = await finishedLoad(
      await upload(t, analyst, { forces: 'City of London Police' }, [
        { name: '2024-01.zip', content: archive },
      ]),
    )
    expect(job?.status).toBe('done')
    expect(job?.report?.files.map((f) => f.file)).toEqual(['2024-01-city-of-london-street.csv'])
    expect(page.body).toContain('Months replaced by a newer copy')
    expect((await crime().coverage()).map((c) => c.area)).not.toContain('British Transport Police')
  })

  it('refuses a zip bomb before unpacking it, and one whose directory lies while unpacking', async () => {
    await analyst.get('/crime/load')
    // 128 MB of empty rows from a few hundred kilobytes.
    const rows = `${HEADER.replace(/[^,]/g, '')}\n`.repeat(5000)
    const bomb = writeZip([
      repeatedPart('2024-01/2024-01-city-of-london-street.csv', `${HEADER}\n`, rows, 2000, ''),
    ])
    const refused = await upload(t, analyst, { forces: 'city-of-london' }, [
      { name: 'bomb.zip', content: bomb },
    ])
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toMatch(/bomb\.zip unpacks to \d+ times its own size/)

    const liar = { ...part('2024-01/2024-01-city-of-london-street.csv', CITY), declaredSize: 1000 }
    const { job, page } = await finishedLoad(
      await upload(t, analyst, { forces: 'City of London Police' }, [
        { name: 'liar.zip', content: writeZip([liar]) },
      ]),
    )
    expect(job?.status).toBe('failed')
    expect(page.body).toContain('unpacks to more than the file says it does')
  })

  it('lists the unreadable lines of a file with the file and line, and refuses other files', async () => {
    await analyst.get('/crime/load')
    const bad = Buffer.from(`${HEADER}\nx,2024-01,a,a,east,51,b,,,Drugs,,\n`)
    const { job, page } = await finishedLoad(
      await upload(t, analyst, {}, [{ name: '2024-01-bad-street.csv', content: bad }]),
    )
    expect(job?.report?.failed).toHaveLength(1)
    expect(page.body).toContain('Lines that could not be read')
    expect(page.body).toMatch(
      /2024-01-bad-street\.csv<\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>&quot;Longitude&quot;: &quot;east&quot; is not valid/,
    )

    const wrong = await upload(t, analyst, {}, [{ name: 'notes.txt', content: Buffer.from('hello') }])
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('notes.txt is not a .csv file or a police.uk .zip archive')
    const none = await upload(t, analyst, {}, [])
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('Select the police.uk or Met recorded-crime files to load')
  })

  it('refreshes a running load’s page until it has finished, saying how far it has got', () => {
    const running: LoadJob = {
      id: 7,
      status: 'loading',
      by: 'analyst@test.example',
      userId: 1,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      files: ['a.csv', 'b.csv', 'c.csv'],
      forces: [],
      filesDone: 1,
      filesTotal: 3,
      currentFile: 'b.csv',
      report: null,
      error: null,
    }
    const html = createViews().render('crime/views/load-job.njk', {
      pageTitle: 'Loading crime data',
      ...loadJobView(running),
    })
    expect(html).toContain('<meta http-equiv="refresh" content="3">')
    expect(html).toContain('1 of 3 files loaded; now b.csv')
  })

  it('answers the load’s progress as JSON for scripts, to those who load data', async () => {
    const job = await crime().loads.start(
      { userId: null, label: 'test setup', ip: null },
      { folder: crime().loads.newUploadFolder(), files: [], forces: new Set() },
    )
    await crime().loads.finished(job.id)
    const answer = await analyst.get(`/api/v1/crime/loads/${job.id}`)
    expect(answer.statusCode).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ id: job.id, status: 'done', report: { files: [] } })
    expect((await analyst.get('/api/v1/crime/loads/999999')).statusCode).toBe(404)
  })
})
