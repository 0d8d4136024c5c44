import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Action, allActions, can } from '../../src/access/permissions.ts'
import { ROLES, type Role } from '../../src/access/roles.ts'
import { requireDeclaredPermissions } from '../../src/http/permissions.ts'
import { MODULES } from '../../src/modules/index.ts'
import { pages, type SaferModule } from '../../src/modules/module.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { concreteUrl, makeSamples } from '../helpers/samples.ts'
import { Browser } from '../helpers/session.ts'

// Generated from the permission table: every declared route, called as every role and signed out.
// Permissions do not depend on the dialect, so this runs on SQLite only.

const DENIED = new Set([401, 403])

// Every route as every role: minutes on a busy machine, and more with each module's routes.
describe('permission matrix', { timeout: 300_000 }, () => {
  let t: TestApp
  const browsers = new Map<Role, Browser>()
  let ids: Record<string, number>
  let anonymous: Browser

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    const s = t.deps.services
    // Each module makes the records its routes' :id name, so that they reach a real record; the
    // plans module's deliverable is one Helen Lyons leads, and the lead user's account is linked to
    // her as a person, to reach the checks past "is it theirs".
    ids = await makeSamples(t.deps.modules, s)
    const plan = await s.plans.getPlan(ids.plan as number)
    const sample = plan.themes
      .flatMap((th) => th.actions.flatMap((a) => a.deliverables))
      .find((d) => d.id === ids.deliverable)
    const lead = await s.users.get(t.userIds.lead)
    await s.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: 'Helen Lyons',
      organisationId: lead.organisationId,
      role: 'lead',
      personId: sample?.leadPersonIds[0],
      version: lead.version,
    })
    // The sample indicator belongs to the test users' organisation, so its users reach the checks
    // past "is it theirs", as the lead does for the deliverable.
    await s.indicators.setOwner({ actor: TEST_ACTOR, user: null }, ids.indicator as number, t.organisationId)
    // The interventions directory is kept by panel chairs as well as managers: the test caseworker
    // and lead each chair a panel, to reach the checks past "is a chair".
    for (const role of ['caseworker', 'lead'] as const)
      await s.cases.createPanel(
        { actor: TEST_ACTOR, user: null },
        {
          name: `Matrix panel chaired by the ${role}`,
          type: 'other',
          termsOfReference: 'For the permission matrix',
          chairUserId: t.userIds[role],
          cadence: 'monthly',
          isaParties: ['Test Council'],
          isaLegalBasis: 'other',
          isaReviewDate: '2030-01-01',
        },
      )
    for (const role of ROLES) {
      const browser = new Browser(t.app)
      await browser.signIn(`${role}@test.example`)
      browsers.set(role, browser)
    }
    // Signed out, but holding a CSRF token as anyone who has opened the sign-in page does.
    anonymous = new Browser(t.app)
    await anonymous.get('/sign-in')
  })
  afterAll(() => t.close())

  async function call(method: string, url: string, browser: Browser) {
    const headers: Record<string, string> = { cookie: browser.jar.header() }
    if (url.startsWith('/api/') && method !== 'GET') {
      headers['content-type'] = 'application/json'
      headers['x-csrf-token'] = browser.csrfToken
      return t.app.inject({ method: method as 'POST', url, headers, payload: '{}' })
    }
    if (method !== 'GET') {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      return t.app.inject({
        method: method as 'POST',
        url,
        headers,
        payload: `_csrf=${encodeURIComponent(browser.csrfToken)}`,
      })
    }
    return t.app.inject({ method: 'GET', url, headers })
  }

  it('declares only actions from the permission table', () => {
    expect(t.routes.length).toBeGreaterThan(30)
    for (const route of t.routes) {
      if (route.permission !== 'public') expect(allActions()).toContain(route.permission)
    }
    // Navigation and home-page entries name actions too: a typo would hide them from everyone.
    for (const module of MODULES) {
      for (const link of [...(module.navigation ?? []), ...(module.home ?? [])])
        expect(allActions()).toContain(link.needs)
    }
  })

  it('has a sample id for every route parameter', () => {
    const missing: string[] = []
    for (const route of t.routes) {
      try {
        concreteUrl(route, ids)
      } catch (error) {
        missing.push((error as Error).message)
      }
    }
    expect(missing).toEqual([])
  })

  it('refuses to start when a route declares no permission', async () => {
    const app = Fastify()
    requireDeclaredPermissions(app, '/assets/')
    expect(() => app.get('/undeclared', async () => 'hello')).toThrow('does not declare a permission')
  })

  // Every route as every role: its time grows with each module's routes, so it has longer than the default.
  it('lets exactly the allowed roles through every route, and nobody signed out', async () => {
    const failures: string[] = []
    // Sign-out ends the session it is called with, so it gets a throwaway session per role.
    const routes = t.routes.filter((r) => r.url !== '/sign-out')
    for (const route of routes) {
      const url = concreteUrl(route, ids)
      const signedOut = await call(route.method, url, anonymous)
      if (route.permission === 'public') {
        if (DENIED.has(signedOut.statusCode))
          failures.push(`${route.method} ${route.url} public but ${signedOut.statusCode} signed out`)
      } else {
        const refused = url.startsWith('/api/')
          ? signedOut.statusCode === 401
          : signedOut.statusCode === 302 && String(signedOut.headers.location).startsWith('/sign-in')
        if (!refused)
          failures.push(`${route.method} ${route.url} answered ${signedOut.statusCode} signed out`)
      }
      for (const role of ROLES) {
        const response = await call(route.method, url, browsers.get(role) as Browser)
        const allowed = route.permission === 'public' || can(role, route.permission as Action)
        const signInRedirect =
          response.statusCode === 302 && String(response.headers.location).startsWith('/sign-in')
        if (allowed && (DENIED.has(response.statusCode) || signInRedirect)) {
          failures.push(
            `${route.method} ${route.url} refused ${role} (${response.statusCode}) but ${route.permission} allows it`,
          )
        }
        if (!allowed && response.statusCode !== 403) {
          failures.push(
            `${route.method} ${route.url} gave ${role} ${response.statusCode}, expected 403 (${route.permission})`,
          )
        }
      }
    }
    expect(failures).toEqual([])
  }, 180_000)

  it('lets every signed-in role sign out, and nobody signed out', async () => {
    expect((await call('POST', '/sign-out', anonymous)).statusCode).toBe(302)
    for (const role of ROLES) {
      const browser = new Browser(t.app)
      await browser.signIn(`${role}@test.example`)
      const response = await browser.post('/sign-out')
      expect(response.statusCode).toBe(303)
      expect((await browser.get('/')).statusCode).toBe(302)
    }
  })

  it('fails a route whose parameter no module makes a sample for', async () => {
    // A module adding /cases/:id without a sample maker: every role would get 404 from a made-up id.
    const cases: SaferModule = {
      name: 'cases',
      permissions: {},
      pages: [
        pages([], (app) => {
          app.get('/cases/:id', { config: { permission: 'home:view', record: 'case' } }, async () => 'a case')
        }),
      ],
    }
    // Beside the real cases module's services, without its routes (whose /cases/:id has its sample).
    const withCases = await buildTestApp(
      'sqlite',
      {},
      {
        modules: [
          ...MODULES.map((m) =>
            m.name === 'cases' ? { ...m, name: 'cases-services', pages: [], api: [], samples: undefined } : m,
          ),
          cases,
        ],
      },
    )
    try {
      const samples = await makeSamples(withCases.deps.modules, withCases.deps.services)
      const route = withCases.routes.find((r) => r.url === '/cases/:id')
      expect(route).toMatchObject({ method: 'GET', record: 'case' })
      expect(() => concreteUrl(route as (typeof withCases.routes)[number], samples)).toThrow(
        'GET /cases/:id: no sample id for :id (no module makes a "case" sample)',
      )
      // A route that does not say what its :id names fails the same way.
      expect(() =>
        concreteUrl({ method: 'GET', url: '/cases/:id', permission: 'home:view' }, samples),
      ).toThrow('the route declares no record for it')
    } finally {
      await withCases.close()
    }
  })
})
