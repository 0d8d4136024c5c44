import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import * as meetingsRepo from '../meetings/meetings.repository.ts'
import { ACTION_STATUS_LABELS, type ActionStatus, actionInput, actionUpdate } from '../meetings/schema.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { isPanelMember, requirePanelMember, type Who } from '../policy.ts'
import type { ActionRow } from './actions.repository.ts'
import * as repo from './actions.repository.ts'
import type { CaseAction } from './case-action.ts'

const ACTION = 'action.text'
const RESULT = 'action.result'
const STALE = 'Someone else changed this action after you opened it. Reload the page, then try again.'

/** Actions agreed at a panel meeting: owned inside the panel, read by its members, overdue ones flagged to their owners. */
export function createActionsService({ db, audit, cipher, users, now }: CasesContext, panels: PanelsService) {
  const today = () => londonToday(now())

  const toAction = (r: ActionRow): CaseAction => ({
    id: r.id,
    caseId: r.referral_id,
    meetingId: r.meeting_id,
    action: cipher.open(ACTION, r.action_sealed),
    ownerOrganisation: { id: r.owner_organisation_id, name: r.organisation_name },
    owner: { id: r.owner_user_id, name: r.owner_name },
    dueOn: r.due_on,
    status: r.status as ActionStatus,
    statusLabel: ACTION_STATUS_LABELS[r.status as ActionStatus],
    result: r.result_sealed ? cipher.open(RESULT, r.result_sealed) : null,
    overdue: r.status === 'open' && r.due_on < today(),
    version: r.version,
  })

  /** An action for a case on the meeting's list, owned by one of the panel's organisations and one of its members. */
  async function addAction(who: Who, meetingId: number, input: unknown): Promise<number> {
    const meeting = await meetingsRepo.findMeeting(db, meetingId)
    if (!meeting) throw new NotFoundError('Meeting')
    const panel = await panels.getPanel(meeting.panel_id)
    requirePanelMember(who, panel)
    const v = parseInput(actionInput, input)
    const errors: Record<string, string> = {}
    if (!(await meetingsRepo.itemOf(db, meetingId, v.caseId)))
      errors.caseId = 'Select a case on this meeting’s list'
    if (!panel.organisations.some((o) => o.id === v.ownerOrganisationId))
      errors.ownerOrganisationId = 'The owner must be one of the panel’s member organisations'
    const owner = await users.get(v.ownerUserId).catch(() => null)
    if (!owner || !isPanelMember({ id: owner.id, role: owner.role }, panel))
      errors.ownerUserId = 'The owner must be a member of the panel: someone outside it cannot read the case'
    else if (owner.organisationId !== v.ownerOrganisationId && !errors.ownerOrganisationId)
      errors.ownerUserId = `${owner.name} is not in the organisation chosen`
    if (Object.keys(errors).length) throw new ValidationError(errors)
    const values: repo.ActionValues = {
      referral_id: v.caseId,
      meeting_id: meetingId,
      action_sealed: cipher.seal(ACTION, v.action),
      owner_organisation_id: v.ownerOrganisationId,
      owner_user_id: v.ownerUserId,
      due_on: v.dueOn,
      status: 'open',
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertAction(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.action',
        entityType: 'case',
        entityId: v.caseId,
        after: { action: id, ...values, action_sealed: 'written' },
      })
      return id
    })
  }

  /** Its status and result, by any member of the panel (the owner is one). */
  async function updateAction(who: Who, id: number, input: unknown): Promise<number> {
    const row = await repo.findAction(db, id)
    if (!row) throw new NotFoundError('Action')
    requirePanelMember(who, await panels.getPanel(row.panel_id), 'Action')
    const v = parseInput(actionUpdate, input)
    if (v.status === 'not-done' && !v.result)
      throw new ValidationError({ result: 'Say why the action was not done' })
    await db.transaction().execute(async (trx) => {
      const changes = { status: v.status, result_sealed: v.result ? cipher.seal(RESULT, v.result) : null }
      if (!(await repo.updateAction(trx, id, v.version, changes, now().toISOString())))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: 'case.action.update',
        entityType: 'case',
        entityId: row.referral_id,
        before: { action: id, status: row.status, result_sealed: row.result_sealed ? 'written' : null },
        after: { action: id, status: v.status, result_sealed: v.result ? 'changed' : null },
      })
    })
    return row.referral_id
  }

  /** A case's actions: called only once the policy let the reader in. */
  const actionsOf = async (caseIds: readonly number[]) =>
    (await repo.actionsOfReferrals(db, caseIds)).map(toAction)

  const panelsSatOn = async (who: Who) =>
    (await panels.listPanels()).filter((p) => isPanelMember(who.user, p)).map((p) => p.id)

  /** "My case actions": the user's own, on panels they still sit on, each read written to its case's log. */
  async function myActions(who: Who): Promise<CaseAction[]> {
    if (!who.user) return []
    const list = (await repo.actionsOwnedBy(db, who.user.id, await panelsSatOn(who))).map(toAction)
    for (const caseId of new Set(list.map((a) => a.caseId)))
      await audit.log(who.actor, {
        action: 'case.actions.read',
        entityType: 'case',
        entityId: caseId,
        detail: { path: who.via ?? null, access: 'member' },
      })
    return list
  }

  /** How many of the user's actions are overdue: a count for their home page, reading no case. */
  async function overdueActions(who: Who): Promise<number> {
    if (!who.user) return 0
    return repo.countOverdue(db, who.user.id, await panelsSatOn(who), today())
  }

  return { addAction, updateAction, actionsOf, myActions, overdueActions }
}

export type ActionsService = ReturnType<typeof createActionsService>
