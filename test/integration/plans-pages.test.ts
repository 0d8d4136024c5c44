import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeliverableView } from '../../src/modules/plans/plan-view.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { postMultipart, uploadPlan } from '../helpers/multipart.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// The delivery-plans pages through the real app on each database: a browser over inject that
// keeps its cookies and CSRF token, as people use them.

const PLAN_TITLE =
  'Southwark Borough - Community Safety Partnership Knife Crime and Serious Violence Plan 2018/20'

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
const errorSummary = (html: string) =>
  text(html.match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '')
const deliverableLinks = (html: string) =>
  [...html.matchAll(/href="\/deliverables\/(\d+)"/g)].map((m) => Number(m[1]))

describe.each(DIALECTS)('delivery-plans pages on %s', (dialect) => {
  let t: TestApp
  let dataDir: string
  let planId: number
  let strategyId: number
  let all: DeliverableView[]
  let helens: DeliverableView
  let notHers: DeliverableView
  const browsers: Record<'viewer' | 'lead' | 'manager' | 'admin', Browser> = {} as never

  const count = (table: Parameters<typeof countRows>[1]) => countRows(t, table)

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    dataDir = t.deps.config.dataDir
    const s = t.deps.services
    planId = (
      await s.planImport.importPlan(TEST_ACTOR, { fileName: 'knife-crime-plan.txt', content: seed003() })
    ).planId as number
    strategyId = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy 2010–15',
      period: '2010–2015',
      status: 'adopted',
      adoptedOn: '2010-11-16',
      adoptedBy: 'Safer Southwark Partnership board',
      vision: 'A borough where people are safe.',
      strategicAims: ['Protection of Life', 'Reduction in youth violence'],
    })
    await s.strategies.addPriority(TEST_ACTOR, strategyId, {
      title: 'Reduce knife crime',
      objectives: ['Fewer injuries'],
      keyRecommendations: ['Weapon sweeps'],
    })
    await s.strategies.linkPlan(TEST_ACTOR, planId, strategyId)
    const plan = async () =>
      (await s.plans.getPlan(planId)).themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
    // Seed 003 rates nothing: a partnership manager's updates give it some RAG, and one long-silent deliverable.
    const admin = await s.users.get(t.userIds['partnership-manager'])
    const asManager = {
      id: admin.id,
      email: admin.email,
      name: admin.name,
      role: 'partnership-manager' as const,
      organisationId: admin.organisationId,
      organisationName: 'Test Council',
      personId: null,
    }
    const imported = (await plan()).filter((d) => !d.leads.some((l) => l.includes('Helen Lyons')))
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
    for (const [i, rag, updateOn] of [
      [1, 'red', today],
      [2, 'red', today],
      [3, 'green', today],
      [4, 'amber', '2024-01-15'],
    ] as const) {
      await s.deliverables.addUpdate(TEST_ACTOR, asManager, imported[i]?.id as number, {
        updateOn,
        text: `Update ${i}`,
        rag,
      })
    }
    all = await plan()
    helens = all.find((d) => d.leads.includes('Det Supt Helen Lyons')) as DeliverableView
    notHers = all.find((d) => !d.leads.some((l) => l.includes('Helen Lyons'))) as DeliverableView

    // The lead user is the person Helen Lyons in the plan: an administrator has linked their account to her.
    const lead = await s.users.get(t.userIds.lead)
    await s.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: 'Helen Lyons',
      organisationId: lead.organisationId,
      role: 'lead',
      personId: helens.leadPersonIds[0],
      version: lead.version,
    })

    for (const [key, email] of [
      ['viewer', 'viewer@test.example'],
      ['lead', 'lead@test.example'],
      ['manager', 'partnership-manager@test.example'],
      ['admin', 'admin@test.example'],
    ] as const) {
      browsers[key] = new Browser(t.app)
      await browsers[key].signIn(email)
    }
  })
  afterAll(() => t?.close())

  it('shows a viewer every page, without the forms they may not use', async () => {
    const viewer = browsers.viewer
    const pages: Array<[string, RegExp[]]> = [
      ['/plans', [/Action plans/, /Southwark Borough - Community Safety Partnership Knife Crime/]],
      [
        `/plans/${planId}`,
        [
          /61 deliverables/,
          /GOVERNANCE/,
          /Action \*3/,
          /Locally added/,
          /Download the plan as a spreadsheet/,
        ],
      ],
      [
        `/plans/${planId}/summary`,
        [/Plan on a page/, /<svg class="safer-chart" role="img"/, /By lead organisation/, /By lead/],
      ],
      [
        `/deliverables/${helens.id}`,
        [/Where it sits in the plan/, /Progress updates/, /No progress updates yet/],
      ],
      ['/my-actions', [/not linked to anyone named in the action plans/]],
      ['/strategies', [/Violent Crime Strategy 2010–15/]],
      [
        `/strategies/${strategyId}`,
        [/Reduce knife crime/, /Weapon sweeps/, /Protection of Life/, /16 Nov 2010/, /Southwark Borough/],
      ],
    ]
    for (const [url, expected] of pages) {
      const response = await viewer.get(url)
      expect(response.statusCode, url).toBe(200)
      for (const pattern of expected) expect(response.body, `${url} shows ${pattern}`).toMatch(pattern)
    }
    const deliverable = (await viewer.get(`/deliverables/${helens.id}`)).body
    expect(deliverable).not.toContain('Add a progress update')
    expect(deliverable).not.toContain('Change the deliverable’s details')
    expect((await viewer.get('/plans')).body).not.toContain('Import a plan')
    expect((await viewer.get('/plans/import')).statusCode).toBe(403)
    expect((await viewer.get(`/deliverables/${helens.id}/edit`)).statusCode).toBe(403)
    expect((await viewer.get('/plans/99999')).statusCode).toBe(404)
    expect((await viewer.get('/')).body).toContain('Delivery plans')
  })

  it('shows RAG as words, every flag as a tag, and action numbers as written', async () => {
    const html = (await browsers.viewer.get(`/plans/${planId}`)).body
    expect(
      html.match(
        /class="govuk-tag [^"]*">(Blue – complete|Green – on track|Amber – at risk|Red – off track|Not started|Not rated)</g,
      )?.length,
    ).toBe(61)
    const overdue = all.filter((d) => d.flags.overdue).length
    expect(overdue).toBeGreaterThan(0)
    expect(html.match(/safer-flag">Overdue</g)?.length).toBe(overdue)
    expect(html.match(/safer-flag">End before start</g)?.length).toBe(
      all.filter((d) => d.flags.endBeforeStart).length,
    )
    expect(deliverableLinks(html)).toEqual(all.map((d) => d.id))
  })

  it('filters the plan page by RAG, lead, organisation, theme, overdue, no update and search words', async () => {
    const viewer = browsers.viewer
    const shown = async (query: string) =>
      deliverableLinks((await viewer.get(`/plans/${planId}?${query}`)).body)
    const ids = (pick: (d: DeliverableView) => boolean) => all.filter(pick).map((d) => d.id)

    const red = ids((d) => d.rag === 'red')
    const green = ids((d) => d.rag === 'green')
    expect(red.length + green.length).toBeGreaterThan(0)
    expect(await shown('rag=red')).toEqual(red)
    expect(await shown('rag=green')).toEqual(green)
    expect(await shown('lead=Det+Supt+Helen+Lyons')).toEqual(
      ids((d) => d.leads.includes('Det Supt Helen Lyons')),
    )
    expect(await shown('leadOrganisation=MPS')).toEqual(ids((d) => d.leadOrganisations.includes('MPS')))
    expect(await shown('overdue=yes')).toEqual(ids((d) => d.flags.overdue))
    expect(await shown('stale=yes')).toEqual(ids((d) => d.flags.stale))
    const knife = await shown('q=KNIFE')
    expect(knife.length).toBeGreaterThan(0)
    expect(knife.length).toBeLessThan(all.length)
    // Filters combine: every filter must pass.
    expect(await shown('overdue=yes&leadOrganisation=MPS')).toEqual(
      ids((d) => d.flags.overdue && d.leadOrganisations.includes('MPS')),
    )

    const filtered = (await viewer.get(`/plans/${planId}?rag=red`)).body
    expect(text(filtered)).toContain(`Showing ${red.length} of 61 deliverables`)
    expect(filtered).toMatch(/<option value="red" selected>/)
    expect(filtered).toContain('Clear filters')
    const none = (await viewer.get(`/plans/${planId}?q=nothing-has-these-words`)).body
    expect(text(none)).toContain('No deliverables match these filters')

    const tooLong = await viewer.get(`/plans/${planId}?q=${'x'.repeat(201)}`)
    expect(tooLong.statusCode).toBe(200)
    expect(errorSummary(tooLong.body)).toContain('Must be 200 characters or fewer')
  })

  it('gives RAG counts per theme, organisation and lead on the plan on a page, as a table and a chart', async () => {
    const html = (await browsers.viewer.get(`/plans/${planId}/summary`)).body
    const chart = html.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? ''
    expect(chart).toMatch(/aria-labelledby="rag-chart-title rag-chart-desc"/)
    expect(chart).toContain('<title id="rag-chart-title">')
    expect(chart).toMatch(
      /<desc id="rag-chart-desc">Deliverables in each theme by RAG status\. GOVERNANCE: \d+ deliverables/,
    )
    expect(chart.match(/font-weight="bold">/g)?.length).toBe(8)
    const themeTable =
      html.match(/<table class="govuk-table">\s*<caption id="by-theme-caption"[\s\S]*?<\/table>/)?.[0] ?? ''
    const totalRow = text(
      themeTable.match(
        /<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header">All deliverables[\s\S]*?<\/tr>/,
      )?.[0] ?? '',
    )
    const rag = ['blue', 'green', 'amber', 'red', 'not-started', 'not-rated'].map(
      (r) => all.filter((d) => d.rag === r).length,
    )
    const flags = (['overdue', 'stale', 'endBeforeStart'] as const).map(
      (f) => all.filter((d) => d.flags[f]).length,
    )
    expect(totalRow.trim()).toBe(`All deliverables 61 ${rag.join(' ')} ${flags.join(' ')}`)
  })

  it('lets a lead add a progress update to their own deliverable, and not to anyone else’s', async () => {
    const lead = browsers.lead
    const own = await lead.get(`/deliverables/${helens.id}`)
    expect(own.body).toContain('Add a progress update')
    expect(own.body).toContain('Change the deliverable’s details')
    const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
      .format(new Date())
      .split('-')
    expect(own.body).toContain(`name="updateOn-day" type="text" value="${Number(day)}"`)
    expect(own.body).toContain(`name="updateOn-year" type="text" value="${year}"`)

    // Today in London: any later day of the month would be in the future on the 1st, and refused.
    const added = await lead.post(`/deliverables/${helens.id}/updates`, {
      'updateOn-day': String(Number(day)),
      'updateOn-month': month as string,
      'updateOn-year': year as string,
      text: 'Weekly tasking now in place',
      rag: 'amber',
    })
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe(`/deliverables/${helens.id}?notice=Progress%20update%20added`)
    const after = (await lead.get(added.headers.location as string)).body
    expect(text(after)).toContain('Progress update added')
    expect(text(after)).toMatch(
      new RegExp(
        `\\b${Number(day)} [A-Z][a-z]{2} \\d{4} Helen Lyons Amber – at risk Weekly tasking now in place`,
      ),
    )
    expect((await t.deps.services.deliverables.get(helens.id)).rag).toBe('amber')

    // Someone else's: no form, and a hand-made POST is refused with nothing written.
    const others = await lead.get(`/deliverables/${notHers.id}`)
    expect(others.body).not.toContain('Add a progress update')
    const updatesBefore = await count('deliverable_updates')
    const refused = await lead.post(`/deliverables/${notHers.id}/updates`, {
      'updateOn-day': '1',
      'updateOn-month': '1',
      'updateOn-year': '2026',
      text: 'Not mine',
      rag: 'red',
    })
    expect(refused.statusCode).toBe(403)
    expect(text(refused.body)).toContain(
      'Only this deliverable’s named lead or a partnership manager can update it',
    )
    expect((await lead.get(`/deliverables/${notHers.id}/edit`)).statusCode).toBe(403)
    expect(
      (
        await lead.post(`/deliverables/${notHers.id}`, {
          outcome: 'Taken over',
          rag: 'red',
          version: String(notHers.version),
        })
      ).statusCode,
    ).toBe(403)
    expect(await count('deliverable_updates')).toBe(updatesBefore)
    // A viewer's role does not reach the update route at all.
    expect((await browsers.viewer.post(`/deliverables/${helens.id}/updates`, { text: 'x' })).statusCode).toBe(
      403,
    )
  })

  it('shows every problem with a progress update at once, and keeps what was typed', async () => {
    const lead = browsers.lead
    await lead.get(`/deliverables/${helens.id}`)
    const before = await count('deliverable_updates')
    const missing = await lead.post(`/deliverables/${helens.id}/updates`, {
      'updateOn-day': '31',
      'updateOn-month': '2',
      'updateOn-year': '2026',
      text: '',
    })
    expect(missing.statusCode).toBe(400)
    expect(errorSummary(missing.body)).toBe(
      ' There is a problem The date of the update must be a real date, like 23 11 2026 Describe the progress made Select a RAG status ',
    )
    expect(missing.body).toContain('href="#updateOn-day"')
    expect(missing.body).toContain('value="31"')
    const future = await lead.post(`/deliverables/${helens.id}/updates`, {
      'updateOn-day': '1',
      'updateOn-month': '1',
      'updateOn-year': '2099',
      text: 'Planned',
      rag: 'green',
    })
    expect(future.statusCode).toBe(400)
    expect(errorSummary(future.body)).toContain('The date of the update must be today or in the past')
    expect(future.body).toContain('Planned</textarea>')
    expect(await count('deliverable_updates')).toBe(before)
  })

  it('answers a stale edit with 409, showing what the other person saved beside what was sent', async () => {
    const manager = browsers.manager
    const admin = browsers.admin
    const form = await manager.get(`/deliverables/${notHers.id}/edit`)
    expect(form.statusCode).toBe(200)
    const version = form.body.match(/name="version" value="(\d+)"/)?.[1] as string
    const base = {
      outcome: notHers.outcome,
      start: 'Dec-18',
      end: 'Ongoing',
      progress: '',
      comment: '',
      supportingOrganisations: '',
      documentReferences: '',
      version,
    }

    await admin.get(`/deliverables/${notHers.id}/edit`)
    const first = await admin.post(`/deliverables/${notHers.id}`, {
      ...base,
      progress: 'Saved first by the administrator',
      rag: 'green',
    })
    expect(first.statusCode).toBe(303)

    const stale = await manager.post(`/deliverables/${notHers.id}`, {
      ...base,
      progress: 'Saved second by the manager',
      rag: 'red',
    })
    expect(stale.statusCode).toBe(409)
    expect(errorSummary(stale.body)).toContain('Someone else changed this deliverable after you opened it')
    const changes = text(
      stale.body.match(/<table class="govuk-table">\s*<caption id="changes-caption"[\s\S]*?<\/table>/)?.[0] ??
        '',
    )
    expect(changes).toContain(
      'Progress (from the plan) Saved first by the administrator Saved second by the manager',
    )
    expect(changes).toContain('RAG status Green – on track Red – off track')
    expect(changes).not.toContain('Outcome')
    // Saving again, knowingly, replaces theirs.
    const newVersion = stale.body.match(/name="version" value="(\d+)"/)?.[1] as string
    expect(Number(newVersion)).toBe(Number(version) + 1)
    const again = await manager.post(`/deliverables/${notHers.id}`, {
      ...base,
      version: newVersion,
      progress: 'Saved second by the manager',
      rag: 'red',
    })
    expect(again.statusCode).toBe(303)
    expect((await t.deps.services.deliverables.get(notHers.id)).progress).toBe('Saved second by the manager')
  })

  it('downloads the plan as .xlsx and .csv, as attachments, and audits each download', async () => {
    const viewer = browsers.viewer
    const xlsx = await viewer.get(`/plans/${planId}/export.xlsx`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(xlsx.headers['content-disposition']).toMatch(
      /^attachment; filename="southwark-borough-community-safety-partnership-knife-crime-and-serious-violence-.*\.xlsx"$/,
    )
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const csv = await viewer.get(`/plans/${planId}/export.csv`)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".*\.csv"$/)
    expect(csv.body).toContain('GOVERNANCE')
    const log = await t.deps.services.audit.search({ action: 'plan.export' }, 1)
    expect(
      log.rows
        .slice(0, 2)
        .map(
          (r) =>
            (r.detail as string).includes('"format":"csv"') ||
            (r.detail as string).includes('"format":"xlsx"'),
        ),
    ).toEqual([true, true])
  })

  it('lists a lead’s own deliverables on My actions, grouped by plan', async () => {
    const html = (await browsers.lead.get('/my-actions')).body
    const hers = all.filter((d) => d.leads.some((l) => l.includes('Helen Lyons'))).map((d) => d.id)
    expect(hers.length).toBeGreaterThan(0)
    expect(text(html)).toContain(`You lead ${hers.length} deliverable`)
    expect(deliverableLinks(html).sort((a, b) => a - b)).toEqual(hers.sort((a, b) => a - b))
    expect(html).toContain(`href="/plans/${planId}"`)
  })

  it('lets a partnership manager add and change strategies and priorities, with every problem reported', async () => {
    const manager = browsers.manager
    await manager.get('/strategies/new')
    const bad = await manager.post('/strategies', {
      title: '',
      status: '',
      'adoptedOn-day': '40',
      'adoptedOn-month': '1',
      'adoptedOn-year': '2018',
    })
    expect(bad.statusCode).toBe(400)
    expect(errorSummary(bad.body)).toBe(
      ' There is a problem Enter the strategy’s title Select whether the strategy is a draft, adopted or superseded The date it was adopted must be a real date, like 23 11 2026 ',
    )
    const created = await manager.post('/strategies', {
      title: 'Knife Crime Strategy 2018–20',
      period: '2018–2020',
      status: 'draft',
      'adoptedOn-day': '',
      'adoptedOn-month': '',
      'adoptedOn-year': '',
      strategicAims: '- Protection of Life\n- Support victims\n',
    })
    expect(created.statusCode).toBe(303)
    const page = (await manager.get(created.headers.location as string)).body
    expect(text(page)).toContain('Strategy added')
    expect(text(page)).toContain('Protection of Life Support victims')
    const id = Number(String(created.headers.location).match(/\/strategies\/(\d+)/)?.[1])

    await manager.get(`/strategies/${id}/priorities/new`)
    const priority = await manager.post(`/strategies/${id}/priorities`, {
      title: 'Protect young people',
      objectives: 'One\nTwo',
      focus: '',
      keyRecommendations: 'Mentoring',
    })
    expect(priority.statusCode).toBe(303)
    const withPriority = (await manager.get(`/strategies/${id}`)).body
    expect(text(withPriority)).toContain(
      '1. Protect young people Objectives One Two Key recommendations Mentoring',
    )

    const edit = await manager.get(`/strategies/${id}/edit`)
    const version = edit.body.match(/name="version" value="(\d+)"/)?.[1] as string
    const saved = await manager.post(`/strategies/${id}`, {
      title: 'Knife Crime Strategy 2018–20',
      status: 'adopted',
      'adoptedOn-day': '5',
      'adoptedOn-month': '6',
      'adoptedOn-year': '2018',
      strategicAims: 'Protection of Life',
      version,
    })
    expect(saved.statusCode).toBe(303)
    expect(text((await manager.get(`/strategies/${id}`)).body)).toMatch(
      /Status Adopted Adopted on 5 Jun 2018/,
    )
    const stale = await manager.post(`/strategies/${id}`, { title: 'Stale', status: 'draft', version })
    expect(stale.statusCode).toBe(409)
    expect(text(stale.body)).toContain('Title Knife Crime Strategy 2018–20 Stale')

    const priorityId = Number(withPriority.match(/href="\/priorities\/(\d+)\/edit"/)?.[1])
    const priorityForm = await manager.get(`/priorities/${priorityId}/edit`)
    expect(priorityForm.body).toContain('One\nTwo</textarea>')
    const changed = await manager.post(`/priorities/${priorityId}`, {
      title: 'Protect children and young people',
      objectives: 'One',
      version: '1',
    })
    expect(changed.statusCode).toBe(303)
    const stalePriority = await manager.post(`/priorities/${priorityId}`, {
      title: 'Old',
      objectives: 'One',
      version: '1',
    })
    expect(stalePriority.statusCode).toBe(409)
    expect(text(stalePriority.body)).toContain('Title Protect children and young people Old')
    expect((await browsers.viewer.get(`/strategies/${id}/edit`)).statusCode).toBe(403)
  })

  describe('spreadsheet import', () => {
    const uploads = () => {
      try {
        return readdirSync(join(dataDir, 'uploads'))
      } catch {
        return []
      }
    }

    it('uploads, previews with the data-quality report, and writes the plan only on confirmation', async () => {
      const manager = browsers.manager
      const form = await manager.get('/plans/import')
      expect(form.statusCode).toBe(200)
      expect(form.body).toContain('enctype="multipart/form-data"')
      const plansBefore = await count('plans')

      const preview = await uploadPlan(
        t.app,
        manager,
        { _csrf: manager.csrfToken, title: 'Knife crime plan (page import)', strategyId: String(strategyId) },
        { name: 'knife-crime.txt', content: seed003() },
      )
      expect(preview.statusCode).toBe(200)
      const page = text(preview.body)
      expect(page).toContain('Check the plan before you import it')
      expect(page).toContain(
        'Title Knife crime plan (page import) Strategy Violent Crime Strategy 2010–15 Themes 8 Actions 56 (29 locally added) Deliverables 61',
      )
      expect(page).toMatch(/Data-quality report Safer found \d+ things to check/)
      expect(page).toMatch(/Simon Messinger.*Simon Messenger|Simon Messenger.*Simon Messinger/)
      expect(await count('plans')).toBe(plansBefore)
      expect(uploads()).toHaveLength(2)
      const token = preview.body.match(/name="token" value="([a-f0-9]+)"/)?.[1] as string

      // The token is the manager's own: another user cannot confirm it.
      await browsers.admin.get('/plans')
      const someoneElse = await browsers.admin.post('/plans/import/confirm', { token })
      expect(someoneElse.statusCode).toBe(400)
      expect(errorSummary(someoneElse.body)).toContain('has expired or has already been imported')

      const confirmed = await manager.post('/plans/import/confirm', { token })
      expect(confirmed.statusCode).toBe(303)
      const newId = Number(String(confirmed.headers.location).match(/^\/plans\/(\d+)\?notice=/)?.[1])
      expect(newId).toBeGreaterThan(planId)
      expect(await count('plans')).toBe(plansBefore + 1)
      const landed = text((await manager.get(confirmed.headers.location as string)).body)
      expect(landed).toContain('Plan imported: 8 themes, 56 actions, 61 deliverables')
      expect(landed).toContain('Knife crime plan (page import)')
      const stored = await t.deps.services.plans.getPlan(newId)
      expect(stored.strategyId).toBe(strategyId)
      expect(stored.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))).toHaveLength(61)
      expect(uploads()).toEqual([])
      // The upload is used once.
      expect((await manager.post('/plans/import/confirm', { token })).statusCode).toBe(400)
    })

    it('answers an upload with a redirect to its preview, so Back never sends the file again', async () => {
      const manager = browsers.manager
      await manager.get('/plans/import')
      const posted = await postMultipart(
        t.app,
        manager,
        '/plans/import',
        { _csrf: manager.csrfToken, title: 'Knife crime plan (redirect)' },
        { name: 'knife-crime.txt', content: seed003() },
      )
      expect(posted.statusCode).toBe(303)
      const location = String(posted.headers.location)
      expect(location).toMatch(/^\/plans\/import\/uploads\/[a-f0-9]{48}$/)
      // The preview can be shown again (a reload, or Back from the plan) without the upload.
      for (let i = 0; i < 2; i++) {
        const preview = await manager.get(location)
        expect(preview.statusCode).toBe(200)
        expect(text(preview.body)).toContain('Title Knife crime plan (redirect)')
      }
      // It is the uploader's own: another user is told to upload again.
      await browsers.admin.get('/plans')
      const someoneElse = await browsers.admin.get(location)
      expect(someoneElse.statusCode).toBe(404)
      expect(errorSummary(someoneElse.body)).toContain('has expired or has already been imported')
      // Confirming uses the upload up, and then its preview has gone.
      const token = location.split('/').pop() as string
      expect((await manager.post('/plans/import/confirm', { token })).statusCode).toBe(303)
      expect((await manager.get(location)).statusCode).toBe(404)
    })

    it('offers to replace a plan with the same title, and replaces it only when asked', async () => {
      const manager = browsers.manager
      await manager.get('/plans/import')
      const preview = await uploadPlan(
        t.app,
        manager,
        { _csrf: manager.csrfToken },
        { name: 'knife-crime.txt', content: seed003() },
      )
      expect(preview.statusCode).toBe(200)
      expect(text(preview.body)).toContain(`A plan called “${PLAN_TITLE}” already exists`)
      const token = preview.body.match(/name="token" value="([a-f0-9]+)"/)?.[1] as string
      const plansBefore = await count('plans')

      const refused = await manager.post('/plans/import/confirm', { token })
      expect(refused.statusCode).toBe(409)
      expect(errorSummary(refused.body)).toContain(
        `A plan called “${PLAN_TITLE}” already exists. Tick “Replace the existing plan”`,
      )
      expect(refused.body).toContain('href="#replace"')
      expect(await count('plans')).toBe(plansBefore)

      const replaced = await manager.post('/plans/import/confirm', { token, replace: 'yes' })
      expect(replaced.statusCode).toBe(303)
      expect(replaced.headers.location).toMatch(new RegExp(`^/plans/${planId}\\?notice=Plan%20replaced`))
      expect(await count('plans')).toBe(plansBefore)
      // The replaced plan has new deliverables; refresh what the other tests know.
      all = (await t.deps.services.plans.getPlan(planId)).themes.flatMap((th) =>
        th.actions.flatMap((a) => a.deliverables),
      )
      expect(all).toHaveLength(61)
    })

    it('names the file and what is wrong with it, and writes nothing', async () => {
      const manager = browsers.manager
      await manager.get('/plans/import')
      const before = { plans: await count('plans'), people: await count('people') }
      const bad: Array<[string, Buffer, string]> = [
        [
          'notes.docx',
          Buffer.from('text'),
          'notes.docx: Safer imports .xlsx, .csv and .tsv files, not .docx',
        ],
        ['empty.csv', Buffer.alloc(0), 'empty.csv is empty'],
        [
          'locked.xlsx',
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          'locked.xlsx is password-protected',
        ],
        ['minutes.csv', Buffer.from('Item,Minutes\n1,Apologies\n'), 'minutes.csv: No header row found'],
        [
          'huge.csv',
          Buffer.alloc(25 * 1024 * 1024, 0x41),
          'huge.csv is 20.0 MB; the largest plan Safer imports is 20 MB',
        ],
      ]
      for (const [name, content, message] of bad) {
        const response = await uploadPlan(t.app, manager, { _csrf: manager.csrfToken }, { name, content })
        expect(response.statusCode, name).toBe(400)
        expect(errorSummary(response.body), name).toContain(message)
        expect(response.body, name).toContain('href="#file"')
      }
      const none = await uploadPlan(t.app, manager, {
        _csrf: manager.csrfToken,
        title: 'Kept',
      })
      expect(none.statusCode).toBe(400)
      expect(errorSummary(none.body)).toContain('Select the spreadsheet to import')
      expect(none.body).toContain('value="Kept"')
      expect({ plans: await count('plans'), people: await count('people') }).toEqual(before)
      expect(uploads()).toEqual([])
    })
  })

  it('refuses any form sent without its CSRF token, and changes nothing', async () => {
    const manager = browsers.manager
    const updates = await count('deliverable_updates')
    const plans = await count('plans')
    const checks: Array<Promise<LightMyRequestResponse>> = [
      manager.post(
        `/deliverables/${all[0]?.id}/updates`,
        { 'updateOn-day': '1', 'updateOn-month': '1', 'updateOn-year': '2026', text: 'x', rag: 'red' },
        { csrf: false },
      ),
      manager.post('/strategies', { title: 'No token', status: 'draft' }, { csrf: false }),
      uploadPlan(t.app, manager, { title: 'No token' }, { name: 'knife-crime.txt', content: seed003() }),
      uploadPlan(
        t.app,
        manager,
        { _csrf: 'forged', title: 'Forged' },
        { name: 'knife-crime.txt', content: seed003() },
      ),
      manager.post('/plans/import/confirm', { token: 'a'.repeat(48) }, { csrf: false }),
    ]
    for (const response of await Promise.all(checks)) expect(response.statusCode).toBe(403)
    expect(await count('deliverable_updates')).toBe(updates)
    expect(await count('plans')).toBe(plans)
    // Ordinary URL-encoded forms still work beside the multipart upload.
    await manager.get('/strategies/new')
    expect((await manager.post('/strategies', { title: 'With a token', status: 'draft' })).statusCode).toBe(
      303,
    )
  })
})
