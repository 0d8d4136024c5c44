import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Modules talk only through services (docs/architecture.md, ADR 0011). What one module may take
// from another's folder at run time is its page addresses (paths.ts), its descriptor (module.ts)
// and the audit module's read-audit.ts and service.ts; types are free. Anything else is a reach
// into the other module's internals: its rules belong behind its service, and a pure helper both
// need belongs in src/shared/ or src/web/.

const MODULES_DIR = dirname(fileURLToPath(import.meta.url))

const PUBLIC_FILES = new Set(['paths.ts', 'module.ts'])
const PUBLIC_AUDIT_FILES = new Set(['read-audit.ts', 'service.ts'])

/** Reaches not yet removed, as "file -> import": none now. A new one is a design question, not an entry here. */
const NOT_YET_REMOVED = new Set<string>([])

interface Reach {
  file: string
  specifier: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const CLAUSE = String.raw`(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*\s+as\s+[\w$]+|\*|[\w$]+)`
const STATIC = new RegExp(
  String.raw`^[ \t]*(import|export)\s+(type\s+)?(${CLAUSE})\s+from\s+['"]([^'"]+)['"]`,
  'gm',
)
const BARE = /^[ \t]*import\s+['"]([^'"]+)['"]/gm
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every specifier the file needs at run time: `import type` and all-`type` braces are left out. */
function valueImports(source: string): string[] {
  const found: string[] = []
  for (const [, , typeOnly, clause = '', specifier = ''] of source.matchAll(STATIC)) {
    if (typeOnly) continue
    const braces = clause.match(/^\{([^}]*)\}$/)
    const names = braces?.[1]
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean)
    if (names && names.length > 0 && names.every((n) => n.startsWith('type '))) continue
    found.push(specifier)
  }
  for (const [, specifier = ''] of source.matchAll(BARE)) found.push(specifier)
  for (const [, specifier = ''] of source.matchAll(DYNAMIC)) found.push(specifier)
  return found
}

/** The module a path lies in, and the path inside it; null outside any module's folder. */
function placeOf(path: string): { module: string; inside: string } | null {
  const parts = relative(MODULES_DIR, path).split(sep)
  if (parts.length < 2 || parts[0] === '..') return null
  return { module: parts[0] as string, inside: parts.slice(1).join('/') }
}

function isPublic(module: string, inside: string): boolean {
  return PUBLIC_FILES.has(inside) || (module === 'audit' && PUBLIC_AUDIT_FILES.has(inside))
}

function reachesIn(file: string): Reach[] {
  const from = placeOf(file)
  if (!from) return []
  return valueImports(readFileSync(file, 'utf8'))
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const to = placeOf(resolve(dirname(file), specifier))
      return to !== null && to.module !== from.module && !isPublic(to.module, to.inside)
    })
    .map((specifier) => ({ file: relative(MODULES_DIR, file).split(sep).join('/'), specifier }))
}

describe('modules talk only through services', () => {
  it('no module imports another module’s internals', () => {
    const reaches = sourceFiles(MODULES_DIR)
      .flatMap(reachesIn)
      .map((r) => `${r.file} -> ${r.specifier}`)
    const unexpected = reaches.filter((r) => !NOT_YET_REMOVED.has(r))
    expect(
      unexpected,
      'Call the other module through its service, or move a pure helper to src/shared/ or src/web/',
    ).toEqual([])
    // Every line waiting must still be needed.
    expect([...NOT_YET_REMOVED].filter((r) => !reaches.includes(r))).toEqual([])
  })

  it('tells a value import from a type-only one', () => {
    const source = [
      "import { a, type B } from '../plans/a.ts'",
      "import type { C } from '../plans/c.ts'",
      "import { type D, type E } from '../plans/d.ts'",
      'import {',
      '  f,',
      '  g,',
      "} from '../plans/f.ts'",
      "import * as h from '../plans/h.ts'",
      "import i, { j } from '../plans/i.ts'",
      "export { k } from '../plans/k.ts'",
      "export type { L } from '../plans/l.ts'",
      "import '../plans/tables.ts'",
      "const m = await import('../plans/m.ts')",
    ].join('\n')
    expect(valueImports(source).sort()).toEqual(
      [
        '../plans/a.ts',
        '../plans/f.ts',
        '../plans/h.ts',
        '../plans/i.ts',
        '../plans/k.ts',
        '../plans/tables.ts',
        '../plans/m.ts',
      ].sort(),
    )
  })
})
