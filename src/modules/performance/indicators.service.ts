import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { type CheckComputed, createDefinitionCommands } from './definition.service.ts'
import { type ComparatorPoint, type Indicator, toCorrection, toIndicator, toValue } from './indicator.ts'
import * as repo from './indicators.repository.ts'
import { requireMayEnterValues } from './policy.ts'
import { parsePeriod, periodProblem } from './rules/periods.ts'
import { correctionInput } from './schema.ts'
import { exceptionReasons, type Series, type Status, seriesOf, statusOf } from './status.ts'
import { type CheckedValue, checkValue, type RawValue } from './values.ts'

/**
 * Who is making a change: the signed-in user the policy is asked about, or null at the command
 * line, where the operator already holds the server and the database.
 */
export interface Who {
  actor: Actor
  user: CurrentUser | null
}

export type IndicatorRef = number | string

/** The command line's operator, to the policy: may do what a partnership manager may. */
export const OPERATOR = { role: 'admin', organisationId: -1 } as const

export interface IndicatorView {
  indicator: Indicator
  series: Series
  status: Status
  exceptions: string[]
}

/**
 * Indicators: their definitions (definition.service.ts), values (corrections kept), targets, and
 * what the rules say of them.
 */
export function createIndicatorsService(
  db: Db,
  audit: AuditService,
  beforeRead: () => Promise<void>,
  checkComputed?: CheckComputed,
) {
  async function find(exec: Executor, ref: IndicatorRef): Promise<Indicator> {
    const row = await repo.findIndicator(exec, typeof ref === 'number' ? { id: ref } : { key: ref })
    if (!row) throw new NotFoundError(typeof ref === 'number' ? 'Indicator' : `Indicator "${ref}"`)
    return toIndicator(row)
  }

  async function view(indicator: Indicator, period?: string): Promise<IndicatorView> {
    const [values, targets, comparators] = await Promise.all([
      repo.valuesOf(db, indicator.id),
      repo.targetsOf(db, indicator.id),
      repo.comparatorsOf(db, indicator.id),
    ])
    const vs = values.map(toValue)
    if (period !== undefined && !parsePeriod(period, indicator.frequency))
      throw new ValidationError({ period: periodProblem(period, indicator.frequency) })
    const series = seriesOf(indicator, vs, targets, comparators)
    const status = statusOf(indicator, vs, targets, period)
    return { indicator, series, status, exceptions: exceptionReasons(indicator, status, series) }
  }

  /** Every indicator with its latest status, for the dashboard, the exception report and the API. */
  async function list(): Promise<IndicatorView[]> {
    await beforeRead()
    const rows = await repo.listIndicators(db)
    return Promise.all(rows.map((row) => view(toIndicator(row))))
  }

  async function get(ref: IndicatorRef, period?: string): Promise<IndicatorView> {
    await beforeRead()
    return view(await find(db, ref), period)
  }

  async function corrections(ref: IndicatorRef) {
    const indicator = await find(db, ref)
    return (await repo.correctionsOf(db, indicator.id)).map(toCorrection)
  }

  async function comparators(ref: IndicatorRef): Promise<ComparatorPoint[]> {
    const indicator = await find(db, ref)
    return repo.comparatorsOf(db, indicator.id)
  }

  /**
   * Writes checked values, inside the caller's transaction. A value that differs from the one
   * stored is a correction: the old one goes into the history with the reason.
   */
  async function writeValues(
    trx: Executor,
    who: Who,
    indicator: Indicator,
    rows: CheckedValue[],
    reason: string,
    how: string,
  ) {
    const now = new Date().toISOString()
    const by = who.user?.name ?? who.actor.label
    const outcome = { entered: 0, corrected: 0, unchanged: 0 }
    for (const row of rows) {
      const period = row.period.text
      const stored = await repo.findValue(trx, indicator.id, period)
      const values = {
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        note: row.note,
        computed: 0,
        entered_by: by,
        entered_by_user_id: who.user?.id ?? null,
        entered_at: now,
      }
      if (!stored) {
        await repo.insertValue(trx, { indicator_id: indicator.id, period, ...values })
        outcome.entered++
      } else if (
        stored.value === row.value &&
        stored.numerator === row.numerator &&
        stored.denominator === row.denominator &&
        stored.note === row.note
      ) {
        outcome.unchanged++
      } else {
        await repo.insertCorrection(trx, {
          indicator_id: indicator.id,
          period,
          old_value: stored.value,
          old_numerator: stored.numerator,
          old_denominator: stored.denominator,
          old_note: stored.note,
          old_entered_by: stored.entered_by,
          old_entered_at: stored.entered_at,
          new_value: row.value,
          reason,
          corrected_by: by,
          corrected_at: now,
        })
        await repo.replaceValue(trx, indicator.id, period, values)
        outcome.corrected++
      }
      if (row.target !== null) await repo.setTarget(trx, indicator.id, period, row.target)
      if (row.comparator !== null)
        await repo.setComparator(trx, {
          indicator_id: indicator.id,
          series: indicator.comparatorSeries,
          period,
          value: row.comparator,
        })
    }
    await repo.updateIndicator(trx, indicator.id, { updated_at: now })
    await audit.record(trx, who.actor, {
      action: 'indicator.enter-values',
      entityType: 'indicator',
      entityId: indicator.id,
      after: { how, periods: rows.map((r) => r.period.text), reason: reason || undefined, ...outcome },
    })
    return outcome
  }

  /** One period's value from the entry form or the API; a changed value needs a reason. */
  async function enterValue(who: Who, ref: IndicatorRef, input: RawValue & { reason?: unknown }) {
    const indicator = await find(db, ref)
    requireMayEnterValues(who.user ?? OPERATOR, indicator)
    const { checked, errors } = checkValue(indicator, input)
    const reason = parseInput(correctionInput, { reason: input.reason }).reason ?? ''
    if (!checked) throw new ValidationError(errors)
    return db.transaction().execute(async (trx) => {
      const stored = await repo.findValue(trx, indicator.id, checked.period.text)
      const changed =
        stored &&
        (stored.value !== checked.value ||
          stored.numerator !== checked.numerator ||
          stored.denominator !== checked.denominator ||
          stored.note !== checked.note)
      if (changed && !reason)
        throw new ValidationError({ reason: `Say why the ${checked.period.text} value is being corrected` })
      return writeValues(trx, who, indicator, [checked], reason, 'form')
    })
  }

  return {
    list,
    get,
    find: (ref: IndicatorRef) => find(db, ref),
    corrections,
    comparators,
    ...createDefinitionCommands(db, audit, find, checkComputed),
    enterValue,
    writeValues,
  }
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>
