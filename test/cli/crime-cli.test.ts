import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { REPOSITORY_CRIME_DATA as DATA } from '../helpers/crime-data.ts'
import { readCsv, readCsvObjects } from '../helpers/csv.ts'
import { FIXTURES } from '../helpers/fixtures.ts'

const CITY = DATA.cityOfLondon
const WARDS = join(DATA.recorded, 'mps_recorded_crime_ward_southwark_historical_2010-04_to_2024-02.csv')

// Each test runs the real CLI (about 2 s a start on an idle machine, far more under load).
describe('the safer crime and areas commands', { timeout: 120_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'safer-crime-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('ingests a folder and prints the report as JSON', async () => {
    const result = await runCli(['crime', 'ingest', CITY, WARDS, '--json'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(Object.keys(report).sort()).toEqual([
      'duplicates',
      'failed',
      'files',
      'noLocation',
      'rejected',
      'replacedMonths',
      'rows',
    ])
    const files = readdirSync(CITY, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    expect(report.files).toHaveLength(files.length + 1)
    expect(report.files[0]).toEqual({
      file: '2024-01-city-of-london-street.csv',
      kind: 'street',
      rows: 734,
      rejected: 0,
      months: ['2024-01'],
      duplicates: expect.any(Number),
      noLocation: expect.any(Number),
    })
    expect(report.replacedMonths).toHaveLength(1)
    expect(report.replacedMonths[0]).toMatchObject({
      month: '2024-01',
      area: 'City of London Police',
      changedOutcomes: expect.any(Number),
    })
    expect(report.rejected).toBe(0)
  })

  it('imports the ONS lookups and population', async () => {
    const result = await runCli(
      ['areas', 'import', ...DATA.lookups, DATA.population, join(FIXTURES, 'population'), '--json'],
      env,
    )
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.files.map((f: { kind: string }) => f.kind)).toEqual([
      'lookup-lsoa11',
      'lookup-lsoa21',
      'population-lsoa21',
      'population-lsoa11-ages',
      'population-lsoa11-ages',
    ])
    expect(report.failed).toEqual([])
  })

  it('counts crimes by force and month as JSON, agreeing with the CSVs', async () => {
    const result = await runCli(
      [
        'crime',
        'counts',
        '--source',
        'police-uk',
        '--area',
        'City of London Police',
        '--area-type',
        'force',
        '--from',
        '2024-01',
        '--to',
        '2024-12',
        '--by',
        'month',
        '--json',
      ],
      env,
    )
    expect(result.code).toBe(0)
    const counts = JSON.parse(result.stdout)
    const monthly = readdirSync(CITY)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => ({ key: f.slice(0, 7), count: readCsv(join(CITY, f)).rows.length }))
    expect(counts.total).toBe(monthly.reduce((s, m) => s + m.count, 0))
    expect(
      counts.rows
        .map((r: { key: string; count: number }) => ({ key: r.key, count: r.count }))
        .sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key)),
    ).toEqual(monthly)
  })

  it('counts a crime type in a local authority, and recorded crime by ward', async () => {
    const result = await runCli(
      [
        'crime',
        'counts',
        '--source',
        'police-uk',
        '--area',
        'City of London',
        '--from',
        '2024-01',
        '--to',
        '2024-12',
        '--crime-type',
        'bicycle theft',
        '--json',
      ],
      env,
    )
    expect(result.code).toBe(0)
    const direct = readdirSync(CITY)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => readCsvObjects(join(CITY, f)))
      .filter((r) => r['Crime type'] === 'Bicycle theft' && r['LSOA name']?.startsWith('City of London '))
    expect(JSON.parse(result.stdout)).toMatchObject({ total: direct.length, rows: [] })

    const wards = await runCli(
      [
        'crime',
        'counts',
        '--source',
        'recorded',
        '--area',
        'Southwark',
        '--from',
        '2023-01',
        '--to',
        '2023-12',
        '--by',
        'ward',
        '--json',
      ],
      env,
    )
    expect(wards.code).toBe(0)
    expect(JSON.parse(wards.stdout).rows).toHaveLength(23)
  })

  it('gives the rate per 1,000 residents', async () => {
    const result = await runCli(
      [
        'crime',
        'rate',
        '--source',
        'recorded',
        '--area',
        'E09000028',
        '--from',
        '2023-01',
        '--to',
        '2023-12',
        '--population-year',
        '2021',
        '--json',
      ],
      env,
    )
    expect(result.code).toBe(0)
    const rate = JSON.parse(result.stdout)
    expect(rate).toMatchObject({
      count: expect.any(Number),
      population: expect.any(Number),
      populationYear: 2021,
    })
    expect(rate.ratePer1000).toBeCloseTo((rate.count / rate.population) * 1000, 2)
  })

  it('gives the exact rate with --json, and rounds it to two decimals for a person', async () => {
    const args = ['crime', 'rate', '--source', 'recorded', '--area', 'Southwark', '--crime-type', 'burglary']
    const period = ['--from', '2023-03', '--to', '2024-02']
    const json = await runCli([...args, ...period, '--json'], env)
    expect(json.code).toBe(0)
    const rate = JSON.parse(json.stdout)
    const months = ['202303', '202304', '202305', '202306', '202307', '202308'].concat([
      '202309',
      '202310',
      '202311',
      '202312',
      '202401',
      '202402',
    ])
    const burglaries = readCsvObjects(WARDS)
      .filter((r) => r.majortext?.toUpperCase() === 'BURGLARY')
      .reduce((sum, r) => sum + months.reduce((s, m) => s + Number(r[m] || 0), 0), 0)
    const residents = readCsvObjects(DATA.population)
      .filter((r) => r['LSOA 2021 Name']?.startsWith('Southwark '))
      .reduce((s, r) => s + Number(r['Mid-2022: Population']), 0)
    expect(rate).toMatchObject({ count: burglaries, population: residents, populationYear: 2022 })
    const exact = (burglaries * 1000) / residents
    expect(rate.ratePer1000).toBe(exact)
    expect(Math.round(exact * 100) / 100).not.toBe(exact)
    const text = await runCli([...args, ...period], env)
    expect(text.stdout).toContain(`${exact.toFixed(2)} per 1,000 residents (to two decimal places`)
  })

  it('exits 1 naming the file and lines of a bad file, and 2 when typed wrongly', async () => {
    const bad = join(dir, '2024-01-bad-street.csv')
    writeFileSync(
      bad,
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\nx,2024-01,a,a,east,51,b,,,Drugs,,\n',
    )
    const result = await runCli(['crime', 'ingest', bad], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('NOT LOADED 2024-01-bad-street.csv: 1 line could not be read')
    expect(result.stderr).toContain('line 2: "Longitude": "east" is not valid')
    const skipped = await runCli(['crime', 'ingest', bad, '--skip-bad-rows'], env)
    expect(skipped.code).toBe(0)
    expect(skipped.stdout).toContain('2024-01-bad-street.csv: street, 0 rows')
    expect((await runCli(['crime', 'ingest'], env)).code).toBe(2)
    expect((await runCli(['crime', 'counts', '--frobnicate'], env)).code).toBe(2)
    const unknown = await runCli(['crime', 'counts', '--area', 'Atlantis', '--json'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('area: No area called "Atlantis"')
  })
})
