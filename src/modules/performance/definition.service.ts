import type { Db, Executor } from '../../db/database.ts'
import { ConflictError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { AuditService } from '../audit/service.ts'
import { type ComputedSpec, DEFAULT_COMPARATOR, type Indicator } from './indicator.ts'
import * as repo from './indicators.repository.ts'
import type { IndicatorRef, Who } from './indicators.service.ts'
import { requireMayDefineIndicators } from './policy.ts'
import { FREQUENCY_LABELS, parsePeriod, periodProblem } from './rules/periods.ts'
import { indicatorChanges, indicatorInput, targetInput } from './schema.ts'

// Defining an indicator, changing its definition and setting its targets: partnership managers
// and administrators only (policy.ts), each change audited with what it was before.

const STALE =
  'Someone else changed this indicator after you opened it. Check their changes, then make yours again.'

/**
 * Asks the crime store whether a computed indicator's query can be counted (its area, crime type
 * and comparator areas exist); throws a ValidationError naming the field when not.
 */
export type CheckComputed = (spec: ComputedSpec) => Promise<void>

type Find = (exec: Executor, ref: IndicatorRef) => Promise<Indicator>

/** The columns a definition sets, from checked input. */
function columns(v: ReturnType<typeof indicatorChanges.parse>) {
  const computed = v.source === 'computed'
  return {
    name: v.name,
    definition: v.definition,
    unit: v.unit,
    rate_per: v.unit === 'rate' ? (v.ratePer ?? 1000) : null,
    polarity: v.polarity,
    frequency: v.frequency,
    owner_organisation_id: v.ownerOrganisationId,
    priority_ids: JSON.stringify(v.priorityIds),
    action_ids: JSON.stringify(v.actionIds),
    baseline: v.baseline,
    baseline_period: v.baselinePeriod,
    tolerance: v.tolerance,
    source: v.source,
    // A computed indicator's comparators are named by their areas.
    comparator_series: computed ? null : v.comparatorSeries,
    computed_spec: v.computed ? JSON.stringify(v.computed) : null,
  }
}

function checkBaseline(v: { baselinePeriod: string | null; frequency: Indicator['frequency'] }) {
  if (v.baselinePeriod && !parsePeriod(v.baselinePeriod, v.frequency))
    throw new ValidationError({ baselinePeriod: periodProblem(v.baselinePeriod, v.frequency) })
}

/** What an audit entry keeps of a definition. */
const definitionOf = (i: Indicator) => {
  const { id: _id, computedVersion: _v, updatedAt: _u, version: _ver, ...rest } = i
  return rest
}

export function createDefinitionCommands(
  db: Db,
  audit: AuditService,
  find: Find,
  checkComputed?: CheckComputed,
) {
  /** The crime query is checked for people in the browser and API; the operator may define one before its data is loaded. */
  async function checkQuery(who: Who, computed: ComputedSpec | null) {
    if (who.user && computed && checkComputed) await checkComputed(computed)
  }

  async function define(who: Who, input: unknown): Promise<number> {
    if (who.user) requireMayDefineIndicators(who.user)
    const v = parseInput(indicatorInput, input)
    checkBaseline(v)
    await checkQuery(who, v.computed)
    return db.transaction().execute(async (trx) => {
      if (await repo.findIndicator(trx, { key: v.key }))
        throw new ValidationError({ key: `There is already an indicator with the key ${v.key}` })
      const now = new Date().toISOString()
      const id = await repo.insertIndicator(trx, {
        key: v.key,
        ...columns({ ...v, version: 1 }),
        computed_version: null,
        created_at: now,
        updated_at: now,
      })
      await audit.record(trx, who.actor, {
        action: 'indicator.define',
        entityType: 'indicator',
        entityId: id,
        after: v,
      })
      return id
    })
  }

  /** Changes the definition as read at its version; someone else's change in between is a conflict. */
  async function change(who: Who, ref: IndicatorRef, input: unknown): Promise<void> {
    if (who.user) requireMayDefineIndicators(who.user)
    const before = await find(db, ref)
    const v = parseInput(indicatorChanges, input)
    checkBaseline(v)
    if ((before.source === 'computed') !== (v.source === 'computed'))
      throw new ValidationError({
        source:
          before.source === 'computed'
            ? 'This indicator is counted from crime data and stays so: define a new indicator for typed-in figures'
            : 'This indicator’s figures are typed in or uploaded and stay so: define a new indicator to count crime data',
      })
    await checkQuery(who, v.computed)
    await db.transaction().execute(async (trx) => {
      if (v.frequency !== before.frequency && (await repo.hasFigures(trx, before.id)))
        throw new ValidationError({
          frequency: `The frequency cannot change once the indicator has values or targets: their periods are written for ${FREQUENCY_LABELS[before.frequency].toLowerCase()}`,
        })
      const values = columns(v)
      const recount = values.computed_spec !== (before.computed ? JSON.stringify(before.computed) : null)
      const saved = await repo.updateIndicatorAt(trx, before.id, v.version, {
        ...values,
        // A changed crime query is counted afresh on the next read.
        ...(recount ? { computed_version: null } : {}),
        updated_at: new Date().toISOString(),
      })
      if (!saved) throw new ConflictError(STALE, await find(trx, before.id))
      const newName = values.comparator_series ?? DEFAULT_COMPARATOR
      if (before.source !== 'computed' && newName !== before.comparatorSeries)
        await repo.renameComparatorSeries(trx, before.id, before.comparatorSeries, newName)
      const after = await find(trx, before.id)
      await audit.record(trx, who.actor, {
        action: 'indicator.change',
        entityType: 'indicator',
        entityId: before.id,
        before: definitionOf(before),
        after: definitionOf(after),
      })
    })
  }

  /** The indicator's targets, period by period. */
  async function targets(ref: IndicatorRef) {
    const indicator = await find(db, ref)
    const rows = await repo.targetsOf(db, indicator.id)
    return { indicator, targets: rows.map((r) => ({ period: r.period, target: r.target })) }
  }

  async function setTarget(who: Who, ref: IndicatorRef, input: unknown) {
    if (who.user) requireMayDefineIndicators(who.user)
    const indicator = await find(db, ref)
    const v = parseInput(targetInput, input)
    const period = parsePeriod(v.period, indicator.frequency)
    if (!period) throw new ValidationError({ period: periodProblem(v.period, indicator.frequency) })
    await db.transaction().execute(async (trx) => {
      const before = await repo.findTarget(trx, indicator.id, period.text)
      await repo.setTarget(trx, indicator.id, period.text, v.target)
      await audit.record(trx, who.actor, {
        action: 'indicator.set-target',
        entityType: 'indicator',
        entityId: indicator.id,
        before: before ? { period: period.text, target: before.target } : undefined,
        after: { period: period.text, target: v.target },
      })
    })
    return period.text
  }

  async function removeTarget(who: Who, ref: IndicatorRef, periodText: unknown) {
    if (who.user) requireMayDefineIndicators(who.user)
    const indicator = await find(db, ref)
    const text = typeof periodText === 'string' ? periodText.trim() : ''
    const period = parsePeriod(text, indicator.frequency)
    if (!period) throw new ValidationError({ period: periodProblem(text, indicator.frequency) })
    await db.transaction().execute(async (trx) => {
      const before = await repo.findTarget(trx, indicator.id, period.text)
      if (!before) throw new ValidationError({ period: `There is no target for ${period.text}` })
      await repo.deleteTarget(trx, indicator.id, period.text)
      await audit.record(trx, who.actor, {
        action: 'indicator.remove-target',
        entityType: 'indicator',
        entityId: indicator.id,
        before: { period: period.text, target: before.target },
      })
    })
    return period.text
  }

  /** Makes an organisation the indicator's owner (its users may then enter its values). */
  async function setOwner(who: Who, ref: IndicatorRef, organisationId: number | null) {
    if (who.user) requireMayDefineIndicators(who.user)
    const indicator = await find(db, ref)
    await db.transaction().execute(async (trx) => {
      await repo.updateIndicator(trx, indicator.id, {
        owner_organisation_id: organisationId,
        updated_at: new Date().toISOString(),
      })
      await audit.record(trx, who.actor, {
        action: 'indicator.set-owner',
        entityType: 'indicator',
        entityId: indicator.id,
        before: { ownerOrganisationId: indicator.ownerOrganisationId },
        after: { ownerOrganisationId: organisationId },
      })
    })
  }

  return { define, change, targets, setTarget, removeTarget, setOwner }
}
