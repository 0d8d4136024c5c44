import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { splitCsvLine } from '../../src/modules/crime/ingest/detect.ts'

// police.uk-shaped street crime at any size, by resampling the real rows in ../shared/data:
// every generated row is a real row with a new Crime ID, month and force, so the mix of crime
// types, outcomes, LSOAs, blanks and quoted fields is the real one.

export const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'

function realRows(sharedData: string): string[][] {
  const rows: string[][] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path)
      else if (e.name.includes('street') && e.name.endsWith('.csv')) {
        const lines = readFileSync(path, 'utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
        for (const line of lines.slice(1)) if (line) rows.push(splitCsvLine(line))
      }
    }
  }
  walk(join(sharedData, 'police-uk'))
  return rows
}

const quote = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** A deterministic generator (xorshift), so two runs write the same files. */
function random(seed: number) {
  let x = seed
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}

export interface Generated {
  files: string[]
  rows: number
  bytes: number
}

/**
 * Writes `rows` rows as files of `perFile` rows, each a different month of "Bench Police", named
 * like police.uk files (YYYY-MM-bench-street.csv) so Safer ingests them as it would real ones.
 */
export async function generateStreetFiles(
  sharedData: string,
  dir: string,
  rows: number,
  perFile: number,
): Promise<Generated> {
  mkdirSync(dir, { recursive: true })
  const source = realRows(sharedData)
  const next = random(20240601)
  const files: string[] = []
  let bytes = 0
  const count = Math.ceil(rows / perFile)
  for (let f = 0; f < count; f++) {
    const year = 2024 - Math.floor(f / 12)
    const month = `${year}-${String(12 - (f % 12)).padStart(2, '0')}`
    const path = join(dir, `${month}-bench-street.csv`)
    const out = createWriteStream(path)
    const n = Math.min(perFile, rows - f * perFile)
    let chunk = `${STREET_HEADER}\n`
    for (let i = 0; i < n; i++) {
      const r = source[Math.floor(next() * source.length)] as string[]
      const id = r[0]
        ? `${f.toString(16).padStart(4, '0')}${i.toString(16).padStart(8, '0')}${(r[0] ?? '').slice(12)}`
        : ''
      chunk += `${[id, month, 'Bench Police', 'Bench Police', ...r.slice(4)].map(quote).join(',')}\n`
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        bytes += chunk.length
        chunk = ''
      }
    }
    bytes += chunk.length
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject)
      out.end(chunk, () => resolve())
    })
    files.push(path)
  }
  return { files, rows, bytes }
}
