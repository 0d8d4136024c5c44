import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { Who } from '../policy.ts'
import type { DirectoryService } from './directory.service.ts'
import { type EpisodeState, episodeProblems, episodeStage, settledOutcome } from './episode-rules.ts'
import * as repo from './episodes.repository.ts'
import { type Episode, STAGE_LABELS } from './intervention.ts'
import {
  ENDING_LABELS,
  type Ending,
  episodeInput,
  episodeProgress,
  type InterventionKind,
  REASON_CODE_LABELS,
  REFERRAL_OUTCOME_LABELS,
  type ReasonCode,
  type ReferralOutcome,
} from './schema.ts'
import { recordingPanel, type SubjectReach, type SubjectReacher } from './subject-reach.ts'

export const EPISODE_NOTES = 'episode.notes'
const STALE = 'Someone else changed this episode after you opened it. Reload it, then try again.'

/** Intervention episodes per subject, read and recorded under the recording panel's need to know. */
export function createEpisodesService(
  ctx: CasesContext,
  reacher: SubjectReacher,
  directory: DirectoryService,
) {
  const { db, audit, cipher, now } = ctx
  const today = () => londonToday(now())

  const stateOf = (r: repo.EpisodeRow): EpisodeState => ({
    referredOn: r.referred_on,
    referralOutcome: r.referral_outcome as ReferralOutcome,
    outcomeOn: r.outcome_on,
    reasonCode: r.reason_code as ReasonCode | null,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    ending: r.ending as Ending | null,
  })

  function toEpisode(r: repo.EpisodeRow, reach: SubjectReach): Episode {
    const s = stateOf(r)
    const stage = episodeStage(s)
    return {
      id: r.id,
      subjectId: r.subject_id,
      panel: { id: r.panel_id, name: r.panel_name },
      intervention: {
        id: r.intervention_id,
        name: r.intervention_name,
        kind: r.intervention_kind as InterventionKind,
        providerName: r.provider_name,
      },
      ...s,
      referralOutcomeLabel: REFERRAL_OUTCOME_LABELS[s.referralOutcome],
      reasonLabel: s.reasonCode ? REASON_CODE_LABELS[s.reasonCode] : null,
      endingLabel: s.ending ? ENDING_LABELS[s.ending] : null,
      stage,
      stageLabel: STAGE_LABELS[stage],
      notes: r.notes_sealed ? cipher.open(EPISODE_NOTES, r.notes_sealed) : null,
      mayChange: reach.recordable.some((p) => p.id === r.panel_id),
      version: r.version,
    }
  }

  const viewed = (who: Who, reach: SubjectReach, entityType: string, entityId: number, ids: number[]) =>
    audit.log(who.actor, {
      action: VIEWED,
      entityType,
      entityId,
      detail: {
        path: who.via ?? null,
        through: reach.cases,
        panels: reach.readable.map((p) => p.id),
        ...(reach.readable.some((p) => p.by === 'break-glass')
          ? { break_glass: reach.readable.flatMap((p) => (p.glassId ? [p.glassId] : [])) }
          : {}),
        episodes: ids,
      },
    })

  /** A subject's episodes with the panels the reader may read; "not found" for anyone else. */
  async function listEpisodes(
    who: Who,
    subjectId: number,
  ): Promise<{ reach: SubjectReach; episodes: Episode[] }> {
    const reach = await reacher.requireReadable(who, subjectId)
    const rows = await repo.episodesOfSubject(
      db,
      subjectId,
      reach.readable.map((p) => p.id),
    )
    const episodes = rows.map((r) => toEpisode(r, reach))
    await viewed(
      who,
      reach,
      'case-episodes',
      subjectId,
      episodes.map((e) => e.id),
    )
    return { reach, episodes }
  }

  /** An episode's reader is whoever may read the recording panel's cases naming its subject. */
  async function readable(who: Who, id: number) {
    const row = await repo.findEpisode(db, id)
    if (!row) throw new NotFoundError('Episode')
    const reach = await reacher.reach(who, row.subject_id)
    if (!reach.readable.some((p) => p.id === row.panel_id)) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case-episode',
        entityId: id,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Episode')
    }
    return { row, reach }
  }

  async function getEpisode(who: Who, id: number): Promise<Episode> {
    const { row, reach } = await readable(who, id)
    const episode = toEpisode(row, reach)
    await viewed(who, reach, 'case-episode', id, [id])
    return episode
  }

  /** A referral of the subject to a service in the directory, by one of the user's panels. */
  async function referToIntervention(who: Who, subjectId: number, input: unknown): Promise<number> {
    // Need to know first: someone who may not record for the subject learns nothing from a bad form.
    const recordable = await reacher.requireRecordable(who, subjectId)
    const v = parseInput(episodeInput, input)
    const panelId = recordingPanel(recordable, v.panelId || null)
    await directory.getIntervention(v.interventionId).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ interventionId: 'Select the service from the directory' })
      throw error
    })
    if (v.referredOn > today()) throw new ValidationError({ referredOn: 'The date cannot be in the future' })
    const at = now().toISOString()
    return db.transaction().execute(async (trx) => {
      const values = {
        subject_id: subjectId,
        panel_id: panelId,
        intervention_id: v.interventionId,
        referred_on: v.referredOn,
        referral_outcome: 'pending',
        outcome_on: null,
        reason_code: null,
        started_on: null,
        ended_on: null,
        ending: null,
        notes_sealed: v.notes ? cipher.seal(EPISODE_NOTES, v.notes) : null,
      }
      const id = await repo.insertEpisode(trx, values, at)
      await audit.record(trx, who.actor, {
        action: 'case-episode.create',
        entityType: 'case-episode',
        entityId: id,
        // Sealed fields are recorded as written, never their text (ADR 0027).
        after: { ...values, notes_sealed: values.notes_sealed ? 'written' : null },
      })
      return id
    })
  }

  /** The service's answer, the start and the end: by members of the recording panel only. */
  async function updateEpisode(who: Who, id: number, input: unknown): Promise<void> {
    const { row, reach } = await readable(who, id)
    if (!reach.recordable.some((p) => p.id === row.panel_id)) throw new NotFoundError('Episode')
    const v = parseInput(episodeProgress, input)
    const state: EpisodeState = { ...v, referredOn: row.referred_on }
    state.referralOutcome = settledOutcome(state)
    const problems = episodeProblems(state, today())
    if (Object.keys(problems).length) throw new ValidationError(problems)
    const values: repo.EpisodeValues = {
      referral_outcome: state.referralOutcome,
      outcome_on: state.outcomeOn,
      reason_code: state.reasonCode,
      started_on: state.startedOn,
      ended_on: state.endedOn,
      ending: state.ending,
      notes_sealed: v.notes ? cipher.seal(EPISODE_NOTES, v.notes) : null,
    }
    const notesBefore = row.notes_sealed ? cipher.open(EPISODE_NOTES, row.notes_sealed) : null
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateEpisode(trx, id, v.version, values, now().toISOString())))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: 'case-episode.update',
        entityType: 'case-episode',
        entityId: id,
        before: { ...stateOf(row), notes_sealed: row.notes_sealed ? 'written' : null },
        after: {
          ...values,
          notes_sealed: notesBefore === v.notes ? (values.notes_sealed ? 'unchanged' : null) : 'changed',
        },
      })
    })
  }

  return { listEpisodes, getEpisode, referToIntervention, updateEpisode }
}

export type EpisodesService = ReturnType<typeof createEpisodesService>
