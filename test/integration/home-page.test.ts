import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCurrentUser } from '../../src/access/current-user.ts'
import type { PlanView } from '../../src/modules/plans/plan-view.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// The signed-in home page: what needs the person, and for those who manage the plans, where each
// plan needs chasing. Expected figures are worked out here from the plan itself.

type Deliverable = PlanView['themes'][number]['actions'][number]['deliverables'][number]

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
const deliverableLinks = (html: string) =>
  [...html.matchAll(/href="\/deliverables\/(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b)
const navLinks = (html: string) =>
  [...html.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1])
/** The "Your work" section: from its heading to the next section's. */
const yourWork = (html: string) => html.slice(html.indexOf('id="your-work"'), html.indexOf('What you can do'))
const decode = (href: string) => href.replace(/&amp;/g, '&')

describe.each(DIALECTS)('the home page on %s', (dialect) => {
  let t: TestApp
  let planId: number
  let helenPersonId: number
  let archivedId: number
  let redId: number
  const browsers: Record<string, Browser> = {}

  const liveDeliverables = async () =>
    (await t.deps.services.plans.getPlan(planId)).themes.flatMap((th) =>
      th.actions.flatMap((a) => a.deliverables),
    )

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const s = t.deps.services
    planId = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() }))
      .planId as number
    const helens = (await liveDeliverables()).filter((d) => d.leads.includes('Det Supt Helen Lyons'))
    const first = helens[0] as Deliverable
    helenPersonId = first.leadPersonIds[first.leads.indexOf('Det Supt Helen Lyons')] as number
    // The test's lead account is Helen Lyons, linked by an administrator.
    const lead = await s.users.get(t.userIds.lead)
    await s.users.linkPerson(TEST_ACTOR, lead.id, { personId: helenPersonId })
    // She reports one deliverable off track today: red, and no longer without an update.
    const red = helens.find((d) => !d.flags.overdue) as Deliverable
    redId = red.id
    const helen = asCurrentUser(await s.users.get(lead.id))
    await s.deliverables.addUpdate(TEST_ACTOR, helen, redId, {
      updateOn: londonToday(),
      text: 'Venue fell through',
      rag: 'red',
    })
    // Another has been archived: it has left the plan.
    archivedId = (helens.find((d) => d.id !== redId) as Deliverable).id
    await t.deps.database.db
      .updateTable('deliverables')
      .set({ archived_at: '2026-11-01T00:00:00Z', archived_reason: 'test', archived_by: 'Test' })
      .where('id', '=', archivedId)
      .execute()
    await t.deps.database.db.updateTable('plans').set({ version: 99 }).where('id', '=', planId).execute()
    for (const role of ['lead', 'viewer', 'partnership-manager', 'admin', 'board-member'] as const) {
      browsers[role] = new Browser(t.app)
      await browsers[role].signIn(`${role}@test.example`)
    }
  })
  afterAll(() => t.close())

  it('shows a linked lead their own live deliverables that need them, grouped, each a link', async () => {
    const page = await (browsers.lead as Browser).get('/')
    expect(page.statusCode).toBe(200)
    const mine = (await liveDeliverables()).filter((d) => d.leadPersonIds.includes(helenPersonId))
    const overdue = mine.filter((d) => d.flags.overdue)
    const red = mine.filter((d) => !d.flags.overdue && d.rag === 'red')
    const update = mine.filter(
      (d) =>
        !d.flags.overdue &&
        d.rag !== 'red' &&
        (d.flags.stale || (d.rag !== 'blue' && d.latestUpdateOn === null)),
    )
    expect(red.map((d) => d.id)).toEqual([redId])
    const work = yourWork(page.body)
    expect(deliverableLinks(work)).toEqual(
      [...overdue, ...red, ...update].map((d) => d.id).sort((a, b) => a - b),
    )
    expect(deliverableLinks(work)).not.toContain(archivedId)
    const words = text(work)
    expect(words).toContain(`Overdue (${overdue.length})`)
    expect(words).toContain('Red – off track (1)')
    expect(words).toContain(`Due for an update (${update.length})`)
    expect(words).toContain('No progress update for 90 days, or none yet.')
    expect(words).toContain(
      `${overdue.length + red.length + update.length} of the ${mine.length} deliverables you lead need you.`,
    )
    // A lead is not shown the partnership's counts.
    expect(page.body).not.toContain('id="plans-overview"')
    expect(navLinks(page.body)).toEqual(expect.arrayContaining(['/', '/strategies', '/plans', '/my-actions']))
  })

  it('tells a user who is linked to no one to ask an administrator, and shows them nothing of anyone’s', async () => {
    const page = await (browsers.viewer as Browser).get('/')
    expect(page.statusCode).toBe(200)
    expect(text(yourWork(page.body))).toContain(
      'Your Safer account is not linked to anyone named in the action plans, so Safer cannot show you the deliverables you lead. If you lead any, ask your Safer administrator to link your account to your name in the plans.',
    )
    expect(deliverableLinks(page.body)).toEqual([])
    expect(page.body).not.toContain('id="plans-overview"')
    // Everyone may read the strategies; only those who may update their own see "My actions".
    expect(navLinks(page.body)).toContain('/strategies')
    expect(navLinks(page.body)).not.toContain('/my-actions')
    expect(navLinks((await (browsers['board-member'] as Browser).get('/')).body)).not.toContain('/my-actions')
  })

  it.each(['partnership-manager', 'admin'])(
    'shows a %s every plan’s red, overdue and never-updated counts by theme, each a link',
    async (role) => {
      const page = await (browsers[role] as Browser).get('/')
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('id="plans-overview"')
      const plan = await t.deps.services.plans.getPlan(planId)
      const links = [
        ...page.body.matchAll(
          /<a class="govuk-link" href="([^"]+)">(\d+)<span class="govuk-visually-hidden"> ([^<]+)<\/span><\/a>/g,
        ),
      ].map((m) => ({ href: decode(m[1] as string), count: Number(m[2]), label: m[3] as string }))
      for (const theme of plan.themes) {
        const inTheme = theme.actions.flatMap((a) => a.deliverables)
        const expected = {
          red: inTheme.filter((d) => d.rag === 'red').length,
          overdue: inTheme.filter((d) => d.flags.overdue).length,
          'no update': inTheme.filter((d) => d.flags.stale).length,
          'never updated': inTheme.filter((d) => d.rag !== 'blue' && d.latestUpdateOn === null).length,
        }
        const filters: Record<string, string> = {
          red: '&rag=red',
          overdue: '&overdue=yes',
          'no update': '&stale=yes',
          'never updated': '&neverUpdated=yes',
        }
        for (const [measure, count] of Object.entries(expected)) {
          const link = links.find((l) => l.label === `${measure}, ${theme.title}`)
          if (count === 0) {
            expect(link).toBeUndefined()
            continue
          }
          expect(link).toEqual({
            href: `/plans/${planId}?${new URLSearchParams({ theme: theme.title })}${filters[measure]}`,
            count,
            label: `${measure}, ${theme.title}`,
          })
        }
      }
      // The red one Helen reported is counted, and its filter shows exactly it.
      const redLink = links.find((l) => l.label.startsWith('red, ') && l.label !== 'red, All themes') as {
        href: string
      }
      expect(deliverableLinks((await (browsers[role] as Browser).get(redLink.href)).body)).toEqual([redId])
      // The plan's own totals exclude the archived deliverable.
      const total = plan.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables)).length
      expect(text(page.body)).toContain(`All themes ${total} `)
    },
  )

  it('gives the plans service’s attention counts for live deliverables only', async () => {
    const [attention] = await t.deps.services.plans.attention()
    const all = await liveDeliverables()
    expect(attention?.plan).toEqual({
      id: planId,
      title: (await t.deps.services.plans.getPlan(planId)).title,
    })
    expect(attention?.total).toEqual({
      deliverables: all.length,
      red: all.filter((d) => d.rag === 'red').length,
      overdue: all.filter((d) => d.flags.overdue).length,
      stale: all.filter((d) => d.flags.stale).length,
      neverUpdated: all.filter((d) => d.rag !== 'blue' && d.latestUpdateOn === null).length,
    })
    expect(all.some((d) => d.id === archivedId)).toBe(false)
    expect(attention?.themes.reduce((n, th) => n + th.deliverables, 0)).toBe(all.length)
  })
})
