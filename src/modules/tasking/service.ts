import type { Db } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { CrimeService } from '../crime/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { agendaSections } from './briefing/agenda-report.ts'
import { buildBriefing } from './briefing/build.ts'
import { briefingReport, withCommentary } from './briefing/report.ts'
import type { AgendaSource } from './agenda.ts'
import { createTaskingMeetingsService } from './meetings.service.ts'
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
  agenda?: () => AgendaSource | undefined,
) {
  const meetings = createTaskingMeetingsService({ db, audit, partners, crime, agenda })
  const taskings = createTaskingsService(db, audit, partners, crime)

  async function docxOf(report: ReturnType<typeof briefingReport>, meeting?: TaskingMeeting) {
    // docx and the PNG renderer load on the first briefing, not at every start-up.
    const { reportDocx } = await import('../../shared/report/docx.ts')
    const document = withCommentary(report)
    return reportDocx(
      meeting ? { ...document, sections: [...document.sections, ...agendaSections(meeting)] } : document,
    )
  }

  /** A meeting's kept briefing as a Word document (with its commentary); every export is audited. */
  async function exportMeetingBriefing(actor: Actor, meeting: TaskingMeeting) {
    if (!meeting.briefing)
      throw new ValidationError({ briefing: 'This meeting has no briefing yet: generate it first' })
    const figures = meeting.briefing.figures
    const content = await docxOf(briefingReport(figures, meeting.commentary), meeting)
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
    const meeting = id === null ? null : await meetings.getMeeting(id)
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
    const content = await docxOf(briefingReport(figures, {}))
    await audit.log(actor, {
      action: 'tasking-briefing.export',
      entityType: 'tasking-briefing',
      detail: { month: figures.month, area: figures.area.code, bytes: content.length },
    })
    return { figures, content, fileName: briefingFileName(figures.area.name, figures.month), kept: false }
  }

  return { ...meetings, ...taskings, exportMeetingBriefing, exportBriefing }
}

export type TaskingService = ReturnType<typeof createTaskingService>
