import { parse } from 'csv-parse/sync'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, fixture } from '../../../../test/helpers/fixtures.ts'
import { adultWomenFromSape, readAdultWomen } from './adult-women.ts'

const SOUTHWARK = 'adult-women/ons_sape_lsoa11_southwark_mid2020.csv'

/** Women 16+ added up the other way: the four adult bands, rather than all ages less children. */
function adultBands(path: string, code: string): number {
  const rows = parse(fixture(path), { columns: true }) as Record<string, string>[]
  return rows
    .filter((r) => r.LAD11CD === code)
    .reduce(
      (sum, r) =>
        sum +
        ['Females_16-29', 'Females_30-44', 'Females_45-64', 'Females_65+'].reduce(
          (s, c) => s + Number(r[c]),
          0,
        ),
      0,
    )
}

describe('the adult female population from the ONS small area estimates', () => {
  it("sums Southwark's women aged 16 and over across its LSOAs, by code or by name", () => {
    const found = readAdultWomen(resolve(FIXTURES, SOUTHWARK), 'E09000028')
    expect(found).toEqual({
      found: true,
      adultWomen: {
        count: adultBands(SOUTHWARK, 'E09000028'),
        areaCode: 'E09000028',
        areaName: 'Southwark',
        year: 2020,
        source: 'ONS small area population estimates',
      },
    })
    expect(readAdultWomen(resolve(FIXTURES, SOUTHWARK), 'southwark')).toEqual(found)
  })

  it('takes only the named authority from a file holding several', () => {
    const path = 'population/ons_sape_lsoa11_london_mid2019.csv'
    const found = readAdultWomen(resolve(FIXTURES, path), 'City of London')
    expect(found).toMatchObject({ found: true, adultWomen: { areaCode: 'E09000001', year: 2019 } })
    expect(found.found && found.adultWomen.count).toBe(adultBands(path, 'E09000001'))
  })

  it('says there is no data where the file has no females by age, or not the area', () => {
    // The LSOA 2021 population Safer loads for crime rates: persons only.
    const totals = resolve(
      FIXTURES,
      '../../demo-data/areas/ons_lsoa21_population_mid2019_to_mid2022_london.csv',
    )
    expect(readAdultWomen(totals, 'Southwark')).toEqual({
      found: false,
      reason:
        'The population file has no females by age by local authority (no LAD11CD, LAD11NM, Females_All-Ages, Females_0-15 column): give the adult female population instead',
    })
    expect(adultWomenFromSape('', 'Southwark', 2020)).toMatchObject({ found: false })
    expect(readAdultWomen(resolve(FIXTURES, 'population/southwark.csv'), 'Southwark')).toEqual({
      found: false,
      reason: 'The file name southwark.csv does not say the mid-year (as …_mid2020.csv)',
    })
    expect(readAdultWomen(resolve(FIXTURES, SOUTHWARK), 'Lambeth')).toEqual({
      found: false,
      reason: 'The population file has no area "Lambeth"',
    })
  })
})
