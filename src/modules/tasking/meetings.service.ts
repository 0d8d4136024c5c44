import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { CrimeService } from '../crime/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { buildBriefing } from './briefing/build.ts'
import type { BriefingFigures } from './briefing/model.ts'
import { type AgendaSource, agendaFor } from './agenda.ts'
import * as repo from './meetings.repository.ts'
import { requireMayManage, type Who } from './policy.ts'
import {
  type Attendee,
  type Briefing,
  DEFAULT_SETTINGS,
  type TaskingMeeting,
  type TaskingMeetingSummary,
  type TaskingSettings,
  toMeetingSummary,
  toTasking,
} from './records.ts'
import { forReview, toCarryOver } from './rules/carry-over.ts'
import { mayMoveMeeting, nextMeetingStatuses } from './rules/meeting-status.ts'
import { attendeeInput, commentaryInput, meetingInput, settingsInput, statusInput } from './schema.ts'
import * as taskingsRepo from './taskings.repository.ts'

const MONTH_TAKEN = { month: 'There is already a tasking meeting for this month' }

export interface MeetingsDeps {
  db: Db
  audit: AuditService
  partners: PartnersService
  crime: CrimeService
  /** The trackers, when the installation has them (agenda.ts): asked each time, as they may be made after tasking. */
  agenda?: () => AgendaSource | undefined
}

/** Tasking meetings: scheduling, attendance, the briefing and its commentary, and holding them. */
export function createTaskingMeetingsService({ db, audit, partners, crime, agenda }: MeetingsDeps) {
  async function checkPartner(kind: 'person' | 'organisation', id: number | null, field: string) {
    if (id === null) return
    const found = kind === 'person' ? partners.getPerson(id) : partners.getOrganisation(id)
    await found.catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ [field]: `Select a ${kind} from the list` })
      throw error
    })
  }

  async function settings(): Promise<TaskingSettings> {
    const row = await repo.findSettings(db)
    if (!row) return DEFAULT_SETTINGS
    return {
      policeUkTypes: JSON.parse(row.police_uk_types) as string[],
      recordedCategories: JSON.parse(row.recorded_categories) as string[],
      hotspotCount: row.hotspot_count,
      version: row.version,
    }
  }

  async function updateSettings(who: Who, input: unknown): Promise<TaskingSettings> {
    requireMayManage(who, 'change the tasking settings')
    const v = parseInput(settingsInput, input)
    const version = Number((input as { version?: unknown } | null)?.version ?? (await settings()).version)
    const values = {
      police_uk_types: JSON.stringify(v.policeUkTypes),
      recorded_categories: JSON.stringify(v.recordedCategories),
      hotspot_count: v.hotspotCount,
    }
    await db.transaction().execute(async (trx) => {
      const before = await repo.findSettings(trx)
      if (!(await repo.saveSettings(trx, values, before ? version : 0, new Date().toISOString())))
        throw new ConflictError(
          'Someone else changed the tasking settings after you opened them. Check them, then make your change again.',
          null,
        )
      await audit.record(trx, who.actor, {
        action: 'tasking-settings.update',
        entityType: 'tasking-settings',
        entityId: 1,
        before: before
          ? {
              police_uk_types: before.police_uk_types,
              recorded_categories: before.recorded_categories,
              hotspot_count: before.hotspot_count,
            }
          : null,
        after: values,
      })
    })
    return settings()
  }

  async function listMeetings(): Promise<TaskingMeetingSummary[]> {
    return (await repo.listMeetings(db)).map(toMeetingSummary)
  }

  async function summaryOf(id: number): Promise<TaskingMeetingSummary> {
    const row = await repo.findMeeting(db, id)
    if (!row) throw new NotFoundError('Tasking meeting')
    return toMeetingSummary(row)
  }

  async function getMeeting(id: number): Promise<TaskingMeeting> {
    const summary = await summaryOf(id)
    const briefing = await repo.findBriefing(db, id)
    const earlier = (await taskingsRepo.listRaisedBefore(db, summary.month)).map(toTasking)
    return {
      ...summary,
      attendees: (await repo.listAttendees(db, id)).map(
        (a): Attendee => ({
          id: a.id,
          organisationId: a.organisation_id,
          organisationName: a.organisation_name,
          personId: a.person_id,
          personName: a.person_name,
        }),
      ),
      briefing: briefing
        ? { generatedAt: briefing.generated_at, figures: JSON.parse(briefing.figures) as BriefingFigures }
        : null,
      commentary: Object.fromEntries((await repo.listCommentary(db, id)).map((c) => [c.section, c.body])),
      taskings: (await taskingsRepo.listRaisedAt(db, id)).map(toTasking),
      forReview: forReview(summary, earlier),
      ...(await agendaFor(summary.meetingDate, agenda?.())),
      nextStatuses: [...nextMeetingStatuses(summary.status)],
    }
  }

  async function findMeetingByMonth(month: string): Promise<number | null> {
    return (await repo.findMeetingByMonth(db, month))?.id ?? null
  }

  async function scheduleMeeting(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'schedule a tasking meeting')
    const v = parseInput(meetingInput, input)
    await checkPartner('person', v.chairPersonId, 'chairPersonId')
    // A named area must be one the crime store knows; blank is the home area, resolved when briefing.
    const area = v.area ? await crime.analysis.resolveArea(v.area, undefined) : null
    if (area && (area.type === 'force' || area.type === 'lsoa'))
      throw new ValidationError({ area: 'Give a local authority or a ward' })
    const values = {
      month: v.month,
      meeting_date: v.meetingDate,
      area_code: area?.code ?? null,
      area_name: area?.name ?? null,
      chair_person_id: v.chairPersonId,
      status: 'scheduled',
    }
    return db.transaction().execute(async (trx) => {
      if (await repo.findMeetingByMonth(trx, v.month)) throw new ValidationError(MONTH_TAKEN)
      const id = await repo.insertMeeting(trx, values, new Date().toISOString()).catch((error) => {
        if (isUniqueViolation(error, 'tasking_meetings', 'month')) throw new ValidationError(MONTH_TAKEN)
        throw error
      })
      await audit.record(trx, who.actor, {
        action: 'tasking-meeting.create',
        entityType: 'tasking-meeting',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  /** Holding a meeting carries over every tasking it reviewed that is still unfinished (ADR 0032). */
  async function changeStatus(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'change a tasking meeting’s status')
    const { status } = parseInput(statusInput, input)
    const meeting = await summaryOf(id)
    if (!mayMoveMeeting(meeting.status, status))
      throw new ValidationError({ status: `A ${meeting.status} meeting cannot become ${status}` })
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString()
      if (!(await repo.setMeetingStatus(trx, id, meeting.status, status, now)))
        throw new ConflictError(
          'Someone else changed this meeting’s status. Reload the page and try again.',
          meeting,
        )
      const carried =
        status === 'held'
          ? toCarryOver(meeting, (await taskingsRepo.listRaisedBefore(trx, meeting.month)).map(toTasking))
          : []
      await taskingsRepo.carryOver(
        trx,
        carried.map((t) => t.id),
        id,
        now,
      )
      await audit.record(trx, who.actor, {
        action: 'tasking-meeting.status',
        entityType: 'tasking-meeting',
        entityId: id,
        before: { status: meeting.status },
        after: { status },
        detail: carried.length ? { carriedOver: carried.map((t) => t.id) } : undefined,
      })
    })
  }

  async function addAttendee(who: Who, id: number, input: unknown): Promise<number> {
    requireMayManage(who, 'record who attended a tasking meeting')
    const v = parseInput(attendeeInput, input)
    await summaryOf(id)
    await checkPartner('organisation', v.organisationId, 'organisationId')
    await checkPartner('person', v.personId, 'personId')
    const values = { meeting_id: id, organisation_id: v.organisationId, person_id: v.personId }
    return db.transaction().execute(async (trx) => {
      const attendee = await repo.insertAttendee(trx, values)
      await audit.record(trx, who.actor, {
        action: 'tasking-meeting.attendee',
        entityType: 'tasking-meeting',
        entityId: id,
        after: values,
      })
      return attendee
    })
  }

  /** Computes the briefing now and keeps it with the meeting, replacing any earlier one. */
  async function generateBriefing(who: Who, id: number): Promise<Briefing> {
    requireMayManage(who, 'generate a tasking briefing')
    const meeting = await summaryOf(id)
    const figures = await buildBriefing(
      crime,
      { month: meeting.month, area: meeting.areaCode },
      await settings(),
    )
    await db.transaction().execute(async (trx) => {
      await repo.saveBriefing(trx, id, figures.generatedAt, JSON.stringify(figures))
      await audit.record(trx, who.actor, {
        action: 'tasking-briefing.generate',
        entityType: 'tasking-meeting',
        entityId: id,
        detail: {
          month: figures.month,
          area: figures.area.code,
          source: figures.source,
          dataAsAt: figures.dataAsAt,
          replaced: meeting.briefingGeneratedAt,
        },
      })
    })
    return { generatedAt: figures.generatedAt, figures }
  }

  async function saveCommentary(who: Who, id: number, input: unknown): Promise<void> {
    requireMayManage(who, 'write the briefing’s commentary')
    const v = parseInput(commentaryInput, input)
    await summaryOf(id)
    await db.transaction().execute(async (trx) => {
      const before = (await repo.listCommentary(trx, id)).find((c) => c.section === v.section)?.body ?? null
      await repo.saveCommentary(trx, id, v.section, v.body, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'tasking-briefing.commentary',
        entityType: 'tasking-meeting',
        entityId: id,
        before: { section: v.section, body: before },
        after: { section: v.section, body: v.body || null },
      })
    })
  }

  return {
    settings,
    updateSettings,
    listMeetings,
    getMeeting,
    findMeetingByMonth,
    scheduleMeeting,
    changeStatus,
    addAttendee,
    generateBriefing,
    saveCommentary,
  }
}
