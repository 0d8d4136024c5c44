import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

// Small extracts of the real inputs, committed with the tests (made by scripts/make-fixtures.ts).
export const FIXTURES = resolve(import.meta.dirname, '../fixtures')

export const fixture = (path: string): Buffer => readFileSync(resolve(FIXTURES, path))
