import { z } from 'zod'
import { londonToday } from '../../shared/london-day.ts'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'
import { monthsFrom } from './rules/summaries.ts'
import { CHECKLIST, EVENT_TYPES, INDICATORS, keysOf, PLACE_KINDS, RISK_LEVELS, TACTICS } from './words.ts'

// What the trackers accept, from a form (strings) or JSON alike. Free text that could name someone
// carries a hint on its form; the API's lists leave it out.

const validDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}
const day = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(validDay, message)
const optionalDay = (message: string) =>
  z
    .union([z.literal(''), z.null(), day(message)], { error: message })
    .optional()
    .transform((v) => (v ? v : null))

/** Ids from a multiple-choice box: one (a string), several (an array) or none. */
const idList = (message: string) =>
  z
    .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(idField(message)))
    .transform((ids) => [...new Set(ids)])

const coordinate = (message: string, min: number, max: number) =>
  z
    .union([z.literal(''), z.null(), z.coerce.number({ error: message }).min(min, message).max(max, message)])
    .optional()
    .transform((v) => (v === '' || v == null ? null : v))

/** Where something happened: a ward or LSOA by its ONS code, a point, or words. */
export const placeFields = {
  placeKind: z.enum(keysOf(PLACE_KINDS), { error: 'Select how the place is given' }),
  wardCode: optionalText(9),
  lsoaCode: optionalText(9),
  placeName: optionalText(200),
  latitude: coordinate('Enter the latitude as a number between 49 and 61, like 51.4741', 49, 61),
  longitude: coordinate('Enter the longitude as a number between -8 and 2, like -0.0693', -8, 2),
}

type PlaceInput = { [K in keyof typeof placeFields]: z.output<(typeof placeFields)[K]> }

/** Each kind of place needs its own fields. */
export function checkPlace(p: PlaceInput, ctx: z.RefinementCtx) {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (p.placeKind === 'ward' && !/^E05\d{6}$/.test(p.wardCode ?? '')) need('wardCode', 'Select the ward')
  if (p.placeKind === 'lsoa' && !/^E01\d{6}$/.test(p.lsoaCode ?? ''))
    need('lsoaCode', 'Enter the LSOA’s code, like E01003968')
  if (p.placeKind === 'point') {
    if (p.latitude === null) need('latitude', 'Enter the latitude, like 51.4741')
    if (p.longitude === null) need('longitude', 'Enter the longitude, like -0.0693')
    if (!p.placeName) need('placeName', 'Describe the point in a few words, like Peckham Rye station')
  }
  if (p.placeKind === 'text' && !p.placeName) need('placeName', 'Describe the place, like Burgess Park')
}

export const eventInput = z
  .object({
    title: requiredText('Enter what the event is, without naming anyone'),
    eventType: z.enum(keysOf(EVENT_TYPES), { error: 'Select the type of event' }),
    startsOn: day('Enter the date the event starts, like 2026-03-14'),
    endsOn: optionalDay('Enter the end date as a real date, like 2026-03-15'),
    riskLevel: z.enum(keysOf(RISK_LEVELS), { error: 'Select the risk level' }),
    description: optionalText(2000),
    plan: optionalText(4000),
    outcome: optionalText(4000),
    partnerIds: idList('Select the partners informed from the list'),
    ...placeFields,
  })
  .superRefine(checkPlace)
  .refine((e) => !e.endsOn || e.endsOn >= e.startsOn, {
    path: ['endsOn'],
    message: 'The end date must be on or after the start date',
  })
export const eventChanges = eventInput.and(z.object({ version: versionField }))

const level = (message: string) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(5, message)
export const indicatorInput = z.object({
  indicator: z.enum(keysOf(INDICATORS), { error: 'Select the indicator' }),
  level: level('Give the indicator a level from 1 to 5'),
  note: optionalText(500),
})

export const contributionInput = z.object({
  organisationId: idField('Select the agency from the list'),
  note: requiredText('Say what the agency contributed', 1000),
})

export const tensionInput = z
  .object({
    areaKind: z.enum(['ward', 'area'], { error: 'Select a ward or the whole area' }),
    wardCode: optionalText(9),
    assessedOn: day('Enter the date of the assessment, like 2026-03-14'),
    level: level('Select a tension level from 1 to 5'),
    summary: optionalText(2000),
    actions: optionalText(4000),
    indicators: z.array(indicatorInput).max(4).optional().default([]),
    contributions: z.array(contributionInput).max(20).optional().default([]),
  })
  .refine((t) => t.areaKind === 'area' || /^E05\d{6}$/.test(t.wardCode ?? ''), {
    path: ['wardCode'],
    message: 'Select the ward',
  })
  .refine((t) => new Set(t.indicators.map((i) => i.indicator)).size === t.indicators.length, {
    path: ['indicators'],
    message: 'Give each indicator once',
  })

/** The form's flat fields (indicator-incidents-level, contribution-1-organisationId…) as the input above. */
export function tensionFromForm(body: Record<string, string>) {
  const indicators = Object.keys(INDICATORS).flatMap((key) => {
    const lvl = body[`indicator-${key}-level`]
    const note = body[`indicator-${key}-note`]
    return lvl || note ? [{ indicator: key, level: lvl ?? '', note }] : []
  })
  const contributions = [1, 2, 3, 4].flatMap((n) => {
    const organisationId = body[`contribution-${n}-organisationId`]
    const note = body[`contribution-${n}-note`]
    return organisationId || note ? [{ organisationId: organisationId ?? '', note: note ?? '' }] : []
  })
  return { ...body, indicators, contributions }
}

export const activityInput = z
  .object({
    activityOn: day('Enter the date of the activity, like 2026-03-14'),
    tactic: z.enum(keysOf(TACTICS), { error: 'Select the tactic' }),
    operation: optionalText(200),
    weaponsRecovered: z
      .union([z.literal(''), z.null(), z.coerce.number().int().min(0).max(10_000)], {
        error: 'Enter the weapons recovered as a whole number, or leave it blank if not counted',
      })
      .optional()
      .transform((v) => (v === '' || v == null ? null : v)),
    resultNote: optionalText(2000),
    partnerIds: idList('Select the partners from the list'),
    ...placeFields,
  })
  .superRefine(checkPlace)

export const incidentInput = z
  .object({
    title: requiredText('Enter a short title for the incident, without naming anyone'),
    occurredOn: day('Enter the date of the incident, like 2026-03-14'),
    summary: optionalText(4000),
    ...placeFields,
  })
  .superRefine(checkPlace)

export const checklistInput = z.object({
  item: z.enum(keysOf(CHECKLIST), { error: 'Select the checklist item' }),
  doneBy: requiredText('Say who did it: a team or organisation, like MPS Safer Neighbourhoods'),
  doneOn: day('Enter the date it was done, like 2026-03-14'),
  note: optionalText(1000),
})

const dayTime = 'Enter the date and time, like 2026-03-10 and 14:00'
export const timelineInput = z.object({
  at: z
    .string({ error: dayTime })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, dayTime)
    .refine((v) => validDay(v.slice(0, 10)), dayTime),
  entry: requiredText('Enter what happened, without naming anyone', 2000),
})

export const linkInput = z
  .object({
    assessmentId: z
      .union([z.literal(''), z.null(), idField('Select the tension assessment from the list')])
      .optional()
      .transform((v) => (v === '' || v == null ? null : v)),
    taskingId: z
      .union([z.literal(''), z.null(), idField('Enter the tasking’s number')])
      .optional()
      .transform((v) => (v === '' || v == null ? null : v)),
  })
  .refine((l) => (l.assessmentId === null) !== (l.taskingId === null), {
    path: ['assessmentId'],
    message: 'Select a tension assessment or enter a tasking’s number, one at a time',
  })

export const closeInput = z.object({ closedOn: day('Enter the date the response closed, like 2026-03-14') })

/** A period of months for the police activity report and its filter. */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, like 2026-03')
export const periodQuery = z
  .object({
    from: month.optional().or(z.literal('').transform(() => undefined)),
    to: month.optional().or(z.literal('').transform(() => undefined)),
    tactic: z
      .enum(Object.keys(TACTICS) as [string, ...string[]])
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .transform((q) => {
    // The last twelve months by default, ending with this one.
    const to = q.to ?? londonToday().slice(0, 7)
    const from = q.from ?? monthsFrom(`${Number(to.slice(0, 4)) - 1}-${to.slice(5)}`, to)[1] ?? to
    return { ...q, from, to }
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'The end month must be on or after the start month',
  })
