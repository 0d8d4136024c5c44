import type { Db } from '../../db/database.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import type { CrimeService } from '../crime/service.ts'
import type { PartnersService } from '../partners/service.ts'
import * as repo from './activity.repository.ts'
import { checkOrganisations, partnersByOwner } from './partners-check.ts'
import { type Places, placeColumns } from './places.ts'
import { requireMayManage, type Who } from './policy.ts'
import { type PoliceActivity, type PoliceActivityRecord, toActivity } from './records.ts'
import { byMonth, byPlace, monthsFrom, type Summary } from './rules/summaries.ts'
import { activityInput } from './schema.ts'

export interface StopSearchMonth {
  month: string
  /** null where the crime store holds no stop and search for the area that month: no data, not none. */
  searches: number | null
  arrests: number | null
}

export interface ActivityReport {
  from: string
  to: string
  activities: PoliceActivity[]
  byMonth: Array<Summary & { stopSearch: StopSearchMonth }>
  byPlace: Summary[]
  stopSearch: {
    area: { code: string; name: string } | null
    /** null when no month of the period has stop and search data for the area. */
    total: number | null
    arrests: number | null
    section60: number | null
  }
  /** The area's ward boundaries (GeoJSON), for the map; none until the boundaries are loaded. */
  wards: Array<{ code: string; name: string; geometry: string }>
}

/** The police activity tracker, summed by month and place beside the crime store's stop and search. */
export function createActivityService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  places: Places,
  crime: Pick<CrimeService, 'homeArea' | 'shapesIn' | 'insights' | 'analysis'>,
) {
  async function listActivities(from: string, to: string, tactic?: string): Promise<PoliceActivity[]> {
    const rows = await repo.listActivities(db, from, to, tactic)
    const partnersOf = partnersByOwner(
      await repo.activityPartners(
        db,
        rows.map((r) => r.id),
      ),
    )
    return rows.map((r) => toActivity(r, partnersOf(r.id)))
  }

  /**
   * Activity from one month to another (YYYY-MM), summed by month and place, with the stop and
   * search the crime store holds for the partnership's area in the same months.
   * @example activity.activityReport('2026-01', '2026-12')
   */
  async function activityReport(
    fromMonth: string,
    toMonth: string,
    tactic?: string,
  ): Promise<ActivityReport> {
    const activities = await listActivities(`${fromMonth}-01`, `${toMonth}-31`, tactic)
    const home = await crime.homeArea()
    const months = monthsFrom(fromMonth, toMonth)
    const searched = new Map<string, { count: number; arrests: number }>()
    let loaded = new Set<string>()
    let summary: { total: number; arrests: number; section60: number } | null = null
    if (home && months.length) {
      const coverage = await crime.analysis.stopSearchCoverage(home, fromMonth, toMonth)
      loaded = new Set(coverage.monthsLoaded)
      if (loaded.size) {
        const found = await crime.insights.stopSearch(home, fromMonth, toMonth)
        summary = found.summary
        for (const m of found.byMonth) searched.set(m.key, m)
      }
    }
    return {
      from: fromMonth,
      to: toMonth,
      activities,
      byMonth: byMonth(activities, fromMonth, toMonth).map((s) => ({
        ...s,
        stopSearch: {
          month: s.key,
          searches: loaded.has(s.key) ? (searched.get(s.key)?.count ?? 0) : null,
          arrests: loaded.has(s.key) ? (searched.get(s.key)?.arrests ?? 0) : null,
        },
      })),
      byPlace: byPlace(activities),
      stopSearch: {
        area: home ? { code: home.code, name: home.name } : null,
        total: summary ? summary.total : null,
        arrests: summary ? summary.arrests : null,
        section60: summary ? summary.section60 : null,
      },
      wards: home ? await crime.shapesIn(home, 'ward') : [],
    }
  }

  async function getActivity(id: number): Promise<PoliceActivityRecord> {
    const row = await repo.findActivity(db, id)
    if (!row) throw new NotFoundError('Police activity')
    return {
      ...toActivity(row, partnersByOwner(await repo.activityPartners(db, [id]))(id)),
      resultNote: row.result_note,
    }
  }

  async function createActivity(who: Who, input: unknown): Promise<number> {
    requireMayManage(who, 'add police activity')
    const v = parseInput(activityInput, input)
    await checkOrganisations(partners, v.partnerIds, 'partnerIds')
    const values = {
      activity_on: v.activityOn,
      tactic: v.tactic,
      operation: v.operation,
      weapons_recovered: v.weaponsRecovered,
      result_note: v.resultNote,
      ...placeColumns(await places.resolve(v)),
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertActivity(trx, values, new Date().toISOString())
      await repo.insertActivityPartners(trx, id, v.partnerIds)
      await audit.record(trx, who.actor, {
        action: 'police-activity.create',
        entityType: 'police-activity',
        entityId: id,
        after: { ...values, partners: v.partnerIds },
      })
      return id
    })
  }

  return { listActivities, activityReport, getActivity, createActivity }
}
