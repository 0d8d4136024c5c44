import type { Executor } from '../../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { ActionsService } from '../actions/actions.service.ts'
import * as assessmentsRepo from '../assessments/assessments.repository.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { requirePanelMember, type Who } from '../policy.ts'
import { caseReader } from '../referrals/case-reader.ts'
import { daysToPanel } from '../referrals/lifecycle.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import type { CaseMeeting, Meeting, MeetingItem, MeetingSummary } from './meeting.ts'
import * as repo from './meetings.repository.ts'
import { discussionInput, MEETING_KIND_LABELS, type MeetingKind, meetingInput } from './schema.ts'

const DISCUSSION = 'meeting.discussion'
const SAFETY_PLAN = 'case.safety-plan'
const STALE = 'Someone else recorded this discussion after you opened the meeting. Reload it, then try again.'

/** Panel meetings: the case list built from accepted referrals and review dates, discussions, heard cases and safety plans. */
export function createMeetingsService(
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
  referrals: Pick<ReferralsService, 'markHeard'>,
  actions: Pick<ActionsService, 'actionsOf'>,
) {
  const { db, audit, cipher, partners, now } = ctx
  const reader = caseReader(ctx, subjects)

  async function meetingAndPanel(who: Who, id: number) {
    const meeting = await repo.findMeeting(db, id)
    if (!meeting) throw new NotFoundError('Meeting')
    const panel = await panels.getPanel(meeting.panel_id)
    requirePanelMember(who, panel)
    return { meeting, panel }
  }

  /** Adds to the list whatever is due and not on it yet: accepted referrals (new or repeat) and reviews. */
  async function fillCaseList(executor: Executor, meetingId: number, panelId: number, meetsOn: string) {
    const due = await repo.dueForMeeting(executor, panelId, meetsOn)
    const onList = new Set((await repo.itemsOf(executor, meetingId)).map((i) => i.referral_id))
    const repeats = await assessmentsRepo.repeatFlags(executor, due.accepted)
    const added: Array<{ referral_id: number; kind: MeetingKind }> = []
    for (const id of due.accepted)
      if (!onList.has(id)) added.push({ referral_id: id, kind: repeats.get(id) ? 'repeat' : 'new' })
    for (const id of due.reviews)
      if (!onList.has(id) && !due.accepted.includes(id)) added.push({ referral_id: id, kind: 'review' })
    for (const a of added) await repo.insertItem(executor, meetingId, a.referral_id, a.kind)
    return added
  }

  async function checkOrganisations(ids: readonly number[]) {
    for (const id of ids)
      await partners.getOrganisation(id).catch((error) => {
        if (error instanceof NotFoundError)
          throw new ValidationError({ organisationIds: 'Select the attending organisations from the list' })
        throw error
      })
  }

  async function createMeeting(who: Who, panelId: number, input: unknown): Promise<number> {
    const panel = await panels.getPanel(panelId).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Meeting') : error
    })
    requirePanelMember(who, panel)
    const v = parseInput(meetingInput, input)
    await checkOrganisations(v.organisationIds)
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertMeeting(trx, panelId, v.meetsOn, now().toISOString())
      await repo.setAttendees(trx, id, v.organisationIds)
      const added = await fillCaseList(trx, id, panelId, v.meetsOn)
      await audit.record(trx, who.actor, {
        action: 'case-meeting.create',
        entityType: 'case-meeting',
        entityId: id,
        after: { panel_id: panelId, meets_on: v.meetsOn, organisation_ids: v.organisationIds, cases: added },
      })
      return id
    })
  }

  /** Cases that have come due since the list was made. */
  async function refreshCaseList(who: Who, id: number): Promise<number> {
    const { meeting } = await meetingAndPanel(who, id)
    return db.transaction().execute(async (trx) => {
      const added = await fillCaseList(trx, id, meeting.panel_id, meeting.meets_on)
      if (added.length)
        await audit.record(trx, who.actor, {
          action: 'case-meeting.case-list',
          entityType: 'case-meeting',
          entityId: id,
          after: { cases: added },
        })
      return added.length
    })
  }

  async function listMeetings(who: Who, panelId: number): Promise<MeetingSummary[]> {
    const panel = await panels.getPanel(panelId).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Meeting') : error
    })
    requirePanelMember(who, panel)
    return (await repo.meetingsOfPanel(db, panelId)).map((m) => ({
      id: m.id,
      panelId,
      meetsOn: m.meets_on,
      cases: Number(m.cases ?? 0),
    }))
  }

  const safetyPlanOf = async (caseId: number) => {
    const row = await repo.safetyPlanOf(db, caseId)
    return row ? cipher.open(SAFETY_PLAN, row.plan_sealed) : null
  }

  /** The meeting with its case list, each case's discussion, safety plan and actions: each case's read is logged on it. */
  async function getMeeting(who: Who, id: number): Promise<Meeting> {
    const { meeting, panel } = await meetingAndPanel(who, id)
    const items = await repo.itemsOf(db, id)
    const rows = (await Promise.all(items.map((i) => referralsRepo.findReferral(db, i.referral_id)))).filter(
      (r) => r !== undefined,
    )
    const summaries = new Map((await reader.summaries(rows)).map((s) => [s.id, s]))
    const allActions = await actions.actionsOf(items.map((i) => i.referral_id))
    const list: MeetingItem[] = []
    for (const i of items) {
      const summary = summaries.get(i.referral_id)
      const row = rows.find((r) => r.id === i.referral_id)
      if (!summary || !row) continue
      list.push({
        caseId: i.referral_id,
        kind: i.kind as MeetingKind,
        kindLabel: MEETING_KIND_LABELS[i.kind as MeetingKind],
        status: summary.status,
        statusLabel: summary.statusLabel,
        referredOn: summary.referredOn,
        daysToPanel: daysToPanel(row.referred_on, row.heard_on),
        subjects: summary.subjects,
        discussion: i.discussion_sealed ? cipher.open(DISCUSSION, i.discussion_sealed) : null,
        discussedAt: i.discussed_at,
        nextReviewOn: i.next_review_on,
        safetyPlan: await safetyPlanOf(i.referral_id),
        actions: allActions.filter((a) => a.caseId === i.referral_id),
      })
    }
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-meeting',
      entityId: id,
      detail: { path: who.via ?? null, cases: list.map((c) => c.caseId) },
    })
    for (const c of list)
      await audit.log(who.actor, {
        action: 'case.meeting.read',
        entityType: 'case',
        entityId: c.caseId,
        detail: { path: who.via ?? null, meeting: id, access: 'member' },
      })
    return {
      id,
      panelId: panel.id,
      panelName: panel.name,
      meetsOn: meeting.meets_on,
      attendees: await repo.attendeesOf(db, id),
      items: list,
      owners: {
        organisations: panel.organisations,
        members: [
          { id: panel.chair.id, name: panel.chair.name, organisationName: '' },
          ...panel.members.map((m) => ({ id: m.id, name: m.name, organisationName: m.organisationName })),
        ],
      },
    }
  }

  /** The panel's discussion of one case on the list; a new case is heard, dated the meeting; the safety plan kept current. */
  async function recordDiscussion(who: Who, id: number, input: unknown): Promise<void> {
    const { meeting } = await meetingAndPanel(who, id)
    const v = parseInput(discussionInput, input)
    const item = await repo.itemOf(db, id, v.caseId)
    if (!item) throw new ValidationError({ caseId: 'Select a case on this meeting’s list' })
    if (meeting.meets_on > londonToday(now()))
      throw new ValidationError({
        discussion: 'This meeting has not happened yet: record its discussions on the day or after',
      })
    if (v.nextReviewOn && v.nextReviewOn <= meeting.meets_on)
      throw new ValidationError({ nextReviewOn: 'The next review must be after this meeting' })
    const referral = await referralsRepo.findReferral(db, v.caseId)
    if (v.heard && referral?.status === 'accepted') await referrals.markHeard(who, v.caseId, meeting.meets_on)
    await db.transaction().execute(async (trx) => {
      const values = {
        discussion_sealed: cipher.seal(DISCUSSION, v.discussion),
        discussed_at: now().toISOString(),
        next_review_on: v.nextReviewOn,
      }
      if (!(await repo.recordDiscussion(trx, item.id, item.version, values)))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: 'case.discussion',
        entityType: 'case',
        entityId: v.caseId,
        before: {
          meeting: id,
          discussion_sealed: item.discussion_sealed ? 'written' : null,
          next_review_on: item.next_review_on,
        },
        after: {
          meeting: id,
          discussion_sealed: item.discussion_sealed ? 'changed' : 'written',
          next_review_on: v.nextReviewOn,
        },
      })
      if (v.safetyPlan) {
        const existed = await repo.saveSafetyPlan(
          trx,
          v.caseId,
          cipher.seal(SAFETY_PLAN, v.safetyPlan),
          who.user?.id ?? null,
          now().toISOString(),
        )
        await audit.record(trx, who.actor, {
          action: 'case.safety-plan',
          entityType: 'case',
          entityId: v.caseId,
          after: { plan_sealed: existed ? 'changed' : 'written' },
        })
      }
    })
  }

  /** A case's meetings and safety plan, for its page: called only once the policy let the reader in. */
  async function meetingsOfCase(
    caseId: number,
  ): Promise<{ meetings: CaseMeeting[]; safetyPlan: string | null }> {
    const rows = await repo.meetingsOfReferral(db, caseId)
    return {
      meetings: rows.map((r) => ({
        meetingId: r.meeting_id,
        meetsOn: r.meets_on,
        kind: r.kind as MeetingKind,
        kindLabel: MEETING_KIND_LABELS[r.kind as MeetingKind],
        discussion: r.discussion_sealed ? cipher.open(DISCUSSION, r.discussion_sealed) : null,
        discussedAt: r.discussed_at,
        nextReviewOn: r.next_review_on,
      })),
      safetyPlan: await safetyPlanOf(caseId),
    }
  }

  return { createMeeting, refreshCaseList, listMeetings, getMeeting, recordDiscussion, meetingsOfCase }
}

export type MeetingsService = ReturnType<typeof createMeetingsService>
