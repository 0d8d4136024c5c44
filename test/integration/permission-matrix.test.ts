import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireDeclaredPermissions } from '../../src/http/permissions.ts'
import { ALL_ACTIONS, type Action, ROLES, type Role, can } from '../../src/modules/auth/permissions.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// Generated from the permission table: every declared route, called as every role and signed out.
// Permissions do not depend on the dialect, so this runs on SQLite only.

const DENIED = new Set([401, 403])

describe('permission matrix', () => {
  let t: TestApp
  const browsers = new Map<Role, Browser>()
  let ids: Record<string, number>
  let anonymous: Browser

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    const s = t.deps.services
    ids = {
      organisation: t.organisationId,
      person: await s.partners.createPerson(TEST_ACTOR, { name: 'Matrix Person' }),
      user: await s.users.create(TEST_ACTOR, {
        email: 'target@test.example',
        name: 'Target',
        organisationId: t.organisationId,
        role: 'viewer',
        password: 'amber-kettle-orchard',
      }),
    }
    // Delivery plans: seed 003 through the importer, a strategy with a priority, and a deliverable
    // the lead user leads (their account is linked to the plan's Helen Lyons), so that routes with an
    // :id reach a real record and the lead reaches the checks past "is it theirs".
    ids.plan = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'knife-crime-plan.txt', content: seed003() })).planId as number
    ids.strategy = await s.strategies.create(TEST_ACTOR, { title: 'Matrix Strategy', status: 'draft' })
    ids.priority = await s.strategies.addPriority(TEST_ACTOR, ids.strategy, { title: 'Matrix Priority' })
    const plan = await s.plans.getPlan(ids.plan)
    const helens = plan.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables)).find((d) => d.leads.includes('Det Supt Helen Lyons'))
    ids.deliverable = helens?.id as number
    const lead = await s.users.get(t.userIds.lead)
    await s.users.update(TEST_ACTOR, lead.id, { email: lead.email, name: 'Helen Lyons', organisationId: lead.organisationId, role: 'lead', personId: helens?.leadPersonIds[0], version: lead.version })
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

  function concreteUrl(url: string): string {
    if (url === '/assets/*') return '/assets/safer.css'
    const kind = url.includes('organisations')
      ? 'organisation'
      : url.includes('people')
        ? 'person'
        : url.includes('priorities/:id')
          ? 'priority'
          : url.includes('strategies')
            ? 'strategy'
            : url.includes('plans')
              ? 'plan'
              : url.includes('deliverables')
                ? 'deliverable'
                : 'user'
    return url.replace(':id', String(ids[kind] ?? 1))
  }

  async function call(method: string, url: string, browser: Browser) {
    const headers: Record<string, string> = { cookie: browser.jar.header() }
    if (url.startsWith('/api/') && method !== 'GET') {
      headers['content-type'] = 'application/json'
      headers['x-csrf-token'] = browser.csrfToken
      return t.app.inject({ method: method as 'POST', url, headers, payload: '{}' })
    }
    if (method !== 'GET') {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      return t.app.inject({ method: method as 'POST', url, headers, payload: `_csrf=${encodeURIComponent(browser.csrfToken)}` })
    }
    return t.app.inject({ method: 'GET', url, headers })
  }

  it('declares only actions from the permission table', () => {
    expect(t.routes.length).toBeGreaterThan(30)
    for (const route of t.routes) {
      if (route.permission !== 'public') expect(ALL_ACTIONS).toContain(route.permission)
    }
  })

  it('refuses to start when a route declares no permission', async () => {
    const app = Fastify()
    requireDeclaredPermissions(app, '/assets/')
    expect(() => app.get('/undeclared', async () => 'hello')).toThrow('does not declare a permission')
  })

  it('lets exactly the allowed roles through every route, and nobody signed out', async () => {
    const failures: string[] = []
    // Sign-out ends the session it is called with, so it gets a throwaway session per role.
    const routes = t.routes.filter((r) => r.url !== '/sign-out')
    for (const route of routes) {
      const url = concreteUrl(route.url)
      const signedOut = await call(route.method, url, anonymous)
      if (route.permission === 'public') {
        if (DENIED.has(signedOut.statusCode)) failures.push(`${route.method} ${route.url} public but ${signedOut.statusCode} signed out`)
      } else {
        const refused = url.startsWith('/api/')
          ? signedOut.statusCode === 401
          : signedOut.statusCode === 302 && String(signedOut.headers.location).startsWith('/sign-in')
        if (!refused) failures.push(`${route.method} ${route.url} answered ${signedOut.statusCode} signed out`)
      }
      for (const role of ROLES) {
        const response = await call(route.method, url, browsers.get(role) as Browser)
        const allowed = route.permission === 'public' || can(role, route.permission as Action)
        const signInRedirect = response.statusCode === 302 && String(response.headers.location).startsWith('/sign-in')
        if (allowed && (DENIED.has(response.statusCode) || signInRedirect)) {
          failures.push(`${route.method} ${route.url} refused ${role} (${response.statusCode}) but ${route.permission} allows it`)
        }
        if (!allowed && response.statusCode !== 403) {
          failures.push(`${route.method} ${route.url} gave ${role} ${response.statusCode}, expected 403 (${route.permission})`)
        }
      }
    }
    expect(failures).toEqual([])
  })

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
})
