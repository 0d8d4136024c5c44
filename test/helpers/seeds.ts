import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { FIXTURES } from './fixtures.ts'

/** Seed 003, committed unchanged under test/fixtures (scripts/make-fixtures.ts copies it). */
export const SEED_003_PATH = resolve(FIXTURES, 'plans/seed-003.tsv')

/** Seed 003: the Southwark knife crime and serious violence plan as exported from its spreadsheet. */
export function seed003(): Buffer {
  return readFileSync(SEED_003_PATH)
}
