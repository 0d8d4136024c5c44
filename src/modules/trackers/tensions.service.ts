import type { Db } from '../../db/database.ts'
import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { checkOrganisations } from './partners-check.ts'
import type { Places } from './places.ts'
import { requireMayManage, type Who } from './policy.ts'
import { type TensionAssessment, type TensionSummary, toTensionSummary } from './records.ts'
import { withPrevious } from './rules/trend.ts'
import { tensionInput } from './schema.ts'
import * as repo from './tensions.repository.ts'
import type { Indicator } from './words.ts'

/** The whole partnership area's assessments are kept under this name. */
export const WHOLE_AREA = 'Whole area'

type Row = Awaited<ReturnType<typeof repo.listAssessments>>[number]

/** Rows of one or more areas, each with its trend from the assessment before it. */
function summarise(rows: Row[]): TensionSummary[] {
  const keyed = rows.map((r) => ({
    id: r.id,
    areaName: r.area_kind === 'area' ? '' : (r.area_code ?? ''),
    assessedOn: r.assessed_on,
    level: Number(r.level),
    row: r,
  }))
  return withPrevious(keyed).map((a) => toTensionSummary(a.row, a.previousLevel))
}

/** Community tension monitoring: periodic assessments per ward or for the whole area. */
export function createTensionsService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  places: Places,
) {
  /**
   * Each area's latest assessment with its trend, highest level first; as at a day (YYYY-MM-DD) when
   * given, so a tasking meeting's agenda shows the tension it met with.
   * @example tensions.latestTensions() // [{ area: { name: 'Peckham' }, level: 4, trend: 'rising' }, …]
   */
  async function latestTensions(asAt?: string): Promise<TensionSummary[]> {
    const all = summarise(await repo.listAssessments(db))
    const latest = new Map<string, TensionSummary>()
    for (const a of all) if (!asAt || a.assessedOn <= asAt) latest.set(a.area.code ?? '', a)
    return [...latest.values()].sort((a, b) => b.level - a.level || a.area.name.localeCompare(b.area.name))
  }

  /** One area's assessments, oldest first: a ward by its code, or null for the whole area. */
  async function tensionHistory(areaCode: string | null): Promise<TensionSummary[]> {
    return summarise(await repo.listAssessments(db, areaCode))
  }

  /** Every assessment, latest first, for choosing one to link. */
  async function listAssessments(): Promise<TensionSummary[]> {
    return summarise(await repo.listAssessments(db)).sort(
      (a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.id - a.id,
    )
  }

  async function getAssessment(id: number): Promise<TensionAssessment> {
    const row = await repo.findAssessment(db, id)
    if (!row) throw new NotFoundError('Tension assessment')
    const history = await tensionHistory(row.area_kind === 'area' ? null : row.area_code)
    const summary = history.find((h) => h.id === id) ?? toTensionSummary(row, null)
    return {
      ...summary,
      summary: row.summary,
      actions: row.actions,
      indicators: (await repo.listIndicators(db, id)).map((i) => ({
        indicator: i.indicator as Indicator,
        level: Number(i.level),
        note: i.note,
      })),
      contributions: (await repo.listContributions(db, id)).map((c) => ({
        organisation: { id: c.id, name: c.name },
        note: c.note,
      })),
    }
  }

  async function createAssessment(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'add a tension assessment')
    const v = parseInput(tensionInput, input)
    await checkOrganisations(
      partners,
      v.contributions.map((c) => c.organisationId),
      'contributions',
    )
    let area = { kind: 'area', code: null as string | null, name: WHOLE_AREA }
    if (v.areaKind === 'ward') {
      const place = await places.resolve({
        placeKind: 'ward',
        wardCode: v.wardCode,
        lsoaCode: null,
        placeName: null,
        latitude: null,
        longitude: null,
      })
      area = { kind: 'ward', code: place.code, name: place.name }
    }
    if (!area.name) throw new ValidationError({ wardCode: 'Select the ward' })
    const values = {
      area_kind: area.kind,
      area_code: area.code,
      area_name: area.name,
      assessed_on: v.assessedOn,
      level: v.level,
      summary: v.summary,
      actions: v.actions,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertAssessment(trx, values, new Date().toISOString())
      await repo.insertIndicators(trx, id, v.indicators)
      await repo.insertContributions(trx, id, v.contributions)
      await audit.record(trx, who.actor, {
        action: 'tension-assessment.create',
        entityType: 'tension-assessment',
        entityId: id,
        after: { ...values, indicators: v.indicators, contributions: v.contributions },
      })
      return id
    })
  }

  return { latestTensions, tensionHistory, listAssessments, getAssessment, createAssessment }
}
