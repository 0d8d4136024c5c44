import { answersOf, type SealedAnswers } from '../assessments/assessment.ts'
import type { CasePart } from '../rights/parts.ts'
import {
  actionsOf,
  assessmentsOf,
  deleteMaracWork,
  discussionsOf,
  safetyPlansOf,
} from './rights.repository.ts'

// The MARAC work (Dash assessments, meeting discussions, actions, safety plans) in the rights:
// key rotation re-seals these columns, a subject access export shows them opened, and retention
// deletes them with the case. The purposes are the ones each service seals with.

export const maracWorkPart: CasePart = {
  name: 'MARAC assessments, meetings, actions and safety plans',
  sealed: [
    { table: 'case_assessments', column: 'answers_sealed', purpose: 'assessment.answers' },
    { table: 'case_assessments', column: 'judgement_sealed', purpose: 'assessment.judgement' },
    { table: 'case_assessments', column: 'reasons_sealed', purpose: 'assessment.reasons' },
    { table: 'case_meeting_cases', column: 'discussion_sealed', purpose: 'meeting.discussion' },
    { table: 'case_actions', column: 'action_sealed', purpose: 'action.text' },
    { table: 'case_actions', column: 'result_sealed', purpose: 'action.result' },
    { table: 'case_safety_plans', column: 'plan_sealed', purpose: 'case.safety-plan' },
  ],
  async exportSections(db, cipher, { caseIds }) {
    if (caseIds.length === 0) return []
    const [assessments, discussions, actions, plans] = await Promise.all([
      assessmentsOf(db, caseIds),
      discussionsOf(db, caseIds),
      actionsOf(db, caseIds),
      safetyPlansOf(db, caseIds),
    ])
    return [
      {
        title: 'Risk assessments (Dash)',
        rows: assessments.map((a) => ({
          case: a.referral_id,
          assessed: a.assessed_on,
          checklist: a.checklist_version,
          yes: a.yes_count,
          band: a.band,
          'refer to MARAC': a.refer_to_marac ? 'yes' : 'no',
          // Each question as the checklist asks it, the answer, and the note written beside it.
          answers: answersOf(cipher.openJson<SealedAnswers>('assessment.answers', a.answers_sealed))
            .map((q) => `${q.number}. ${q.question} ${q.answerLabel}${q.note ? ` (${q.note})` : ''}`)
            .join('\n'),
          'professional judgement': a.judgement_sealed
            ? cipher.open('assessment.judgement', a.judgement_sealed)
            : null,
          reasons: cipher.openJson<string[]>('assessment.reasons', a.reasons_sealed).join('; '),
        })),
      },
      {
        title: 'Panel meeting discussions',
        rows: discussions.map((d) => ({
          case: d.referral_id,
          meeting: d.meets_on,
          discussion: d.discussion_sealed ? cipher.open('meeting.discussion', d.discussion_sealed) : null,
        })),
      },
      {
        title: 'Actions agreed',
        rows: actions.map((a) => ({
          case: a.referral_id,
          due: a.due_on,
          status: a.status,
          action: cipher.open('action.text', a.action_sealed),
          result: a.result_sealed ? cipher.open('action.result', a.result_sealed) : null,
        })),
      },
      {
        title: 'Safety plans',
        rows: plans.map((p) => ({
          case: p.referral_id,
          plan: cipher.open('case.safety-plan', p.plan_sealed),
        })),
      },
    ].filter((section) => section.rows.length > 0)
  },
  deleteCase: deleteMaracWork,
}
