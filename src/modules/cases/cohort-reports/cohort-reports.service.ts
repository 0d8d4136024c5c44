import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import { subjectReach } from '../interventions/subject-reach.ts'
import { iomAccess } from '../iom/access.ts'
import { createOutcomesService } from '../outcomes/outcomes.service.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { isPanelMember, type Who } from '../policy.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import { isSystemReaderFor } from '../rights/system-read.ts'
import {
  type CohortReport,
  type CohortReportLeavingPanel,
  cohortReport,
  cohortReportLeavingPanel,
  type OutcomeEvent,
} from '../rules/cohort-outcomes.ts'
import type { IomCohort } from '../rules/iom-cohorts.ts'
import {
  COHORT_CHOICE_LABELS,
  type CohortChoice,
  cohortMembers,
  type PanelCohortReport,
  type PanelCohortReportLeavingPanel,
  type ReportQuery,
  reportQuery,
} from './cohort-report.ts'
import * as repo from './cohort-reports.repository.ts'

// Cohort reports (ADR 0037): computed by rules/cohort-outcomes.ts from the IOM panel's cohort
// memberships and its outcome events, never typed. The panel's members read the figures exactly;
// anything that leaves the panel (the CSV, the performance module) goes through
// cohortReportLeavingPanel. Every read is audited with the question asked.

export function createCohortReportsService(
  ctx: CasesContext,
  panels: PanelsService,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
) {
  const { db, audit } = ctx
  const access = iomAccess(ctx, panels)
  const outcomes = createOutcomesService(ctx, subjectReach(ctx, referrals), panels)

  async function compute(who: Who, panel: Panel, q: ReportQuery): Promise<CohortReport> {
    const memberships = (await repo.membershipsOfPanel(db, panel.id)).map((m) => ({
      subjectId: m.subject_id,
      cohort: m.cohort as IomCohort,
      selectedOn: m.selected_on,
      deselectedOn: m.deselected_on,
    }))
    const events: OutcomeEvent[] = (await outcomes.panelOutcomeEvents(who, panel.id)).flatMap((s) =>
      s.events.map((e) => ({
        subjectId: e.subjectId,
        kind: e.kind,
        date: e.date,
        ...(e.offenceGroup ? { offenceGroup: e.offenceGroup } : {}),
        ...(e.provenOn ? { provenOn: e.provenOn } : {}),
      })),
    )
    return cohortReport(
      {
        name: `${panel.name}: ${COHORT_CHOICE_LABELS[q.cohort]}`,
        members: cohortMembers(memberships, q.cohort, q),
        events,
      },
      q,
    )
  }

  const framed = <R>(panel: Panel, cohort: CohortChoice, report: R) => ({
    panel: { id: panel.id, name: panel.name },
    cohort,
    cohortLabel: COHORT_CHOICE_LABELS[cohort],
    report,
  })

  const question = (q: ReportQuery) => ({ cohort: q.cohort, from: q.from, to: q.to })

  /** The report for the panel's members, exact: numerators and denominators shown. */
  async function panelCohortReport(who: Who, panelId: number, input: unknown): Promise<PanelCohortReport> {
    const panel = await access.requireMember(who, panelId)
    const q = parseInput(reportQuery, input)
    const report = await compute(who, panel, q)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'iom-cohort-report',
      entityId: panelId,
      detail: { path: who.via ?? null, ...question(q), members: report.cohort.members },
    })
    return framed(panel, q.cohort, report)
  }

  /** The report as it may leave the panel (the CSV): counts from 1 to 4 as "<5". Audited as an export. */
  async function cohortReportExport(
    who: Who,
    panelId: number,
    input: unknown,
  ): Promise<PanelCohortReportLeavingPanel> {
    const panel = await access.requireMember(who, panelId)
    const q = parseInput(reportQuery, input)
    const report = cohortReportLeavingPanel(await compute(who, panel, q))
    await audit.log(who.actor, {
      action: 'case.cohort-report.export',
      entityType: 'iom-cohort-report',
      entityId: panelId,
      detail: { path: who.via ?? null, ...question(q), suppressed: report.suppressed },
    })
    return framed(panel, q.cohort, report)
  }

  /** An IOM panel by its id or its exact name, as the command line and a performance indicator name it. */
  async function iomPanelNamed(ref: string): Promise<Panel | undefined> {
    const iom = (await panels.listPanels()).filter((p) => p.type === 'iom')
    return /^\d+$/.test(ref) ? iom.find((p) => p.id === Number(ref)) : iom.find((p) => p.name === ref)
  }

  /** The command line's report: the panel named by id or exact name, for a member of it. */
  async function cohortReportOfPanel(who: Who, ref: string, input: unknown): Promise<PanelCohortReport> {
    const panel = await iomPanelNamed(ref)
    // A panel the user does not sit on is not told apart from one that does not exist.
    if (!panel || !isPanelMember(who.user, panel)) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'iom-cohort-report',
        entityId: panel?.id ?? null,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('IOM panel')
    }
    return panelCohortReport(who, panel.id, input)
  }

  /**
   * Reports for several periods as they leave the panel, for the performance module's indicators:
   * only through the system reader made for the cohort-report purpose, which reads nothing else.
   */
  async function cohortReportsLeavingPanel(
    who: Who,
    ref: string,
    cohort: CohortChoice,
    periodsFrom: (firstAccepted: string) => Array<{ period: string; from: string; to: string }>,
  ): Promise<Array<{ period: string; report: CohortReportLeavingPanel }>> {
    if (!isSystemReaderFor(who, 'cohort-report')) throw new NotFoundError('IOM panel')
    const panel = await iomPanelNamed(ref)
    if (!panel) throw new ValidationError({ 'computed.cohort.panel': `No IOM panel is called ${ref}` })
    const first = (await repo.membershipsOfPanel(db, panel.id))
      .map((m) => m.selected_on)
      .sort()
      .at(0)
    const periods = first ? periodsFrom(first) : []
    const found = []
    for (const p of periods) {
      const q = { cohort, from: p.from, to: p.to }
      found.push({ period: p.period, report: cohortReportLeavingPanel(await compute(who, panel, q)) })
    }
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'iom-cohort-report',
      entityId: panel.id,
      detail: { path: who.via ?? null, cohort, periods: periods.map((p) => p.period), leavingPanel: true },
    })
    return found
  }

  /** Marks that change whenever the panel's reports could: its cohort and its outcome events. */
  async function cohortReportVersion(ref: string): Promise<string> {
    const panel = await iomPanelNamed(ref)
    if (!panel) return 'no-panel'
    const marks = await repo.changeMarks(db, panel.id)
    return `cohort-${panel.id}-${marks.memberships}-${marks.events}`
  }

  return {
    panelCohortReport,
    cohortReportExport,
    cohortReportOfPanel,
    cohortReportsLeavingPanel,
    cohortReportVersion,
    iomPanelNamed,
  }
}
