import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CurrentUser } from '../../src/access/current-user.ts'
import { createApp } from '../../src/app.ts'
import { paths } from '../../src/modules/plans/paths.ts'
import type { DeliverableView } from '../../src/modules/plans/plan-view.ts'
import { RAG_LABELS } from '../../src/modules/plans/rag.ts'
import { NO_STRATEGY } from '../../src/modules/plans/schema.ts'
import { type PageCache, planPageCacheOf } from '../../src/modules/plans/web/plan-page-cache.ts'
import { buildTestApp, TEST_ACTOR, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser, csrfTokenFrom } from '../helpers/session.ts'

// The plan page's rendered deliverables are cached per plan change stamp, filter, day and role.
// Each page served from the cache is compared with the same page from a second app on the same
// database and services with the cache turned off, so "right" is never a hard-coded copy.

/** What differs between two responses by design: the CSRF token and the CSP nonce. */
const perRequestPartsOut = (html: string) =>
  html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="…"').replace(/nonce="[^"]*"/g, 'nonce="…"')

const tokensIn = (html: string): string[] =>
  [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1] ?? '')

/** The list item of one deliverable on the plan page. */
const itemOf = (html: string, deliverableId: number) =>
  html
    .split('<li class="safer-deliverable">')
    .find((item) => item.includes(`href="/deliverables/${deliverableId}"`)) ?? ''

const count = (html: string, text: string) => html.split(text).length - 1

describe.each(DIALECTS)('the plan page cache on %s', (dialect) => {
  let t: TestApp
  let uncached: FastifyInstance
  let planId: number
  let cache: PageCache
  let manager: CurrentUser
  const browsers = {} as Record<'viewer' | 'manager' | 'otherManager', Browser>

  const deliverables = async (): Promise<DeliverableView[]> =>
    (await t.deps.services.plans.getPlan(planId)).themes.flatMap((th) =>
      th.actions.flatMap((a) => a.deliverables),
    )

  /** The page from the cached app, and the same request (same session) to the app without a cache. */
  async function both(browser: Browser, url: string) {
    const cached = await browser.get(url)
    const fresh = await uncached.inject({ method: 'GET', url, headers: { cookie: browser.jar.header() } })
    expect(cached.statusCode).toBe(200)
    expect(fresh.statusCode).toBe(200)
    return { cached: cached.body, fresh: fresh.body }
  }

  /** Views the page as this browser, and checks it is the page an uncached app serves it. */
  async function view(browser: Browser, url: string) {
    const { cached, fresh } = await both(browser, url)
    expect(perRequestPartsOut(cached)).toBe(perRequestPartsOut(fresh))
    return cached
  }

  beforeAll(async () => {
    // A day without an update makes a deliverable stale, so turning the clock shows new flags.
    t = await buildTestApp(dialect, { PLAN_STALE_DAYS: '1' })
    const s = t.deps.services
    planId = (
      await s.planImport.importPlan(TEST_ACTOR, { fileName: 'knife-crime-plan.txt', content: seed003() })
    ).planId as number
    const managerId = t.userIds['partnership-manager']
    const m = await s.users.get(managerId)
    manager = {
      id: m.id,
      email: m.email,
      name: m.name,
      role: m.role,
      organisationId: m.organisationId,
      organisationName: 'Test Council',
      personId: null,
    }
    await s.users.create(TEST_ACTOR, {
      email: 'second-manager@test.example',
      name: 'Second Manager',
      organisationId: t.organisationId,
      role: 'partnership-manager',
      password: TEST_PASSWORD,
    })
    ;({ app: uncached } = await createApp({ ...t.deps, config: { ...t.deps.config, planPageCacheMb: 0 } }))
    for (const [key, email] of [
      ['viewer', 'viewer@test.example'],
      ['manager', 'partnership-manager@test.example'],
      ['otherManager', 'second-manager@test.example'],
    ] as const) {
      browsers[key] = new Browser(t.app)
      await browsers[key].signIn(email)
    }
    cache = planPageCacheOf(t.app) as PageCache
  })

  afterAll(async () => {
    vi.useRealTimers()
    await uncached?.close()
    await t?.close()
  })

  it('is bounded by PLAN_PAGE_CACHE_MB, and an app with 0 keeps nothing', async () => {
    expect(cache.stats().maxBytes).toBe(32 * 1024 * 1024)
    expect(planPageCacheOf(uncached)?.stats().maxBytes).toBe(0)
    await view(browsers.viewer, paths.plans.show(planId))
    expect(planPageCacheOf(uncached)?.stats()).toMatchObject({ entries: 0, bytes: 0 })
    expect(cache.stats().bytes).toBeGreaterThan(0)
    expect(cache.stats().bytes).toBeLessThanOrEqual(cache.stats().maxBytes)
  })

  it('serves a repeat view from the cache, the same as a fresh render but for the token and nonce', async () => {
    const url = paths.plans.show(planId)
    for (const browser of [browsers.viewer, browsers.manager]) {
      const first = await view(browser, url)
      const before = cache.stats()
      const again = await view(browser, url)
      expect(cache.stats().hits).toBe(before.hits + 1)
      expect(cache.stats().misses).toBe(before.misses)
      expect(perRequestPartsOut(again)).toBe(perRequestPartsOut(first))
      expect(again).toContain('61 deliverables')
    }
  })

  it('gives each role its own page, and each user only their own CSRF token', async () => {
    const url = paths.plans.show(planId)
    const viewerPage = await view(browsers.viewer, url)
    const managerPage = await view(browsers.manager, url)
    const before = cache.stats()
    const otherPage = await view(browsers.otherManager, url)
    expect(cache.stats().hits).toBe(before.hits + 1)

    expect(viewerPage).not.toContain('Save linked strategy')
    expect(managerPage).toContain('Save linked strategy')
    expect(otherPage).toContain('Save linked strategy')
    const viewerTokens = tokensIn(viewerPage)
    const managerTokens = tokensIn(managerPage)
    const otherTokens = tokensIn(otherPage)
    expect(new Set(otherTokens).size).toBe(1)
    for (const token of [...viewerTokens, ...managerTokens]) expect(otherPage).not.toContain(token)
    for (const token of otherTokens) expect(managerPage).not.toContain(token)
    expect(otherPage).not.toContain(manager.name)

    // The second manager's page, served from the cache, carries a token that works for their session.
    const saved = await browsers.otherManager.post(paths.plans.planStrategy(planId), {
      _csrf: csrfTokenFrom(otherPage),
      strategyId: NO_STRATEGY,
      version: String((await t.deps.services.plans.getPlan(planId)).version),
    })
    expect(saved.statusCode).toBe(303)
  })

  it('shows a progress update and an edit on the next view', async () => {
    const url = paths.plans.show(planId)
    const [target] = (await deliverables()).filter((d) => d.rag !== 'red')
    if (!target) throw new Error('Seed 003 has a deliverable that is not red')
    await view(browsers.viewer, url)
    expect(itemOf(await view(browsers.viewer, url), target.id)).not.toContain(RAG_LABELS.red)

    await t.deps.services.deliverables.addUpdate(TEST_ACTOR, manager, target.id, {
      updateOn: '2026-01-05',
      text: 'Weapon sweeps done',
      rag: 'red',
    })
    const misses = cache.stats().misses
    expect(itemOf(await view(browsers.viewer, url), target.id)).toContain(RAG_LABELS.red)
    expect(cache.stats().misses).toBe(misses + 1)

    const outcome = 'Fewer knife injuries in Peckham ’26 <checked>'
    const { version } = await t.deps.services.deliverables.get(target.id)
    await t.deps.services.deliverables.edit(TEST_ACTOR, manager, target.id, {
      version,
      outcome,
      start: 'Ongoing',
      end: 'TBC',
      rag: 'amber',
    })
    const item = itemOf(await view(browsers.manager, url), target.id)
    expect(item).toContain('Fewer knife injuries in Peckham ’26 &lt;checked&gt;')
    expect(item).toContain(RAG_LABELS.amber)
    expect(itemOf(await view(browsers.viewer, url), target.id)).toContain(RAG_LABELS.amber)
  })

  it('gives each filter its own page, and equivalent addresses the same one', async () => {
    const red = await view(browsers.viewer, `${paths.plans.show(planId)}?rag=red`)
    const amber = await view(browsers.viewer, `${paths.plans.show(planId)}?rag=amber`)
    const reds = (await deliverables()).filter((d) => d.rag === 'red').length
    const ambers = (await deliverables()).filter((d) => d.rag === 'amber').length
    expect(red).toContain(`Showing ${reds} of 61 deliverables`)
    expect(amber).toContain(`Showing ${ambers} of 61 deliverables`)
    expect(reds).not.toBe(ambers)

    const before = cache.stats()
    const same = await view(browsers.viewer, `${paths.plans.show(planId)}?q=+&rag=red&theme=`)
    expect(cache.stats().hits).toBe(before.hits + 1)
    expect(perRequestPartsOut(same)).toBe(perRequestPartsOut(red))
  })

  it('shows a filter that does not parse as typed, and does not keep it', async () => {
    const before = cache.stats()
    const page = await view(browsers.viewer, `${paths.plans.show(planId)}?q=${'k'.repeat(201)}&rag=red`)
    expect(page).toContain('Must be 200 characters or fewer')
    expect(page).toContain(`value="${'k'.repeat(201)}"`)
    expect(cache.stats()).toMatchObject({ entries: before.entries, hits: before.hits })
  })

  it('shows the next day’s flags once the day turns', async () => {
    const url = paths.plans.show(planId)
    const today = await view(browsers.viewer, url)
    const staleToday = count(today, '>No update</strong>')
    const notComplete = (await deliverables()).filter((d) => d.rag !== 'blue' && !d.flags.stale).length
    expect(notComplete).toBeGreaterThan(0)

    // Only the date moves: two days on, everything not updated since is a day past its stale period.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 86_400_000 })
    const later = new Browser(t.app)
    await later.signIn('viewer@test.example')
    const misses = cache.stats().misses
    const next = await view(later, url)
    expect(cache.stats().misses).toBe(misses + 1)
    expect(count(next, '>No update</strong>')).toBe(staleToday + notComplete)
    vi.useRealTimers()
  })
})
