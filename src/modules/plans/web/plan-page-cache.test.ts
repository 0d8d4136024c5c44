import { describe, expect, it } from 'vitest'
import { RenderedHtml } from '../../../http/rendered-html.ts'
import { planFilterQuery } from '../plan-filter.ts'
import type { PlanView } from '../plan-view.ts'
import { PageCache, planFragmentKey } from './plan-page-cache.ts'

const html = (text: string) => RenderedHtml.of(text)
const KIB = 'x'.repeat(1024)

/** Renders `text` and counts the renders, so a test can tell a hit from a miss. */
function renderer() {
  const calls: string[] = []
  const of = (text: string) => () => {
    calls.push(text)
    return html(text)
  }
  return { calls, of }
}

describe('PageCache', () => {
  it('renders once for a key, then returns the same bytes', () => {
    const cache = new PageCache(10_000)
    const r = renderer()
    const first = cache.through('a', r.of('<p>Plan ’24</p>'))
    const second = cache.through('a', r.of('<p>something else</p>'))
    expect(second).toBe(first)
    expect(second.bytes.toString('utf8')).toBe('<p>Plan ’24</p>')
    expect(r.calls).toEqual(['<p>Plan ’24</p>'])
    expect(cache.stats()).toEqual({
      entries: 1,
      bytes: Buffer.byteLength('<p>Plan ’24</p>'),
      maxBytes: 10_000,
      hits: 1,
      misses: 1,
    })
  })

  it('keeps no more bytes than it is given, dropping the least recently used first', () => {
    const cache = new PageCache(3 * 1024)
    const r = renderer()
    for (const key of ['a', 'b', 'c']) cache.through(key, r.of(`${key}${KIB}`.slice(0, 1024)))
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 3 * 1024 })
    cache.through('a', r.of('unused')) // a is now the most recently used
    cache.through('d', r.of(`d${KIB}`.slice(0, 1024)))
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 3 * 1024 })
    r.calls.length = 0
    cache.through('a', r.of('a again'))
    cache.through('c', r.of('c again'))
    cache.through('d', r.of('d again'))
    expect(r.calls).toEqual([])
    cache.through('b', r.of('b again'))
    expect(r.calls).toEqual(['b again'])
    for (let i = 0; i < 50; i++) cache.through(`many ${i}`, r.of(`${i}${KIB}`.slice(0, 700)))
    expect(cache.stats().bytes).toBeLessThanOrEqual(3 * 1024)
    expect(cache.stats().entries).toBe(4)
  })

  it('hands back but does not keep a part larger than the whole budget, and keeps nothing at 0', () => {
    const cache = new PageCache(100)
    const r = renderer()
    expect(cache.through('big', r.of(KIB)).bytes.length).toBe(1024)
    cache.through('big', r.of(KIB))
    expect(r.calls).toHaveLength(2)
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 })
    const off = new PageCache(0)
    off.through('a', r.of('a'))
    off.through('a', r.of('a'))
    expect(r.calls).toHaveLength(4)
    expect(off.stats()).toMatchObject({ entries: 0, bytes: 0, misses: 2, hits: 0 })
  })
})

describe('planFragmentKey', () => {
  const plan = { id: 7, updatedAt: '2026-11-30T10:00:00.000Z', version: 4 } as PlanView
  const filter = (query: Record<string, string>) => planFilterQuery.parse(query)
  const key = planFragmentKey(plan, '2026-11-30', 'viewer', filter({ rag: 'red' }))

  it('is the same for the same plan, day, role and an equivalent filter', () => {
    expect(planFragmentKey(plan, '2026-11-30', 'viewer', filter({ q: '  ', rag: 'red', theme: '' }))).toBe(
      key,
    )
  })

  it('differs when the plan changes, the day turns, the role or any filter differs', () => {
    const others = [
      planFragmentKey({ ...plan, version: 5 }, '2026-11-30', 'viewer', filter({ rag: 'red' })),
      planFragmentKey(
        { ...plan, updatedAt: '2026-11-30T10:00:00.001Z' },
        '2026-11-30',
        'viewer',
        filter({ rag: 'red' }),
      ),
      planFragmentKey({ ...plan, id: 8 }, '2026-11-30', 'viewer', filter({ rag: 'red' })),
      planFragmentKey(plan, '2026-12-01', 'viewer', filter({ rag: 'red' })),
      planFragmentKey(plan, '2026-11-30', 'partnership-manager', filter({ rag: 'red' })),
      planFragmentKey(plan, '2026-11-30', 'viewer', filter({ rag: 'amber' })),
      planFragmentKey(plan, '2026-11-30', 'viewer', filter({ rag: 'red', overdue: 'yes' })),
      planFragmentKey(plan, '2026-11-30', 'viewer', filter({ rag: 'red', q: 'knife' })),
    ]
    expect(new Set([key, ...others]).size).toBe(others.length + 1)
  })

  it('keeps the parts apart whatever a search holds', () => {
    const a = planFragmentKey(plan, '2026-11-30', 'viewer', filter({ lead: 'A', q: 'B' }))
    const b = planFragmentKey(plan, '2026-11-30', 'viewer', filter({ lead: 'A","q":"B' }))
    expect(a).not.toBe(b)
  })
})
