import type { FieldErrors } from '../../../shared/errors.ts'
import { dashFieldOf, dashFromForm } from './dash-form.ts'

// The referral form without JavaScript: up to SLOTS people, each a set of fields named s0_forename,
// s0_surname…; aliases and addresses one a line. This turns the flat form into the service's input,
// and the service's field names back into the form's.

export const SLOTS = 3
const FIELDS = [
  'role',
  'forename',
  'surname',
  'dateOfBirth',
  'gender',
  'ethnicity',
  'disability',
  'sexuality',
] as const

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

/** "Forename Surname" a line: the last word is the surname. */
function aliasOf(line: string) {
  const words = line.split(/\s+/)
  return { surname: words.pop() ?? '', forename: words.join(' ') }
}

const used = (body: Record<string, string>, i: number) =>
  ['forename', 'surname', 'dateOfBirth'].some((f) => (body[`s${i}_${f}`] ?? '').trim() !== '')

export function referralFromForm(body: Record<string, string>) {
  const subjects = []
  for (let i = 0; i < SLOTS; i++) {
    if (!used(body, i)) continue
    const subject: Record<string, unknown> = Object.fromEntries(
      FIELDS.map((f) => [f, body[`s${i}_${f}`] ?? '']),
    )
    subject.aliases = lines(body[`s${i}_aliases`]).map(aliasOf)
    subject.addresses = lines(body[`s${i}_addresses`]).map((address) => ({ address }))
    subject.matches = Object.fromEntries(
      Object.entries(body)
        .filter(([k]) => k.startsWith(`s${i}_match_`))
        .map(([k, v]) => [k.slice(`s${i}_match_`.length), v]),
    )
    subjects.push({ slot: i, subject })
  }
  return {
    slots: subjects.map((s) => s.slot),
    input: {
      panelId: body.panelId ?? '',
      reasons: body.reasons ?? '',
      risk: body.risk ?? '',
      consent: body.consent ?? '',
      shareWithoutConsentReason: body.shareWithoutConsentReason ?? '',
      shareWithoutConsentBasis: body.shareWithoutConsentBasis ?? '',
      referredOn: body.referredOn ?? '',
      subjects: subjects.map((s) => s.subject),
      dash: dashFromForm(body),
    },
  }
}

/** The service names subjects by their place among those filled in; the form by slot. */
export function formErrors(errors: FieldErrors, slots: number[]): FieldErrors {
  const out: FieldErrors = {}
  for (const [field, text] of Object.entries(errors)) {
    const m = field.match(/^subjects\.(\d+)\.(\w+)/)
    if (m) out[`s${slots[Number(m[1])] ?? 0}_${m[2]}`] = text
    else if (dashFieldOf(field)) out[dashFieldOf(field) as string] = text
    else if (field === 'subjects') out.s0_forename = text
    else out[field] = text
  }
  return out
}

/** Every field of the form as hidden inputs, for the second step to carry forward. */
export const carried = (body: Record<string, string>) =>
  Object.entries(body)
    .filter(([k]) => k !== '_csrf' && !/_match_/.test(k))
    .map(([name, value]) => ({ name, value }))
