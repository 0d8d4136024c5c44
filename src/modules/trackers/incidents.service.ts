import type { Db } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { TaskingService } from '../tasking/service.ts'
import * as repo from './incidents.repository.ts'
import { type Places, placeColumns } from './places.ts'
import { requireMayManage, type Who } from './policy.ts'
import {
  type ChecklistEntry,
  type CriticalIncident,
  type IncidentSummary,
  type LinkedTasking,
  toIncidentSummary,
} from './records.ts'
import { checklistInput, closeInput, incidentInput, linkInput, timelineInput } from './schema.ts'
import type { createTensionsService } from './tensions.service.ts'
import { CHECKLIST, type ChecklistItem } from './words.ts'

type Tensions = Pick<ReturnType<typeof createTensionsService>, 'getAssessment' | 'listAssessments'>

/** The tasking module, when installed: it checks a tasking's number and gives its title. */
export type TaskingLookup = () => Pick<TaskingService, 'taskingHeadline'> | undefined

/** Critical incidents: the post-incident community response checklist, the timeline and the links. */
export function createIncidentsService(
  db: Db,
  audit: AuditService,
  places: Places,
  tensions: Tensions,
  taskings: TaskingLookup = () => undefined,
) {
  /** Each linked tasking with its title; a bare number where tasking is not installed. */
  async function linkedTaskings(ids: number[]): Promise<LinkedTasking[]> {
    const tasking = taskings()
    const found: LinkedTasking[] = []
    for (const id of ids) {
      const headline = tasking
        ? await tasking.taskingHeadline(id).catch((error) => {
            if (error instanceof NotFoundError) return null
            throw error
          })
        : null
      found.push(headline ?? { id, meetingId: null, month: null, title: null })
    }
    return found
  }

  async function summaries(rows: Awaited<ReturnType<typeof repo.listIncidents>>): Promise<IncidentSummary[]> {
    const items = await repo.checklistOf(
      db,
      rows.map((r) => r.id),
    )
    return rows.map((r) => {
      const own = items.filter((i) => i.incident_id === r.id)
      return toIncidentSummary(r, own.filter((i) => i.done_on !== null).length, own.length)
    })
  }

  /**
   * Open (true) or closed (false) critical incidents, latest first.
   * @example incidents.criticalIncidents(true)
   */
  async function criticalIncidents(open?: boolean): Promise<IncidentSummary[]> {
    return summaries(await repo.listIncidents(db, open === undefined ? undefined : open ? 'open' : 'closed'))
  }

  async function getIncident(id: number): Promise<CriticalIncident> {
    const row = await repo.findIncident(db, id)
    if (!row) throw new NotFoundError('Critical incident')
    const [summary] = await summaries([row])
    const links = await repo.linksOf(db, id)
    const linked = new Set(links.flatMap((l) => (l.assessment_id === null ? [] : [l.assessment_id])))
    const taskingIds = links.flatMap((l) => (l.tasking_id === null ? [] : [l.tasking_id]))
    return {
      ...(summary as IncidentSummary),
      summary: row.summary,
      checklist: (await repo.checklistOf(db, [id])).map(
        (i): ChecklistEntry => ({
          item: i.item as ChecklistItem,
          doneBy: i.done_by,
          doneOn: i.done_on,
          note: i.note,
        }),
      ),
      timeline: await repo.timelineOf(db, id),
      tensionAssessments: (await tensions.listAssessments()).filter((a) => linked.has(a.id)),
      taskingIds,
      taskings: await linkedTaskings(taskingIds),
    }
  }

  async function createIncident(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'record a critical incident')
    const v = parseInput(incidentInput, input)
    const values = {
      title: v.title,
      occurred_on: v.occurredOn,
      summary: v.summary,
      ...placeColumns(await places.resolve(v)),
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertIncident(trx, values, new Date().toISOString())
      await repo.insertChecklist(trx, id, Object.keys(CHECKLIST))
      await audit.record(trx, who.actor, {
        action: 'critical-incident.create',
        entityType: 'critical-incident',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  /** The incident, which must be open for its response to change. */
  async function openIncident(trx: Parameters<typeof repo.findIncident>[0], id: number) {
    const row = await repo.findIncident(trx, id)
    if (!row) throw new NotFoundError('Critical incident')
    if (row.status !== 'open')
      throw new ConflictError('This incident’s response is closed: it can no longer change.', null)
    return row
  }

  /** Ticks a checklist item: who did it and when. Ticking again corrects it. */
  async function tickItem(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'tick the response checklist')
    const v = parseInput(checklistInput, input)
    await db.transaction().execute(async (trx) => {
      await openIncident(trx, id)
      const before = (await repo.checklistOf(trx, [id])).find((i) => i.item === v.item)
      const after = { done_by: v.doneBy, done_on: v.doneOn, note: v.note }
      await repo.tick(trx, id, v.item, after)
      await audit.record(trx, who.actor, {
        action: 'critical-incident.checklist',
        entityType: 'critical-incident',
        entityId: id,
        before: before
          ? { item: v.item, done_by: before.done_by, done_on: before.done_on, note: before.note }
          : undefined,
        after: { item: v.item, ...after },
      })
    })
  }

  async function addTimelineEntry(who: Who, id: number, input: unknown): Promise<number> {
    requireMayManage(who, 'add to an incident’s timeline')
    const v = parseInput(timelineInput, input)
    return db.transaction().execute(async (trx) => {
      await openIncident(trx, id)
      const entryId = await repo.insertTimelineEntry(trx, id, v.at, v.entry)
      await audit.record(trx, who.actor, {
        action: 'critical-incident.timeline',
        entityType: 'critical-incident',
        entityId: id,
        after: { entry: entryId, at: v.at, text: v.entry },
      })
      return entryId
    })
  }

  /**
   * Links a tension assessment (checked here) or a tasking (checked through the tasking service and
   * kept by its id; kept as given where tasking is not installed).
   */
  async function addLink(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'link an incident')
    const v = parseInput(linkInput, input)
    if (v.assessmentId !== null)
      await tensions.getAssessment(v.assessmentId).catch((error) => {
        if (error instanceof NotFoundError)
          throw new ValidationError({ assessmentId: 'Select the tension assessment from the list' })
        throw error
      })
    const tasking = taskings()
    if (v.taskingId !== null && tasking)
      await tasking.taskingHeadline(v.taskingId).catch((error) => {
        if (error instanceof NotFoundError)
          throw new ValidationError({ taskingId: 'There is no tasking with that number' })
        throw error
      })
    await db.transaction().execute(async (trx) => {
      await openIncident(trx, id)
      const links = await repo.linksOf(trx, id)
      if (
        links.some(
          (l) =>
            (v.assessmentId !== null && l.assessment_id === v.assessmentId) ||
            (v.taskingId !== null && l.tasking_id === v.taskingId),
        )
      )
        throw new ValidationError({
          [v.assessmentId !== null ? 'assessmentId' : 'taskingId']: 'The incident is already linked to that',
        })
      const link = { assessment_id: v.assessmentId, tasking_id: v.taskingId }
      await repo.insertLink(trx, id, link)
      await audit.record(trx, who.actor, {
        action: 'critical-incident.link',
        entityType: 'critical-incident',
        entityId: id,
        after: link,
      })
    })
  }

  async function closeIncident(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'close an incident’s response')
    const v = parseInput(closeInput, input)
    await db.transaction().execute(async (trx) => {
      const row = await openIncident(trx, id)
      if (v.closedOn < row.occurred_on)
        throw new ValidationError({ closedOn: 'The response closes on or after the day of the incident' })
      await repo.closeIncident(trx, id, v.closedOn, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'critical-incident.close',
        entityType: 'critical-incident',
        entityId: id,
        before: { status: 'open' },
        after: { status: 'closed', closed_on: v.closedOn },
      })
    })
  }

  return {
    criticalIncidents,
    getIncident,
    createIncident,
    tickItem,
    addTimelineEntry,
    addLink,
    closeIncident,
  }
}
