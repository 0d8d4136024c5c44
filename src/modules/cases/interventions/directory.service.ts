import { isUniqueViolation } from '../../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import { mayManageDirectory, requireMayManageDirectory } from './directory-policy.ts'
import { capacity } from './episode-rules.ts'
import type { Intervention } from './intervention.ts'
import * as repo from './interventions.repository.ts'
import {
  directoryFilter,
  INTERVENTION_KIND_LABELS,
  type InterventionInput,
  type InterventionKind,
  interventionChanges,
  interventionInput,
} from './schema.ts'

const NAME_TAKEN = { name: 'A service with this name is already in the directory' }
const STALE =
  'Someone else changed this service after you opened it. Check their changes, then make yours again.'

/** The interventions directory: services partners offer, with the places their open episodes hold. */
export function createDirectoryService({ db, audit, partners, now }: CasesContext, panels: PanelsService) {
  async function toInterventions(rows: repo.InterventionRow[]): Promise<Intervention[]> {
    const ids = rows.map((r) => r.id)
    const [served, usage] = await Promise.all([
      repo.panelsOfInterventions(db, ids),
      repo.usageOfInterventions(db, ids),
    ])
    const count = (id: number, outcome: string) =>
      Number(usage.find((u) => u.intervention_id === id && u.referral_outcome === outcome)?.n ?? 0)
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      provider: { id: r.provider_organisation_id, name: r.provider_name, shortName: r.provider_short_name },
      kind: r.kind as InterventionKind,
      kindLabel: INTERVENTION_KIND_LABELS[r.kind as InterventionKind] ?? r.kind,
      description: r.description,
      eligibility: r.eligibility,
      referralRoute: r.referral_route,
      contact: r.contact,
      panels: served.filter((p) => p.intervention_id === r.id).map((p) => ({ id: p.id, name: p.name })),
      capacity: capacity(r.places, count(r.id, 'accepted')),
      awaiting: count(r.id, 'pending'),
      version: r.version,
    }))
  }

  async function listInterventions(filter: unknown = {}): Promise<Intervention[]> {
    const v = parseInput(directoryFilter, filter)
    const rows = await repo.listInterventions(db, {
      kind: v.kind || undefined,
      panelId: typeof v.panel === 'number' ? v.panel : undefined,
    })
    // In the order a reader expects, whatever the database's collation.
    return toInterventions(rows.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')))
  }

  async function getIntervention(id: number): Promise<Intervention> {
    const row = await repo.findIntervention(db, id)
    if (!row) throw new NotFoundError('Service')
    return (await toInterventions([row]))[0] as Intervention
  }

  async function check(v: InterventionInput) {
    await partners.getOrganisation(v.providerOrganisationId).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ providerOrganisationId: 'Select the organisation that provides it' })
      throw error
    })
    const known = new Set((await panels.listPanels()).map((p) => p.id))
    if (v.panelIds.some((id) => !known.has(id)))
      throw new ValidationError({ panelIds: 'Select the panels it serves from the list' })
  }

  const values = (v: InterventionInput): repo.InterventionValues => ({
    name: v.name,
    provider_organisation_id: v.providerOrganisationId,
    kind: v.kind,
    description: v.description,
    eligibility: v.eligibility,
    referral_route: v.referralRoute,
    places: v.places,
    contact: v.contact,
  })
  const nameTaken = (error: unknown): never => {
    if (isUniqueViolation(error, 'case_interventions', 'name')) throw new ValidationError(NAME_TAKEN)
    throw error
  }

  async function requireManager(who: Who, what: string) {
    requireMayManageDirectory(who, await panels.listPanels(), what)
  }

  async function createIntervention(who: Who, input: unknown): Promise<number> {
    await requireManager(who, 'add a service to the interventions directory')
    const v = parseInput(interventionInput, input)
    await check(v)
    return db.transaction().execute(async (trx) => {
      if (await repo.findInterventionByName(trx, v.name)) throw new ValidationError(NAME_TAKEN)
      const row = values(v)
      const id = await repo.insertIntervention(trx, row, now().toISOString()).catch(nameTaken)
      await repo.setPanels(trx, id, [...new Set(v.panelIds)])
      await audit.record(trx, who.actor, {
        action: 'case-intervention.create',
        entityType: 'case-intervention',
        entityId: id,
        after: { ...row, panel_ids: v.panelIds },
      })
      return id
    })
  }

  async function updateIntervention(who: Who, id: number, input: unknown): Promise<void> {
    await requireManager(who, 'change a service in the interventions directory')
    const v = parseInput(interventionChanges, input)
    const before = await getIntervention(id)
    await check(v)
    await db.transaction().execute(async (trx) => {
      const clash = await repo.findInterventionByName(trx, v.name)
      if (clash && clash.id !== id) throw new ValidationError(NAME_TAKEN)
      const row = values(v)
      if (!(await repo.updateIntervention(trx, id, v.version, row, now().toISOString()).catch(nameTaken)))
        throw new ConflictError(STALE, before)
      await repo.setPanels(trx, id, [...new Set(v.panelIds)])
      await audit.record(trx, who.actor, {
        action: 'case-intervention.update',
        entityType: 'case-intervention',
        entityId: id,
        before: {
          name: before.name,
          provider_organisation_id: before.provider.id,
          kind: before.kind,
          places: before.capacity.places,
          panel_ids: before.panels.map((p) => p.id),
        },
        after: { ...row, panel_ids: v.panelIds },
      })
    })
  }

  return {
    listInterventions,
    getIntervention,
    createIntervention,
    updateIntervention,
    /** Refuses (403) someone who does not keep the directory: for a page before offering its form. */
    requireMayManageDirectory: (who: Who) => requireManager(who, 'keep the interventions directory'),
    /** Whether the user keeps the directory: for a page deciding whether to offer its forms. */
    mayManageDirectory: async (user: Who['user']) => mayManageDirectory(user, await panels.listPanels()),
  }
}

export type DirectoryService = ReturnType<typeof createDirectoryService>
