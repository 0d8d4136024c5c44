import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { adultWomenFromSape, readAdultWomen } from '../../src/modules/cases/rules/adult-women.ts'
import { FIXTURES } from '../helpers/fixtures.ts'
import { SHARED_DATA } from './shared-folder.ts'

const FULL = join(SHARED_DATA, 'population/ons_sape_lsoa11_london_mid2020.csv')
const EXTRACT = join(FIXTURES, 'adult-women/ons_sape_lsoa11_southwark_mid2020.csv')

describe('the adult women of a borough over the full ONS estimates', () => {
  it("holds Southwark's lines of the London file, unchanged, and counts the same women from either", () => {
    const full = readFileSync(FULL, 'utf8').split(/(?<=\n)/)
    const extract = readFileSync(EXTRACT, 'utf8').split(/(?<=\n)/)
    expect(extract[0]).toBe(full[0])
    expect(extract.slice(1)).toEqual(full.filter((line) => line.includes(',E09000028,Southwark,')))
    expect(extract).toHaveLength(167)
    expect(readAdultWomen(FULL, 'Southwark')).toEqual(readAdultWomen(EXTRACT, 'Southwark'))
  })

  it('finds every London borough, each with thousands of women aged 16+', () => {
    const text = readFileSync(FULL, 'utf8')
    const codes = new Set(
      text
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[4])
        .filter(Boolean),
    )
    expect(codes.size).toBe(33)
    for (const code of codes) {
      const found = adultWomenFromSape(text, code as string, 2020)
      expect(found.found, code).toBe(true)
      if (found.found) expect(found.adultWomen.count, code).toBeGreaterThan(3_000)
    }
  })
})
