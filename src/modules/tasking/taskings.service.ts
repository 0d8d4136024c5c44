import type { Db } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { CrimeService } from '../crime/service.ts'
import type { PartnersService } from '../partners/service.ts'
import * as meetingsRepo from './meetings.repository.ts'
import { requireMayManage, type Who } from './policy.ts'
import { type Place, placeWords, type Tasking, type TaskingHeadline, toTasking } from './records.ts'
import { isUnfinished, reviewingMeeting } from './rules/carry-over.ts'
import type { TaskingMeetingStatus } from './rules/meeting-status.ts'
import { type CohortLookup, viewerOf } from './cohorts.ts'
import { outcomeInput, taskingInput } from './schema.ts'
import * as repo from './taskings.repository.ts'

const STALE =
  'Someone else changed this tasking after you opened it. Check their changes, then make yours again.'

/**
 * Taskings to partner organisations against a place, and their outcomes. A tasking against a cohort
 * (through the risk panels) is to come: it will be another place kind, checked by that module's service.
 */
export function createTaskingsService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  crime: CrimeService,
  cohorts: CohortLookup = () => undefined,
) {
  async function checkPartner(kind: 'person' | 'organisation', id: number | null, field: string) {
    if (id === null) return
    const found = kind === 'person' ? partners.getPerson(id) : partners.getOrganisation(id)
    await found.catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: `Select a ${kind} from the list` })
      throw error
    })
  }

  /**
   * The taskings with their cohorts: the ids always, and the people labelled for the viewer by the
   * cases service when one is given (names for the panel's members, else pseudonyms; each audited).
   */
  async function withCohorts(list: Tasking[], who?: Who): Promise<Tasking[]> {
    const kept = await repo.cohortsOf(
      db,
      list.filter((t) => t.place.kind === 'cohort').map((t) => t.id),
    )
    const source = cohorts()
    const out: Tasking[] = []
    for (const t of list) {
      const c = kept.get(t.id)
      if (!c) {
        out.push(t)
        continue
      }
      const labelled =
        who && source ? await source.cohortLabels(viewerOf(who), c.panelId, c.subjectIds) : null
      out.push({
        ...t,
        cohort: { ...c, members: labelled?.members ?? null, named: labelled?.named ?? false },
      })
    }
    return out
  }

  /** A cohort is checked by the risk panels' service, which gives back the subjects' ids only. */
  async function cohortOf(v: ReturnType<typeof taskingInput.parse>) {
    const source = cohorts()
    if (!source)
      throw new ValidationError({
        placeKind: 'Taskings against a cohort need the risk panels, which are not installed',
      })
    return source.checkCohort(v.cohortPanelId as number, v.cohortSubjectIds)
  }

  /** An LSOA or ward must be one the crime store knows: it is stored by its ONS code and name. */
  async function placeOf(
    v: ReturnType<typeof taskingInput.parse>,
    cohort: { panelName: string } | null,
  ): Promise<Place> {
    if (cohort) return { kind: 'cohort', code: null, name: cohort.panelName, latitude: null, longitude: null }
    if (v.placeKind === 'point')
      return {
        kind: 'point',
        code: null,
        name: v.place ?? `${v.latitude}, ${v.longitude}`,
        latitude: v.latitude,
        longitude: v.longitude,
      }
    if (v.placeKind === 'street')
      return { kind: 'street', code: null, name: v.place as string, latitude: null, longitude: null }
    const area = await crime.analysis
      .resolveArea(v.place as string, v.placeKind as 'lsoa' | 'ward')
      .catch((error) => {
        if (error instanceof ValidationError)
          throw new ValidationError({ place: Object.values(error.fieldErrors)[0] ?? 'No such area' })
        throw error
      })
    return { kind: v.placeKind, code: area.code, name: area.name, latitude: null, longitude: null }
  }

  /** A tasking with its cohort's ids; with the people labelled only for a viewer given. */
  async function getTasking(id: number, who?: Who): Promise<Tasking> {
    const row = await repo.findTasking(db, id)
    if (!row) throw new NotFoundError('Tasking')
    return (await withCohorts([toTasking(row)], who))[0] as Tasking
  }

  /**
   * A tasking in a line, for another module that keeps its id (a critical incident's link): what, by
   * whom and where, never a person (a cohort is named by its panel only).
   * @example taskings.taskingHeadline(12) // { id: 12, meetingId: 3, month: '2026-02', title: 'Met Police: weapon sweep (Ward: Peckham)' }
   */
  async function taskingHeadline(id: number): Promise<TaskingHeadline> {
    const t = await getTasking(id)
    const action = t.action.length > 80 ? `${t.action.slice(0, 79)}…` : t.action
    return {
      id,
      meetingId: t.raisedAtMeetingId,
      month: t.raisedMonth,
      title: `${t.organisationName}: ${action} (${placeWords(t.place)})`,
    }
  }

  async function listTaskings(filter: { status?: string } = {}, who?: Who): Promise<Tasking[]> {
    const all = await withCohorts((await repo.listTaskings(db)).map(toTasking), who)
    return filter.status ? all.filter((t) => t.status === filter.status) : all
  }

  async function raiseTasking(who: Who, meetingId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'record a tasking')
    const v = parseInput(taskingInput, input)
    const meeting = await meetingsRepo.findMeeting(db, meetingId)
    if (!meeting) throw new NotFoundError('Tasking meeting')
    if (meeting.status === 'cancelled')
      throw new ValidationError({
        form: 'This meeting was cancelled: record taskings at a meeting that takes place',
      })
    await checkPartner('organisation', v.organisationId, 'organisationId')
    await checkPartner('person', v.officerPersonId, 'officerPersonId')
    const cohort = v.placeKind === 'cohort' ? await cohortOf(v) : null
    const place = await placeOf(v, cohort)
    const values: repo.TaskingValues = {
      raised_at_meeting_id: meetingId,
      organisation_id: v.organisationId,
      officer_person_id: v.officerPersonId,
      place_kind: place.kind,
      place_code: place.code,
      place_name: place.name,
      latitude: place.latitude,
      longitude: place.longitude,
      action: v.action,
      expected_result: v.expectedResult,
      due_date: v.dueDate,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertTasking(trx, values, new Date().toISOString())
      if (cohort) await repo.insertCohort(trx, id, cohort.panelId, cohort.subjectIds)
      await audit.record(trx, who.actor, {
        action: 'tasking.create',
        entityType: 'tasking',
        entityId: id,
        after: cohort
          ? { ...values, cohort_panel_id: cohort.panelId, cohort_subject_ids: cohort.subjectIds }
          : values,
      })
      return id
    })
  }

  /**
   * Records a tasking's outcome (or sets it open again). The outcome belongs to the meeting that is
   * reviewing the tasking: the next one scheduled after the meeting that raised it (rules/carry-over.ts).
   */
  async function recordOutcome(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'record a tasking’s outcome')
    const v = parseInput(outcomeInput, input)
    const before = await getTasking(id)
    const meetings = (await repo.meetingRefs(db)).map((m) => ({
      ...m,
      status: m.status as TaskingMeetingStatus,
    }))
    const reviewing = reviewingMeeting(before, meetings)
    const unfinished = isUnfinished(v.status)
    const values: repo.OutcomeValues = {
      status: v.status,
      actual_result: v.actualResult,
      not_done_reason: v.status === 'not-done' ? v.notDoneReason : null,
      resolved_at_meeting_id: unfinished ? null : (reviewing?.id ?? null),
    }
    await db.transaction().execute(async (trx) => {
      if (!(await repo.setOutcome(trx, id, v.version, values, new Date().toISOString())))
        throw new ConflictError(STALE, before)
      await audit.record(trx, who.actor, {
        action: 'tasking.outcome',
        entityType: 'tasking',
        entityId: id,
        before: {
          status: before.status,
          actual_result: before.actualResult,
          not_done_reason: before.notDoneReason,
          resolved_at_meeting_id: before.resolvedAtMeetingId,
        },
        after: values,
      })
    })
  }

  return { getTasking, taskingHeadline, listTaskings, raiseTasking, recordOutcome, withCohorts }
}
