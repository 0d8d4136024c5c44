import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// The pages that build and reshape a plan, through the real app on each database: what each role
// is offered and allowed, the forms' checks, a stale page's 409, and removal and restore.

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
const errorSummary = (html: string) =>
  text(html.match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '')
const versionOn = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1] ?? ''
const location = (response: { headers: Record<string, unknown> }) => String(response.headers.location)

describe.each(DIALECTS)('plan structure pages on %s', (dialect) => {
  let t: TestApp
  let manager: Browser
  let lead: Browser
  let viewer: Browser
  let helen = 0
  let planId = 0

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    helen = await t.deps.services.partners.createPerson(TEST_ACTOR, { name: 'Helen Lyons' })
    const u = await t.deps.services.users.get(t.userIds.lead)
    await t.deps.services.users.update(TEST_ACTOR, u.id, {
      email: u.email,
      name: u.name,
      organisationId: u.organisationId,
      role: 'lead',
      personId: helen,
      version: u.version,
    })
    manager = new Browser(t.app)
    lead = new Browser(t.app)
    viewer = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    await lead.signIn('lead@test.example')
    await viewer.signIn('viewer@test.example')
  })
  afterAll(() => t?.close())

  it('offers "New plan" to managers only, and creates a plan from the form', async () => {
    expect((await viewer.get('/plans')).body).not.toContain('href="/plans/new"')
    expect((await viewer.get('/plans/new')).statusCode).toBe(403)
    expect((await manager.get('/plans')).body).toContain('href="/plans/new"')
    await manager.get('/plans/new')
    const empty = await manager.post('/plans/new', { title: '', strategyId: 'none' })
    expect(empty.statusCode).toBe(400)
    expect(errorSummary(empty.body)).toContain('Enter the plan’s title')
    const made = await manager.post('/plans/new', {
      title: 'Violence Plan 2026/28',
      period: '2026/28',
      owningBoard: 'Safer Southwark',
      strategyId: 'none',
    })
    expect(made.statusCode).toBe(303)
    planId = Number(location(made).match(/^\/plans\/(\d+)\/structure\?notice=/)?.[1])
    expect(planId).toBeGreaterThan(0)
    expect(text((await manager.get(location(made))).body)).toContain('Plan created')
  })

  it('adds and renames a theme, answering a change made on a stale page with 409', async () => {
    const page = await manager.get(`/plans/${planId}/structure`)
    const version = versionOn(page.body)
    expect((await manager.post(`/plans/${planId}/themes`, { title: 'Governance', version })).statusCode).toBe(
      303,
    )
    const stale = await manager.post(`/plans/${planId}/themes`, { title: 'Prevention', version })
    expect(stale.statusCode).toBe(409)
    expect(errorSummary(stale.body)).toContain('Someone else changed this plan after you opened it')
    // The page shown with the problem is the plan as it is now: sending again is a knowing choice.
    const again = await manager.post(`/plans/${planId}/themes`, {
      title: 'Prevention',
      version: versionOn(stale.body),
    })
    expect(again.statusCode).toBe(303)

    const theme = (await t.deps.services.plans.getPlan(planId)).themes[0]
    if (!theme) throw new Error('a theme was added')
    const form = await manager.get(`/themes/${theme.id}/edit`)
    const renamed = await manager.post(`/themes/${theme.id}`, {
      title: 'Governance and tasking',
      subtitle: '',
      version: versionOn(form.body),
    })
    expect(renamed.statusCode).toBe(303)
    expect(text((await viewer.get(`/plans/${planId}`)).body)).toContain('Governance and tasking')
    expect((await lead.get(`/themes/${theme.id}/edit`)).statusCode).toBe(403)
    expect(
      (await lead.post(`/themes/${theme.id}`, { title: 'Mine', version: versionOn(form.body) })).statusCode,
    ).toBe(403)
  })

  it('adds an action and a deliverable led by a person picked from the list; its lead sees no lead fields', async () => {
    const theme = (await t.deps.services.plans.getPlan(planId)).themes[0]
    if (!theme) throw new Error('a theme was added')
    const actionForm = await manager.get(`/themes/${theme.id}/actions/new`)
    const action = await manager.post(`/themes/${theme.id}/actions`, {
      number: '*2',
      locallyAdded: 'yes',
      text: 'Weapon sweeps',
      version: versionOn(actionForm.body),
    })
    expect(action.statusCode).toBe(303)
    const actionId = Number(location(action).match(/#action-(\d+)$/)?.[1])

    const form = await manager.get(`/actions/${actionId}/deliverables/new`)
    expect(form.body).toContain(`<option value="${helen}">Helen Lyons</option>`)
    const fields = {
      outcome: 'Sweeps in every park',
      start: 'Apr-26',
      end: 'Mar-27',
      addLead: String(helen),
      leadOrganisations: 'MPS\nParks',
      rag: 'not-started',
      structureShown: 'yes',
      version: versionOn(form.body),
    }
    const tooLong = await manager.post(`/actions/${actionId}/deliverables`, {
      ...fields,
      outcome: 'o'.repeat(5001),
    })
    expect(tooLong.statusCode).toBe(400)
    expect(errorSummary(tooLong.body)).toContain(
      'Outcome must be 5,000 characters or fewer (you entered 5,001)',
    )
    expect(tooLong.body).toContain('govuk-character-count')
    const added = await manager.post(`/actions/${actionId}/deliverables`, fields)
    expect(added.statusCode).toBe(303)
    const deliverableId = Number(location(added).match(/^\/deliverables\/(\d+)\?/)?.[1])
    const page = text((await viewer.get(`/deliverables/${deliverableId}`)).body)
    expect(page).toContain('Helen Lyons')
    expect(page).toContain('MPS, Parks')
    expect(page).toContain('Action *2 (locally added)')

    const leadsForm = await lead.get(`/deliverables/${deliverableId}/edit`)
    expect(leadsForm.statusCode).toBe(200)
    expect(leadsForm.body).not.toContain('name="addLead"')
    expect(leadsForm.body).not.toContain('name="actionId"')
    // A lead's form cannot change who leads it, even when sent by hand.
    const sneaky = await lead.post(`/deliverables/${deliverableId}`, {
      ...fields,
      leadPersonIds: '',
      structureShown: 'yes',
      version: versionOn(leadsForm.body),
    })
    expect(sneaky.statusCode).toBe(403)
    const managerForm = await manager.get(`/deliverables/${deliverableId}/edit`)
    expect(managerForm.body).toMatch(
      new RegExp(`name="leadPersonIds" type="checkbox" value="${helen}" checked`),
    )
  })

  it('removes a deliverable with a reason, lists it as archived with who and why, and restores it', async () => {
    const plan = await t.deps.services.plans.getPlan(planId)
    const d = plan.themes[0]?.actions[0]?.deliverables[0]
    if (!d) throw new Error('a deliverable was added')
    expect(text((await lead.get('/my-actions')).body)).toContain('Sweeps in every park')
    const form = await manager.get(`/deliverables/${d.id}/archive`)
    expect(text(form.body)).toContain('Sweeps in every park')
    const before = await countRows(t, 'deliverables')
    const removed = await manager.post(`/deliverables/${d.id}/archive`, {
      reason: 'Parks team took it over',
      version: versionOn(form.body),
    })
    expect(removed.statusCode).toBe(303)
    expect(await countRows(t, 'deliverables')).toBe(before)
    expect(text((await viewer.get(`/plans/${planId}`)).body)).not.toContain('Sweeps in every park')
    expect(text((await lead.get('/my-actions')).body)).not.toContain('Sweeps in every park')
    const summary = text((await viewer.get(`/plans/${planId}/summary`)).body)
    expect(summary).toContain('0 deliverables')

    const archived = await viewer.get(`/plans/${planId}/archived`)
    expect(text(archived.body)).toMatch(
      /Sweeps in every park .* by partnership-manager@test\.example Parks team took it over/,
    )
    expect(archived.body).not.toContain('/restore')
    const shown = text((await viewer.get(`/deliverables/${d.id}`)).body)
    expect(shown).toContain('Removed from the plan on')

    const list = await manager.get(`/plans/${planId}/archived`)
    expect(
      (await lead.post(`/deliverables/${d.id}/restore`, { version: versionOn(list.body) })).statusCode,
    ).toBe(403)
    const restored = await manager.post(`/deliverables/${d.id}/restore`, { version: versionOn(list.body) })
    expect(restored.statusCode).toBe(303)
    expect(text((await viewer.get(`/plans/${planId}`)).body)).toContain('Sweeps in every park')
  })
})
