import type { Db } from '../../db/database.ts'
import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { CrimeService } from '../crime/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { londonToday } from '../../shared/london-day.ts'
import { agendaSections, taskingSections } from './briefing/agenda-report.ts'
import { buildBriefing } from './briefing/build.ts'
import { briefingReport, withCommentary } from './briefing/report.ts'
import type { AgendaSource } from './agenda.ts'
import type { HotspotShapes } from './briefing/hotspot-map.ts'
import type { BriefingFigures } from './briefing/model.ts'
import { type CohortLookup, viewerOf } from './cohorts.ts'
import type { Who } from './policy.ts'
import * as meetingsRepo from './meetings.repository.ts'
import { createTaskingMeetingsService } from './meetings.service.ts'
import { createPointMap } from './point-map.ts'
import type { TaskingMeeting } from './records.ts'
import { MONTH } from './schema.ts'
import { createTaskingsService } from './taskings.service.ts'

export function briefingFileName(areaName: string, month: string): string {
  return `tasking-briefing-${areaName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${month}.docx`
}

/**
 * Tasking: the monthly meeting with its intelligence briefing, and the taskings it sets. Made of the
 * meetings part and the taskings part; the briefing's Word document is built from either a
 * meeting's kept briefing or, for a month with none, figures computed now.
 */
export function createTaskingService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  crime: CrimeService,
  joins: { agenda?: () => AgendaSource | undefined; cohorts?: CohortLookup } = {},
) {
  const meetings = createTaskingMeetingsService({ db, audit, partners, crime, agenda: joins.agenda })
  const taskings = createTaskingsService(db, audit, partners, crime, joins.cohorts)
  // A point chosen on the map of the meeting's area: the area its briefing covers.
  const points = createPointMap(crime, async (id) => {
    const meeting = await meetingsRepo.findMeeting(db, id)
    if (!meeting) throw new NotFoundError('Tasking meeting')
    return meeting.area_code
  })

  /**
   * A meeting, its taskings' cohorts labelled for the viewer when one is given: names only for the
   * members of each cohort's panel (ADR 0032). Without a viewer, a cohort is its ids alone.
   */
  async function getMeeting(id: number, who?: Who): Promise<TaskingMeeting> {
    const meeting = await meetings.getMeeting(id)
    return {
      ...meeting,
      taskings: await taskings.withCohorts(meeting.taskings, who),
      forReview: await taskings.withCohorts(meeting.forReview, who),
    }
  }

  /** The boundaries of the briefing area's wards and LSOAs, from the crime store, for the hotspot map. */
  async function hotspotShapes(figures: BriefingFigures): Promise<HotspotShapes> {
    const area = {
      type: figures.area.type as 'lad' | 'ward',
      code: figures.area.code,
      name: figures.area.name,
    }
    return { wards: await crime.shapesIn(area, 'ward'), lsoas: await crime.shapesIn(area, 'lsoa') }
  }

  /** The risk panels a cohort may be drawn from; none without the risk panels. */
  const cohortPanels = async () => (await joins.cohorts?.()?.cohortPanels()) ?? []

  /** A panel's cohort now, labelled for the viewer (names for its members): to choose some of it. */
  async function cohort(who: Who, panelId: number) {
    const source = joins.cohorts?.()
    if (!source) throw new NotFoundError('Risk panel')
    return source.cohort(viewerOf(who), panelId)
  }

  async function docxOf(report: ReturnType<typeof briefingReport>, meeting?: TaskingMeeting) {
    // docx and the PNG renderer load on the first briefing, not at every start-up.
    const { reportDocx } = await import('../../shared/report/docx.ts')
    const document = withCommentary(report)
    return reportDocx(
      meeting
        ? {
            ...document,
            sections: [
              ...document.sections,
              ...taskingSections(meeting, londonToday()),
              ...agendaSections(meeting),
            ],
          }
        : document,
    )
  }

  /** A meeting's kept briefing as a Word document (with its commentary); every export is audited. */
  async function exportMeetingBriefing(actor: Actor, meeting: TaskingMeeting) {
    if (!meeting.briefing)
      throw new ValidationError({ briefing: 'This meeting has no briefing yet: generate it first' })
    const figures = meeting.briefing.figures
    const content = await docxOf(
      briefingReport(figures, meeting.commentary, await hotspotShapes(figures)),
      meeting,
    )
    await audit.log(actor, {
      action: 'tasking-briefing.export',
      entityType: 'tasking-meeting',
      entityId: meeting.id,
      detail: { month: figures.month, area: figures.area.code, bytes: content.length },
    })
    return { figures, content, fileName: briefingFileName(figures.area.name, figures.month) }
  }

  /**
   * The briefing for an area and month: the meeting's kept briefing when that month's meeting has
   * one for the area, else figures computed now (not kept, and with no commentary).
   */
  async function exportBriefing(actor: Actor, request: { area: string | null; month: string }) {
    if (!MONTH.test(request.month)) throw new ValidationError({ month: 'Enter the month as YYYY-MM' })
    const id = await meetings.findMeetingByMonth(request.month)
    // The command line sits on no panel: a cohort's people are pseudonyms in its document.
    const meeting =
      id === null ? null : await getMeeting(id, { actor, user: null, via: 'safer tasking briefing' })
    const area = request.area
      ? await crime.analysis.resolveArea(request.area, undefined)
      : await crime.homeArea()
    if (meeting?.briefing && (!area || meeting.briefing.figures.area.code === area.code))
      return { ...(await exportMeetingBriefing(actor, meeting)), kept: true }
    const figures = await buildBriefing(
      crime,
      { month: request.month, area: area?.code ?? null },
      await meetings.settings(),
    )
    const content = await docxOf(briefingReport(figures, {}, await hotspotShapes(figures)))
    await audit.log(actor, {
      action: 'tasking-briefing.export',
      entityType: 'tasking-briefing',
      detail: { month: figures.month, area: figures.area.code, bytes: content.length },
    })
    return { figures, content, fileName: briefingFileName(figures.area.name, figures.month), kept: false }
  }

  return {
    ...meetings,
    ...taskings,
    ...points,
    getMeeting,
    hotspotShapes,
    cohortPanels,
    cohort,
    exportMeetingBriefing,
    exportBriefing,
  }
}

export type TaskingService = ReturnType<typeof createTaskingService>
