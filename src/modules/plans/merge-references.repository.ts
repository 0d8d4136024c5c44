import type { Executor } from '../../db/database.ts'

// SQL for the plans' side of merging two people or two organisations: the leads and leadership
// rows that name a person, and the lead organisation names plans write as text.

const count = (row: { n: number | string } | undefined) => Number(row?.n ?? 0)

export async function countPersonReferences(db: Executor, personId: number) {
  const [leads, leadership] = await Promise.all([
    db
      .selectFrom('deliverable_leads')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('leadership_members')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirst(),
  ])
  return { leads: count(leads), leadership: count(leadership) }
}

export async function countOrganisationNames(db: Executor, names: string[]) {
  if (names.length === 0) return { leadOrganisations: 0, leadership: 0 }
  const [leadOrganisations, leadership] = await Promise.all([
    db
      .selectFrom('deliverable_lead_organisations')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('name', 'in', names)
      .executeTakeFirst(),
    db
      .selectFrom('leadership_members')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organisation', 'in', names)
      .executeTakeFirst(),
  ])
  return { leadOrganisations: count(leadOrganisations), leadership: count(leadership) }
}

/** The plans whose leads or leadership name this person: their change stamps move with the merge. */
export async function plansNamingPerson(db: Executor, personId: number) {
  const viaLeads = await db
    .selectFrom('deliverable_leads')
    .innerJoin('deliverables', 'deliverables.id', 'deliverable_leads.deliverable_id')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .select('plan_themes.plan_id')
    .where('deliverable_leads.person_id', '=', personId)
    .distinct()
    .execute()
  const viaLeadership = await db
    .selectFrom('leadership_members')
    .select('plan_id')
    .where('person_id', '=', personId)
    .where('plan_id', 'is not', null)
    .distinct()
    .execute()
  return [...new Set([...viaLeads.map((r) => r.plan_id), ...viaLeadership.map((r) => r.plan_id as number)])]
}

export async function plansNamingOrganisation(db: Executor, names: string[]) {
  if (names.length === 0) return []
  const viaLeads = await db
    .selectFrom('deliverable_lead_organisations')
    .innerJoin('deliverables', 'deliverables.id', 'deliverable_lead_organisations.deliverable_id')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .select('plan_themes.plan_id')
    .where('deliverable_lead_organisations.name', 'in', names)
    .distinct()
    .execute()
  const viaLeadership = await db
    .selectFrom('leadership_members')
    .select('plan_id')
    .where('organisation', 'in', names)
    .where('plan_id', 'is not', null)
    .distinct()
    .execute()
  return [...new Set([...viaLeads.map((r) => r.plan_id), ...viaLeadership.map((r) => r.plan_id as number)])]
}

export async function movePersonReferences(db: Executor, from: number, into: number) {
  const leads = await db
    .updateTable('deliverable_leads')
    .set({ person_id: into })
    .where('person_id', '=', from)
    .executeTakeFirst()
  const leadership = await db
    .updateTable('leadership_members')
    .set({ person_id: into })
    .where('person_id', '=', from)
    .executeTakeFirst()
  return { leads: Number(leads.numUpdatedRows), leadership: Number(leadership.numUpdatedRows) }
}

export async function renameOrganisation(db: Executor, names: string[], to: string) {
  if (names.length === 0) return { leadOrganisations: 0, leadership: 0 }
  const leadOrganisations = await db
    .updateTable('deliverable_lead_organisations')
    .set({ name: to })
    .where('name', 'in', names)
    .executeTakeFirst()
  const leadership = await db
    .updateTable('leadership_members')
    .set({ organisation: to })
    .where('organisation', 'in', names)
    .executeTakeFirst()
  return {
    leadOrganisations: Number(leadOrganisations.numUpdatedRows),
    leadership: Number(leadership.numUpdatedRows),
  }
}
