import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import { recordingPanel, type SubjectReacher } from '../interventions/subject-reach.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { requireMayChangeCase, type Who } from '../policy.ts'
import type { OutcomeEventKind } from '../rules/cohort-outcomes.ts'
import type { RecordedOutcomeEvent, SubjectOutcomes } from './outcome.ts'
import * as repo from './outcomes.repository.ts'
import { OUTCOME_KIND_LABELS, outcomeInput } from './schema.ts'

export const OFFENCE_GROUP = 'outcome.offence-group'
export const OUTCOME_NOTES = 'outcome.notes'

/** Outcome events per subject (ADR 0036): entered by the recording panel's members, read under its need to know. */
export function createOutcomesService(ctx: CasesContext, reacher: SubjectReacher, panels: PanelsService) {
  const { db, audit, cipher, now } = ctx
  const today = () => londonToday(now())

  const toEvent = (r: repo.OutcomeEventRow): RecordedOutcomeEvent => ({
    id: r.id,
    subjectId: String(r.subject_id),
    kind: r.kind as OutcomeEventKind,
    kindLabel: OUTCOME_KIND_LABELS[r.kind as OutcomeEventKind] ?? r.kind,
    date: r.occurred_on,
    ...(r.offence_group_sealed ? { offenceGroup: cipher.open(OFFENCE_GROUP, r.offence_group_sealed) } : {}),
    ...(r.proven_on ? { provenOn: r.proven_on } : {}),
    panel: { id: r.panel_id, name: r.panel_name },
    notes: r.notes_sealed ? cipher.open(OUTCOME_NOTES, r.notes_sealed) : null,
    recordedAt: r.created_at,
  })

  async function listOutcomeEvents(who: Who, subjectId: number): Promise<RecordedOutcomeEvent[]> {
    const reach = await reacher.requireReadable(who, subjectId)
    const events = (
      await repo.eventsOfSubject(
        db,
        subjectId,
        reach.readable.map((p) => p.id),
      )
    ).map(toEvent)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-outcome-events',
      entityId: subjectId,
      detail: {
        path: who.via ?? null,
        through: reach.cases,
        panels: reach.readable.map((p) => p.id),
        events: events.map((e) => e.id),
      },
    })
    return events
  }

  async function recordOutcomeEvent(who: Who, subjectId: number, input: unknown): Promise<number> {
    const recordable = await reacher.requireRecordable(who, subjectId)
    const v = parseInput(outcomeInput, input)
    const panelId = recordingPanel(recordable, v.panelId || null)
    const errors: FieldErrors = {}
    const reoffence = v.kind === 'proven-reoffence'
    if (v.date > today()) errors.date = 'The date cannot be in the future'
    if (reoffence && !v.offenceGroup) errors.offenceGroup = 'Select the offence group of a proven reoffence'
    if (!reoffence && v.offenceGroup) errors.offenceGroup = 'Only a proven reoffence has an offence group'
    if (!reoffence && v.provenOn) errors.provenOn = 'Only a proven reoffence is proven'
    else if (v.provenOn && v.provenOn < v.date) errors.provenOn = 'It cannot be proven before the offence'
    else if (v.provenOn && v.provenOn > today()) errors.provenOn = 'The date cannot be in the future'
    if (Object.keys(errors).length) throw new ValidationError(errors)
    const values: repo.OutcomeEventValues = {
      subject_id: subjectId,
      panel_id: panelId,
      kind: v.kind,
      occurred_on: v.date,
      proven_on: v.provenOn,
      offence_group_sealed: v.offenceGroup ? cipher.seal(OFFENCE_GROUP, v.offenceGroup) : null,
      notes_sealed: v.notes ? cipher.seal(OUTCOME_NOTES, v.notes) : null,
      recorded_by_user_id: who.user?.id ?? null,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertEvent(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case-outcome.create',
        entityType: 'case-outcome-event',
        entityId: id,
        after: {
          ...values,
          offence_group_sealed: values.offence_group_sealed ? 'written' : null,
          notes_sealed: values.notes_sealed ? 'written' : null,
        },
      })
      return id
    })
  }

  /**
   * A panel's outcome events, per subject of its cases, for the cohort report: its members only (a
   * list is never opened by break glass), and the command line acting for the operator.
   */
  async function panelOutcomeEvents(who: Who, panelId: number): Promise<SubjectOutcomes[]> {
    const panel = await panels.getPanel(panelId)
    requireMayChangeCase(who, panel)
    const bySubject = new Map<number, RecordedOutcomeEvent[]>()
    for (const row of await repo.eventsOfPanel(db, panelId)) {
      const list = bySubject.get(row.subject_id) ?? []
      list.push(toEvent(row))
      bySubject.set(row.subject_id, list)
    }
    const found = [...bySubject].map(([subjectId, events]) => ({ subjectId, events }))
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-outcome-events',
      detail: { path: who.via ?? null, panel: panelId, subjects: found.map((s) => s.subjectId) },
    })
    return found
  }

  return { listOutcomeEvents, recordOutcomeEvent, panelOutcomeEvents }
}

export type OutcomesService = ReturnType<typeof createOutcomesService>
