import { DASH_BAND_LABELS, type DashAnswer, type DashBand } from '../rules/dash.ts'
import { DASH_QUESTIONS } from '../rules/dash-questions.ts'

export const DASH_ANSWER_LABELS: Record<DashAnswer, string> = {
  yes: 'Yes',
  no: 'No',
  'not-known': 'Not known',
}

/** One Dash assessment of a case, opened: read only by someone the policy let read the case. */
export interface Assessment {
  id: number
  checklistVersion: string
  assessedOn: string
  answers: Array<{ number: number; question: string; answer: DashAnswer; answerLabel: string; note: string }>
  yes: number
  band: DashBand
  bandLabel: string
  incidentsLast12Months: number | null
  escalationIncidents: number
  /** The victim's last MARAC referral before this one, as Safer found it. */
  lastReferral: { id: number | null; on: string } | null
  visibleHighRisk: boolean
  potentialEscalation: boolean
  repeatMarac: boolean
  professionalJudgement: string | null
  referToMarac: boolean
  reasons: string[]
}

export interface SealedAnswers {
  answers: DashAnswer[]
  notes: Record<string, string>
}

export function answersOf(sealed: SealedAnswers): Assessment['answers'] {
  return sealed.answers.map((answer, i) => ({
    number: i + 1,
    question: DASH_QUESTIONS[i]?.text ?? '',
    answer,
    answerLabel: DASH_ANSWER_LABELS[answer],
    note: sealed.notes[String(i + 1)] ?? '',
  }))
}

export const bandLabel = (band: string) => DASH_BAND_LABELS[band as DashBand] ?? band
