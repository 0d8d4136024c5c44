import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path.ts'

const ORIGIN = 'https://safer.example'

/** What a browser does with the answer: resolve Location against the page it asked. */
function staysOnSite(location: string): boolean {
  return (
    location.startsWith('/') &&
    !location.startsWith('//') &&
    ![...location].some((c) => c < ' ' || c === '\x7f' || c === '\\') &&
    new URL(location, ORIGIN).origin === ORIGIN
  )
}

// The shapes an outside test and the usual open-redirect lists try, raw and as a query string would decode them.
const HOSTILE = [
  '//evil.example',
  '//evil.example/phish',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/%252F%252Fevil.example',
  'https://evil.example',
  'HTTPS://evil.example',
  'http:evil.example',
  '/\t/evil.example/phish',
  '/%09/evil.example/phish',
  '/\n/evil.example',
  '/%0A/evil.example',
  '/%0d%0aSet-Cookie:x=1',
  '/\r\nLocation: https://evil.example',
  '\u0000/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,hello',
  '',
  ' ',
  'evil.example',
  '.evil.example',
  undefined,
  null,
  42,
  ['/plans'],
]

describe('safe return path after sign-in', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeReturnPath('/admin/users?x=1')).toBe('/admin/users?x=1')
    expect(safeReturnPath('/plans/3?rag=red&q=knife%20crime#deliverables')).toBe(
      '/plans/3?rag=red&q=knife%20crime#deliverables',
    )
    expect(safeReturnPath('/')).toBe('/')
    expect(safeReturnPath('/plans?q=100%')).toBe('/plans?q=100%')
  })

  it('normalises a path a header cannot carry as it stands', () => {
    const unicode = safeReturnPath('/plans?q=Peckham–Rye')
    expect(staysOnSite(unicode)).toBe(true)
    expect(unicode).toBe('/plans?q=Peckham%E2%80%93Rye')
    expect(safeReturnPath('/plans/../admin/users')).toBe('/admin/users')
  })

  it('sends every other shape home', () => {
    for (const bad of HOSTILE) {
      expect(safeReturnPath(bad), JSON.stringify(bad)).toBe('/')
    }
  })

  it('never leaves the site, whatever is typed', () => {
    // Every short string over the characters that matter for URL parsing.
    const alphabet = ['/', '\\', '.', ':', '%', '0', '9', 'a', 'e', '\t', '@', '?', '#', 'h']
    const kept = new Set<string>()
    const left: string[] = []
    const walk = (prefix: string, depth: number) => {
      if (depth === 0) return
      for (const c of alphabet) {
        const value = prefix + c
        const result = safeReturnPath(value)
        if (!staysOnSite(result)) left.push(JSON.stringify(value))
        if (result !== '/') kept.add(result)
        walk(value, depth - 1)
      }
    }
    walk('', 4)
    expect(left).toEqual([])
    // Not everything is sent home: ordinary paths among them come back.
    expect(kept.size).toBeGreaterThan(100)
  })
})
