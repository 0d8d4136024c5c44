import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared')
export const SEED_003_PATH = resolve(SHARED_DIR, 'seeds/003_3d6690dd06ae50f3.txt')

/** Seed 003: the Southwark knife crime and serious violence plan as exported from its spreadsheet. */
export function seed003(): Buffer {
  return readFileSync(SEED_003_PATH)
}
