import { OFFENCE_GROUP, OUTCOME_NOTES } from '../outcomes/outcomes.service.ts'
import type { CasePart } from '../rights/parts.ts'
import { EPISODE_NOTES } from './episodes.service.ts'
import { deletePeoplesInterventions, episodesOf, outcomeEventsOf } from './rights.repository.ts'

// Intervention episodes and outcome events belong to a person, not a case: key rotation re-seals
// them, a subject access export shows them opened, and retention deletes them with the person.

export const interventionsPart: CasePart = {
  name: 'intervention episodes and outcome events',
  sealed: [
    { table: 'case_intervention_episodes', column: 'notes_sealed', purpose: EPISODE_NOTES },
    { table: 'case_outcome_events', column: 'offence_group_sealed', purpose: OFFENCE_GROUP },
    { table: 'case_outcome_events', column: 'notes_sealed', purpose: OUTCOME_NOTES },
  ],
  async exportSections(db, cipher, { subjectIds }) {
    if (subjectIds.length === 0) return []
    const [episodes, events] = await Promise.all([
      episodesOf(db, subjectIds),
      outcomeEventsOf(db, subjectIds),
    ])
    return [
      {
        title: 'Interventions',
        rows: episodes.map((e) => ({
          service: e.service,
          referred: e.referred_on,
          'service’s answer': e.referral_outcome,
          reason: e.reason_code,
          started: e.started_on,
          ended: e.ended_on,
          ending: e.ending,
          notes: e.notes_sealed ? cipher.open(EPISODE_NOTES, e.notes_sealed) : null,
        })),
      },
      {
        title: 'Outcomes',
        rows: events.map((e) => ({
          outcome: e.kind,
          on: e.occurred_on,
          proven: e.proven_on,
          'offence group': e.offence_group_sealed ? cipher.open(OFFENCE_GROUP, e.offence_group_sealed) : null,
          notes: e.notes_sealed ? cipher.open(OUTCOME_NOTES, e.notes_sealed) : null,
        })),
      },
    ].filter((section) => section.rows.length > 0)
  },
  deleteSubjects: deletePeoplesInterventions,
}
