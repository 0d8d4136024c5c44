import type { FastifyInstance } from 'fastify'
import type { Role } from '../../../access/roles.ts'
import type { RenderedHtml } from '../../../http/rendered-html.ts'
import type { PlanFilter } from '../plan-filter.ts'
import type { PlanView } from '../plan-view.ts'

// The rendered filters-and-deliverables part of the plan page, kept per process so that a repeat
// view of a large plan costs a lookup instead of a render (docs/adr/0018-plan-page-cache.md).
// Nothing of a user or a session is in it: reply.fragment renders it without either.

export interface PageCacheStats {
  entries: number
  /** The cached fragments' size in bytes (UTF-8, as they are kept and sent). */
  bytes: number
  maxBytes: number
  hits: number
  misses: number
}

/** Rendered parts of pages by key, least recently used first out once the fragments pass maxBytes. */
export class PageCache {
  private readonly entries = new Map<string, RenderedHtml>()
  private bytes = 0
  private hits = 0
  private misses = 0

  /** maxBytes 0 keeps nothing: every call renders. */
  constructor(readonly maxBytes: number) {}

  /** The fragment cached under key, or the one render makes (and keeps, if it fits). */
  through(key: string, render: () => RenderedHtml): RenderedHtml {
    const cached = this.entries.get(key)
    if (cached !== undefined) {
      this.hits++
      // Re-inserting moves it to the end: the Map's order is the least recently used first.
      this.entries.delete(key)
      this.entries.set(key, cached)
      return cached
    }
    this.misses++
    const html = render()
    const size = html.bytes.length
    if (size > this.maxBytes) return html
    this.entries.set(key, html)
    this.bytes += size
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= old.bytes.length
    }
    return html
  }

  stats(): PageCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
    }
  }
}

/**
 * Everything the fragment's HTML depends on. The plan's change stamp (updated_at and version, bumped
 * by touchPlan on every write, and on a merge of the people it names) comes from the view itself, so
 * the key never names a newer plan than the one rendered; today must be the day the view was read
 * for (flags depend on it). The filter is the parsed one, its empty fields left out and the rest in
 * name order, so equivalent addresses share an entry and a filter added later is in the key unasked.
 * JSON keeps the parts apart whatever characters a search holds.
 */
export function planFragmentKey(plan: PlanView, today: string, role: Role, filter: PlanFilter): string {
  const fields = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify([plan.id, plan.updatedAt, plan.version, today, role, fields])
}

// One cache for each app: tests and benchmarks build several apps in one process.
const caches = new WeakMap<FastifyInstance, PageCache>()

export function planPageCacheFor(app: FastifyInstance, maxBytes: number): PageCache {
  const cache = caches.get(app) ?? new PageCache(maxBytes)
  caches.set(app, cache)
  return cache
}

/** The app's plan-page cache, if its plan page has been registered: for tests and diagnostics. */
export const planPageCacheOf = (app: FastifyInstance): PageCache | undefined => caches.get(app)
