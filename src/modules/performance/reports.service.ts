import type { Db } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PlansService } from '../plans/plans.service.ts'
import { type Download, indicatorCsv, indicatorXlsx, type VvrapCover, vvrapXlsx } from './export/files.ts'
import { formatValue } from './indicator.ts'
import type { IndicatorRef, IndicatorsService } from './indicators.service.ts'
import { parsePeriod, periodLabel } from './rules/periods.ts'
import { DIRECTION_WORDS, RATING_LABELS } from './rules/rules.ts'

// The exception report (indicators and plan deliverables, each line saying why it is there) and
// the downloads: an indicator's figures and the London VVRAP quarterly return.

export interface IndicatorException {
  id: number
  key: string
  name: string
  period: string | null
  value: number | null
  display: string
  rag: string
  reasons: string[]
}

export interface DeliverableException {
  id: number
  plan: { id: number; title: string }
  theme: string
  action: string
  outcome: string
  rag: string
  reasons: string[]
}

/** One indicator as a board's dashboard shows it: the latest figure against its target, in words. */
export interface DashboardLine {
  id: number
  key: string
  name: string
  priorityIds: number[]
  /** "October 2025"; "No value yet" when there is none. */
  period: string
  value: string
  target: string
  rag: string
  ragText: string
  directionText: string
}

export interface ExceptionReport {
  indicators: IndicatorException[]
  deliverables: DeliverableException[]
}

export function createReportsService(
  db: Db,
  audit: AuditService,
  indicators: IndicatorsService,
  plans: Pick<PlansService, 'listPlans' | 'getPlan'>,
  homeArea: () => Promise<{ name: string } | null>,
) {
  async function exceptions(): Promise<ExceptionReport> {
    const report: ExceptionReport = { indicators: [], deliverables: [] }
    for (const v of await indicators.list()) {
      if (v.exceptions.length === 0) continue
      report.indicators.push({
        id: v.indicator.id,
        key: v.indicator.key,
        name: v.indicator.name,
        period: v.status.period,
        value: v.status.value,
        display: formatValue(v.indicator, v.status.value),
        rag: v.status.rag,
        reasons: v.exceptions,
      })
    }
    for (const listed of await plans.listPlans()) {
      const plan = await plans.getPlan(listed.id)
      for (const theme of plan.themes)
        for (const action of theme.actions)
          for (const d of action.deliverables) {
            const reasons: string[] = []
            if (d.rag === 'red') reasons.push('Red: off track, as its lead last said')
            if (d.flags.overdue) reasons.push('Overdue: its end date has passed and it is not complete')
            if (d.flags.neverUpdated) reasons.push('Never updated: no progress update since it was added')
            if (reasons.length === 0) continue
            report.deliverables.push({
              id: d.id,
              plan: { id: plan.id, title: plan.title },
              theme: theme.title,
              action: `${action.number ? `${action.number}. ` : ''}${action.text}`,
              outcome: d.outcome,
              rag: d.rag,
              reasons,
            })
          }
    }
    return report
  }

  /** Every indicator's latest status, in words, for documents made outside the performance pages. */
  async function dashboard(): Promise<DashboardLine[]> {
    return (await indicators.list()).map(({ indicator, status }) => {
      const period = status.period ? parsePeriod(status.period, indicator.frequency) : null
      return {
        id: indicator.id,
        key: indicator.key,
        name: indicator.name,
        priorityIds: indicator.priorityIds,
        period: period ? periodLabel(period) : 'No value yet',
        value: formatValue(indicator, status.value),
        target: status.target === null ? 'No target' : formatValue(indicator, status.target),
        rag: status.rag,
        ragText: RATING_LABELS[status.rag],
        directionText: DIRECTION_WORDS[status.direction],
      }
    })
  }

  async function download(actor: Actor, ref: IndicatorRef, format: 'csv' | 'xlsx'): Promise<Download> {
    const view = await indicators.get(ref)
    const file = format === 'csv' ? indicatorCsv(view) : await indicatorXlsx(view)
    await audit.record(db, actor, {
      action: 'indicator.export',
      entityType: 'indicator',
      entityId: view.indicator.id,
      detail: { format, bytes: file.content.length },
    })
    return file
  }

  /** The VVRAP quarterly update from a plan; the quarter is a calendar quarter (2025-Q1). */
  async function vvrapReturn(
    actor: Actor,
    planId: number,
    input: { borough?: string; quarter?: string; author: string; date?: string },
  ): Promise<Download> {
    const plan = await plans.getPlan(planId)
    const quarterText = input.quarter?.trim() || currentQuarter()
    const quarter = parsePeriod(quarterText, 'quarter')
    if (!quarter)
      throw new ValidationError({
        quarter: `"${quarterText}" is not a calendar quarter, written like 2025-Q1`,
      })
    const cover: VvrapCover = {
      borough: input.borough?.trim() || (await homeArea())?.name || '',
      quarter: periodLabel(quarter),
      date: input.date ?? new Date().toISOString().slice(0, 10),
      author: input.author,
    }
    const file = { ...(await vvrapXlsx(plan, cover)), fileName: `vvrap-update-${quarter.text}.xlsx` }
    await audit.record(db, actor, {
      action: 'plan.export-vvrap',
      entityType: 'plan',
      entityId: planId,
      detail: { quarter: quarter.text, bytes: file.content.length },
    })
    return file
  }

  return { exceptions, dashboard, download, vvrapReturn }
}

function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`
}

export type PerformanceReportsService = ReturnType<typeof createReportsService>
