import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// Seed 003 spells Simon Messinger two ways; after an administrator merges the duplicate, every
// reference names the survivor, the old id leads to them, and a re-import finds them.

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

describe.each(DIALECTS)('merging duplicate people and organisations on %s', (dialect) => {
  let t: TestApp
  let planId: number
  let admin: Browser
  const db = () => t.deps.database.db

  const personId = async (name: string) => {
    const found = (await t.deps.services.partners.listPeople()).find((p) => p.name === name)
    if (!found) throw new Error(`${name} is not among the people`)
    return found.id
  }
  const references = async (id: number) => ({
    leads: (
      await db()
        .selectFrom('deliverable_leads')
        .select('deliverable_id')
        .where('person_id', '=', id)
        .execute()
    ).length,
    leadership: (
      await db().selectFrom('leadership_members').select('id').where('person_id', '=', id).execute()
    ).length,
    accounts: (await db().selectFrom('users').select('id').where('person_id', '=', id).execute()).length,
  })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    planId = (
      await t.deps.services.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    ).planId as number
    admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
  })
  afterAll(() => t.close())

  it('moves every reference to the person kept, audits it, and leads the old id to the survivor', async () => {
    const duplicate = await personId('Simon Messenger')
    const survivor = await personId('Simon Messinger')
    const before = { duplicate: await references(duplicate), survivor: await references(survivor) }
    expect(before.duplicate.leads + before.duplicate.leadership).toBeGreaterThan(0)
    // The duplicate has the account: it moves with the merge.
    const lead = await t.deps.services.users.get(t.userIds.lead)
    await t.deps.services.users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: lead.name,
      organisationId: lead.organisationId,
      role: 'lead',
      personId: duplicate,
      version: lead.version,
    })
    const version = (await t.deps.services.plans.getPlan(planId)).version

    // Choose the survivor (the near name is offered first), see what moves, confirm.
    const choose = await admin.get(`/admin/people/${duplicate}/merge`)
    expect(choose.statusCode).toBe(200)
    // The page lists every person to choose from: audited as a read of the people list.
    expect((await t.deps.services.audit.search({ action: 'viewed' }, 1, 1)).rows[0]).toMatchObject({
      entity_type: 'people',
    })
    expect(text(choose.body)).toMatch(/Choose a person\s+Simon Messinger \(looks like the same name\)/)
    const check = await admin.get(`/admin/people/${duplicate}/merge?into=${survivor}`)
    expect(text(check.body)).toContain(`Deliverables naming them as a lead ${before.duplicate.leads}`)
    expect(text(check.body)).toContain('User account linked to them 1')
    const done = await admin.post(`/admin/people/${duplicate}/merge`, { into: String(survivor) })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(
      `/admin/people/${survivor}?notice=Simon%20Messenger%20merged%20into%20Simon%20Messinger`,
    )

    expect(await references(duplicate)).toEqual({ leads: 0, leadership: 0, accounts: 0 })
    expect(await references(survivor)).toEqual({
      leads: before.survivor.leads + before.duplicate.leads,
      leadership: before.survivor.leadership + before.duplicate.leadership,
      accounts: 1,
    })
    expect((await t.deps.services.users.get(lead.id)).personId).toBe(survivor)
    expect((await t.deps.services.plans.getPlan(planId)).version).toBeGreaterThan(version)
    const log = await t.deps.services.audit.search({ action: 'person.merge' }, 1)
    expect(log.rows[0]).toMatchObject({ entity_type: 'person', entity_id: String(survivor) })

    const old = await admin.get(`/admin/people/${duplicate}`)
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe(`/admin/people/${survivor}`)
    const page = text((await admin.get(`/admin/people/${survivor}`)).body)
    expect(page).toContain('Merged into this record')
    expect(page).toContain(`Simon Messenger (record ${duplicate}), merged`)
    expect((await t.deps.services.partners.listPeople()).map((p) => p.name)).not.toContain('Simon Messenger')

    // The spreadsheet still spells it the old way: imported again, it names the survivor, and no one new.
    const people = (await t.deps.services.partners.listPeople()).length
    await t.deps.services.planImport.importPlan(TEST_ACTOR, {
      fileName: 'plan.tsv',
      content: seed003(),
      replace: true,
    })
    expect((await t.deps.services.partners.listPeople()).length).toBe(people)
    expect((await references(duplicate)).leads).toBe(0)
  })

  it('refuses to merge two people who each have an account, saying what to do', async () => {
    const gordon = await personId('Gordon McCullough')
    const gordan = await personId('Gordan McCullough')
    const manager = await t.deps.services.users.get(t.userIds['partnership-manager'])
    const viewer = await t.deps.services.users.get(t.userIds.viewer)
    for (const [user, person] of [
      [manager, gordon],
      [viewer, gordan],
    ] as const) {
      await t.deps.services.users.update(TEST_ACTOR, user.id, {
        email: user.email,
        name: user.name,
        organisationId: user.organisationId,
        role: user.role,
        personId: person,
        version: user.version,
      })
    }
    const before = await references(gordan)
    const refused = await admin.post(`/admin/people/${gordan}/merge`, { into: String(gordon) })
    expect(refused.statusCode).toBe(400)
    expect(text(refused.body)).toContain(
      'Both have a user account (viewer@test.example and partnership-manager@test.example)',
    )
    expect(await references(gordan)).toEqual(before)
    await expect(t.deps.services.merges.merge(TEST_ACTOR, 'person', gordan, gordan)).rejects.toThrow(
      /cannot be merged into itself/,
    )
  })

  it('merges two organisations: people, accounts and the plans’ lead organisation names move', async () => {
    const { partners } = t.deps.services
    const csp = await partners.createOrganisation(TEST_ACTOR, {
      name: 'LBS Community Safety & Partnerships (CS&P)',
      shortName: 'LBS CS&P',
      type: 'council',
    })
    const council = await partners.createOrganisation(TEST_ACTOR, {
      name: 'Southwark Council',
      shortName: 'LBS',
      type: 'council',
    })
    const analyst = await partners.createPerson(TEST_ACTOR, { name: 'An Analyst', organisationId: csp })
    const named = async (name: string) =>
      (
        await db()
          .selectFrom('deliverable_lead_organisations')
          .select('deliverable_id')
          .where('name', '=', name)
          .execute()
      ).length
    const before = {
      short: await named('LBS CS&P'),
      long: await named('LBS Community Safety & Partnerships (CS&P)'),
      lbs: await named('LBS'),
    }
    expect(before.short).toBeGreaterThan(0)
    expect(before.long).toBeGreaterThan(0)

    const preview = await t.deps.services.merges.preview('organisation', csp, council)
    expect(preview.moves.find((m) => m.what.startsWith('Deliverables naming it'))?.count).toBe(
      before.short + before.long,
    )
    const api = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${csp}/merge`,
      payload: { into: council },
      headers: { authorization: `Bearer ${await adminToken()}` },
    })
    expect(api.statusCode).toBe(200)

    expect({
      short: await named('LBS CS&P'),
      long: await named('LBS Community Safety & Partnerships (CS&P)'),
      lbs: await named('LBS'),
    }).toEqual({
      short: 0,
      long: 0,
      lbs: before.lbs + before.short + before.long,
    })
    expect((await partners.getPerson(analyst)).organisationId).toBe(council)
    expect((await t.deps.services.audit.search({ action: 'organisation.merge' }, 1)).rows[0]?.entity_id).toBe(
      String(council),
    )
    const old = await admin.get(`/admin/organisations/${csp}`)
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe(`/admin/organisations/${council}`)
    expect(text((await admin.get(`/admin/organisations/${council}`)).body)).toContain(
      `LBS Community Safety & Partnerships (CS&P) (record ${csp}), merged`,
    )
    expect((await partners.listOrganisations()).map((o) => o.id)).not.toContain(csp)
  })

  async function adminToken() {
    const user = await t.deps.services.users.get(t.userIds.admin)
    return (
      await t.deps.services.auth.createToken(
        { ...user, organisationName: 'Test Council', personId: null },
        'merge test',
        TEST_ACTOR,
      )
    ).token
  }
})
