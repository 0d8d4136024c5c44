import type { Db } from '../../db/database.ts'
import { ConflictError, NotFoundError } from '../../shared/errors.ts'
import { londonToday } from '../../shared/london-day.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import * as repo from './events.repository.ts'
import { checkOrganisations, partnersByOwner } from './partners-check.ts'
import { type Places, placeColumns } from './places.ts'
import { requireMayManage, type Who } from './policy.ts'
import { type EventSummary, type TrackedEvent, toEvent, toEventSummary } from './records.ts'
import { eventChanges, eventInput } from './schema.ts'

const STALE =
  'Someone else changed this event after you opened it. Check their changes, then make yours again.'

export interface EventsQuery {
  /** upcoming (not yet over, soonest first) or past (over, latest first). */
  when?: 'upcoming' | 'past'
  eventType?: string
  riskLevel?: string
}

/** The events tracker: events of risk, their plan and outcome, and the partners told of them. */
export function createEventsService(db: Db, audit: AuditService, partners: PartnersService, places: Places) {
  async function summaries(rows: Awaited<ReturnType<typeof repo.listEvents>>): Promise<EventSummary[]> {
    const partnersOf = partnersByOwner(
      await repo.eventPartners(
        db,
        rows.map((r) => r.id),
      ),
    )
    return rows.map((r) => toEventSummary(r, partnersOf(r.id)))
  }

  /**
   * Upcoming or past events, with filters.
   * @example events.listEvents({ when: 'upcoming', riskLevel: 'high' })
   */
  async function listEvents(q: EventsQuery = {}, today = londonToday()): Promise<EventSummary[]> {
    const when = q.when === 'past' ? { before: today } : { onOrAfter: today }
    return summaries(await repo.listEvents(db, { ...when, eventType: q.eventType, riskLevel: q.riskLevel }))
  }

  /**
   * Events not over by `from` that start by `to` (YYYY-MM-DD), soonest first: the tasking meeting's agenda.
   * @example events.upcomingEvents('2026-12-01', '2026-12-31')
   */
  async function upcomingEvents(from: string, to: string): Promise<EventSummary[]> {
    return summaries(await repo.listEvents(db, { onOrAfter: from, to }))
  }

  async function getEvent(id: number): Promise<TrackedEvent> {
    const row = await repo.findEvent(db, id)
    if (!row) throw new NotFoundError('Event')
    return toEvent(row, partnersByOwner(await repo.eventPartners(db, [id]))(id))
  }

  async function valuesOf(v: ReturnType<typeof eventInput.parse>): Promise<repo.EventValues> {
    await checkOrganisations(partners, v.partnerIds, 'partnerIds')
    return {
      title: v.title,
      event_type: v.eventType,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      risk_level: v.riskLevel,
      description: v.description,
      plan: v.plan,
      outcome: v.outcome,
      ...placeColumns(await places.resolve(v)),
    }
  }

  async function createEvent(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'add an event')
    const v = parseInput(eventInput, input)
    const values = await valuesOf(v)
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertEvent(trx, values, new Date().toISOString())
      await repo.setEventPartners(trx, id, v.partnerIds)
      await audit.record(trx, who.actor, {
        action: 'tracker-event.create',
        entityType: 'tracker-event',
        entityId: id,
        after: { ...values, partners: v.partnerIds },
      })
      return id
    })
  }

  async function updateEvent(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'change an event')
    const v = parseInput(eventChanges, input)
    const values = await valuesOf(v)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findEvent(trx, id)
      if (!before) throw new NotFoundError('Event')
      const partnersBefore = (await repo.eventPartners(trx, [id])).map((p) => p.id)
      if (!(await repo.updateEvent(trx, id, v.version, values, new Date().toISOString())))
        throw new ConflictError(STALE, toEvent(before, []))
      await repo.setEventPartners(trx, id, v.partnerIds)
      const { created_at: _c, updated_at: _u, version: _v, id: _i, ...old } = before
      await audit.record(trx, who.actor, {
        action: 'tracker-event.update',
        entityType: 'tracker-event',
        entityId: id,
        before: { ...old, partners: partnersBefore },
        after: { ...values, partners: v.partnerIds },
      })
    })
  }

  return { listEvents, upcomingEvents, getEvent, createEvent, updateEvent }
}
