import { can } from '../../../access/permissions.ts'
import { isUniqueViolation } from '../../../db/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import { requireMayManagePanels, type Who } from '../policy.ts'
import * as repo from './panels.repository.ts'
import { type Panel, toPanel } from './panel.ts'
import { panelChanges, panelInput } from './schema.ts'

const NAME_TAKEN = { name: 'A panel with this name already exists' }
const STALE =
  'Someone else changed this panel after you opened it. Check their changes, then make yours again.'

// Setting a panel up is an administrator's or partnership manager's job, and gives them no right to
// read its cases: only membership does (policy.ts).
export function createPanelsService({ db, audit, users, partners, now }: CasesContext) {
  async function checkUser(id: number, field: string, what: string) {
    const user = await users.get(id).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: `Select the ${what} from the list` })
      throw error
    })
    if (user.disabledAt) throw new ValidationError({ [field]: `${user.name}’s account is disabled` })
    if (!can(user.role, 'cases:view'))
      throw new ValidationError({
        [field]: `${user.name}’s role cannot use the risk panels: change their role first`,
      })
  }

  async function check(v: ReturnType<typeof panelInput.parse>) {
    await checkUser(v.chairUserId, 'chairUserId', 'chair')
    for (const id of v.memberUserIds) await checkUser(id, 'memberUserIds', 'members')
    for (const id of v.organisationIds)
      await partners.getOrganisation(id).catch((error) => {
        if (error instanceof NotFoundError)
          throw new ValidationError({ organisationIds: 'Select the member organisations from the list' })
        throw error
      })
  }

  const values = (v: ReturnType<typeof panelInput.parse>): repo.PanelValues => ({
    name: v.name,
    type: v.type,
    terms_of_reference: v.termsOfReference,
    chair_user_id: v.chairUserId,
    cadence: v.cadence,
    isa_parties: JSON.stringify(v.isaParties),
    isa_legal_basis: v.isaLegalBasis,
    isa_review_date: v.isaReviewDate,
    retention_years: v.retentionYears,
    escalation_incidents: v.escalationIncidents,
  })
  // The chair is a member by being chair; stored once.
  const memberIds = (v: ReturnType<typeof panelInput.parse>) =>
    [...new Set(v.memberUserIds)].filter((id) => id !== v.chairUserId)

  const nameTaken = (error: unknown): never => {
    if (isUniqueViolation(error, 'case_panels', 'name')) throw new ValidationError(NAME_TAKEN)
    throw error
  }

  async function getPanel(id: number): Promise<Panel> {
    const row = await repo.findPanel(db, id)
    if (!row) throw new NotFoundError('Panel')
    const members = (await repo.listMembers(db, id)).map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      organisationName: m.organisation_name,
    }))
    return toPanel(row, members, await repo.listOrganisations(db, id), londonToday(now()))
  }

  async function listPanels(): Promise<Panel[]> {
    return Promise.all((await repo.listPanels(db)).map((row) => getPanel(row.id)))
  }

  async function createPanel(who: Who, input: unknown): Promise<number> {
    requireMayManagePanels(who, 'set up a risk panel')
    const v = parseInput(panelInput, input)
    await check(v)
    return db.transaction().execute(async (trx) => {
      if (await repo.findPanelByName(trx, v.name)) throw new ValidationError(NAME_TAKEN)
      const row = values(v)
      const id = await repo.insertPanel(trx, row, now().toISOString()).catch(nameTaken)
      await repo.setMembers(trx, id, memberIds(v))
      await repo.setOrganisations(trx, id, v.organisationIds)
      await audit.record(trx, who.actor, {
        action: 'case-panel.create',
        entityType: 'case-panel',
        entityId: id,
        after: { ...row, member_user_ids: memberIds(v), organisation_ids: v.organisationIds },
      })
      return id
    })
  }

  async function updatePanel(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManagePanels(who, 'change a risk panel')
    const v = parseInput(panelChanges, input)
    const before = await getPanel(id)
    await check(v)
    await db.transaction().execute(async (trx) => {
      const clash = await repo.findPanelByName(trx, v.name)
      if (clash && clash.id !== id) throw new ValidationError(NAME_TAKEN)
      const row = values(v)
      if (!(await repo.updatePanel(trx, id, v.version, row, now().toISOString()).catch(nameTaken)))
        throw new ConflictError(STALE, before)
      await repo.setMembers(trx, id, memberIds(v))
      await repo.setOrganisations(trx, id, v.organisationIds)
      await audit.record(trx, who.actor, {
        action: 'case-panel.update',
        entityType: 'case-panel',
        entityId: id,
        before: {
          name: before.name,
          type: before.type,
          chair_user_id: before.chairUserId,
          member_user_ids: before.memberUserIds,
          organisation_ids: before.organisations.map((o) => o.id),
          isa_legal_basis: before.isa.legalBasis,
          isa_review_date: before.isa.reviewDate,
          retention_years: before.retentionYears,
          escalation_incidents: before.escalationIncidents,
        },
        after: { ...row, member_user_ids: memberIds(v), organisation_ids: v.organisationIds },
      })
    })
  }

  return { getPanel, listPanels, createPanel, updatePanel }
}

export type PanelsService = ReturnType<typeof createPanelsService>
