import { DASH_ANSWER_LABELS } from '../assessments/assessment.ts'
import { DASH_ANSWERS } from '../rules/dash.ts'
import { DASH_QUESTIONS } from '../rules/dash-questions.ts'

// The Dash checklist as plain radios that work without JavaScript: dash_q1…dash_q24 (yes, no or
// not known), a note beside each (dash_note1…), the incidents in 12 months, and professional
// judgement (a box and its reason). This turns the form into the service's input and back.

export const dashQuestions = DASH_QUESTIONS.map((q) => ({
  ...q,
  items: DASH_ANSWERS.map((a) => ({ value: a, text: DASH_ANSWER_LABELS[a] })),
}))

const touched = (body: Record<string, string>) =>
  Object.entries(body).some(
    ([k, v]) =>
      (/^dash_(q|note)\d+$/.test(k) || k === 'dash_incidents' || k === 'dash_judgementReason') &&
      v.trim() !== '',
  ) || body.dash_judgement === 'yes'

/** The checklist from the form; null when nothing of it was filled in (it is optional on a referral). */
export function dashFromForm(body: Record<string, string>, required = false) {
  if (!required && !touched(body)) return null
  const answers = DASH_QUESTIONS.map((q) => body[`dash_q${q.number}`] ?? '').filter((a) => a !== '')
  const notes = Object.fromEntries(
    DASH_QUESTIONS.map((q) => [String(q.number), (body[`dash_note${q.number}`] ?? '').trim()]).filter(
      ([, n]) => n,
    ),
  )
  return {
    answers,
    notes,
    incidentsLast12Months: body.dash_incidents ?? '',
    professionalJudgement: body.dash_judgement === 'yes' ? { reason: body.dash_judgementReason ?? '' } : null,
  }
}

const FIELDS: Record<string, string> = {
  answers: 'dash_answers',
  incidentsLast12Months: 'dash_incidents',
  professionalJudgement: 'dash_judgementReason',
}

/** dash.answers → the form's dash_answers, and so on; anything else as it is. */
export function dashFieldOf(field: string): string | null {
  const m = field.match(/^dash\.(\w+)/)
  return m ? (FIELDS[m[1] as string] ?? 'dash_answers') : null
}
