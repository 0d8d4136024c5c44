// The adult female population of a local authority, for the return's cases per 10,000 adult women.
// SafeLives divides by women aged 16 and over. The ONS small area population estimates (SAPE, by
// 2011 LSOA) give females by age band with 0-15 as the first, so 16+ is all ages less 0-15, summed
// over the authority's LSOAs. The other population file Safer reads (LSOA 2021 totals) has no sex
// or age: from it, or any file without those columns, the answer is "no data", never a guess.

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { AdultWomen } from './safelives-return.ts'

export type AdultWomenFound = { found: true; adultWomen: AdultWomen } | { found: false; reason: string }

const SOURCE = 'ONS small area population estimates'
const NEEDED = ['LAD11CD', 'LAD11NM', 'Females_All-Ages', 'Females_0-15'] as const

/** Women aged 16 and over in the authority named by its ONS code or its name, from SAPE text. */
export function adultWomenFromSape(text: string, area: string, year: number): AdultWomenFound {
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]
  const header = Object.keys(rows[0] ?? {})
  const missing = NEEDED.filter((c) => !header.includes(c))
  if (missing.length)
    return {
      found: false,
      reason: `The population file has no females by age by local authority (no ${missing.join(', ')} column): give the adult female population instead`,
    }
  const wanted = area.trim().toLowerCase()
  const inArea = rows.filter(
    (r) => r.LAD11CD?.toLowerCase() === wanted || r.LAD11NM?.toLowerCase() === wanted,
  )
  const first = inArea[0]
  if (!first) return { found: false, reason: `The population file has no area "${area}"` }
  let count = 0
  for (const row of inArea) {
    const all = Number(row['Females_All-Ages'])
    const children = Number(row['Females_0-15'])
    if (!Number.isInteger(all) || !Number.isInteger(children) || children > all)
      return {
        found: false,
        reason: `The population file's female counts for ${row.LSOA11CD ?? 'an LSOA'} are not usable`,
      }
    count += all - children
  }
  return {
    found: true,
    adultWomen: {
      count,
      areaCode: first.LAD11CD as string,
      areaName: first.LAD11NM as string,
      year,
      source: SOURCE,
    },
  }
}

/** As adultWomenFromSape, from a file named as ONS names it (…_mid2020.csv gives the year). */
export function readAdultWomen(path: string, area: string): AdultWomenFound {
  const year = /mid-?(\d{4})/i.exec(basename(path))?.[1]
  if (!year)
    return {
      found: false,
      reason: `The file name ${basename(path)} does not say the mid-year (as …_mid2020.csv)`,
    }
  return adultWomenFromSape(readFileSync(path, 'utf8'), area, Number(year))
}
