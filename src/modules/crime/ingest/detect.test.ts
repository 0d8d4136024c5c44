import { describe, expect, it } from 'vitest'
import { detectAreaFormat } from '../areas/area-formats.ts'
import { detectCrimeFormat, forceFromFileName, splitCsvLine } from './detect.ts'
import { ingestOrder } from './files.ts'

describe('recognising files from their header', () => {
  it('splits quoted header fields', () => {
    expect(splitCsvLine('a,"b, c","d ""e""",')).toEqual(['a', 'b, c', 'd "e"', ''])
  })

  it('knows each police.uk and recorded-crime layout, in any column order', () => {
    const outcomes =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type'.split(
        ',',
      )
    expect(detectCrimeFormat('x.csv', outcomes).kind).toBe('outcomes')
    const shuffled = detectCrimeFormat('x.csv', [...outcomes].reverse())
    expect(shuffled.columns[0]).toMatchObject({ header: 'Outcome type', name: 'outcome_type' })
    const ward = detectCrimeFormat('x.csv', [
      'wardname',
      'wardcode',
      'majortext',
      'minortext',
      'lookup_boroughname',
      '202401',
      '202402',
    ])
    expect(ward).toMatchObject({ kind: 'recorded-ward', monthColumns: ['202401', '202402'] })
    expect(() => detectCrimeFormat('x.csv', ['majortext', 'minortext', 'boroughname'])).toThrow(
      'missing: "a YYYYMM column per month"',
    )
  })

  it('knows ONS files by their column patterns, whatever the year in the names', () => {
    const lookup = detectAreaFormat('x.csv', [
      'LSOA21CD',
      'LSOA21NM',
      'WD23CD',
      'WD23NM',
      'LAD23CD',
      'LAD23NM',
    ])
    expect(lookup.kind).toBe('lookup-lsoa21')
    const population = detectAreaFormat('x.csv', [
      'LSOA 2021 Code',
      'LSOA 2021 Name',
      'Mid-2021: Population',
      'Mid-2022: Population',
    ])
    expect(population.years).toEqual([
      { column: 'population_2', year: 2021 },
      { column: 'population_3', year: 2022 },
    ])
    expect(() => detectAreaFormat('x.csv', ['LSOA21CD', 'LSOA21NM', 'WD23CD'])).toThrow(/has no column/)
  })

  it('names the force of a stop-and-search file, and orders releases oldest first', () => {
    expect(forceFromFileName('/d/2024-03-metropolitan-stop-and-search.csv')).toBe(
      'Metropolitan Police Service',
    )
    expect(forceFromFileName('2024-03-avon-and-somerset-stop-and-search.csv')).toBe(
      'Avon and Somerset Police',
    )
    expect(forceFromFileName('search.csv')).toBeNull()
    expect(
      ingestOrder([
        '/d/city/2024-01-x.csv',
        '/d/city/republished-2024-06/2024-01-x.csv',
        '/d/city/2023-12-x.csv',
      ]),
    ).toEqual(['/d/city/republished-2024-06/2024-01-x.csv', '/d/city/2023-12-x.csv', '/d/city/2024-01-x.csv'])
  })
})
