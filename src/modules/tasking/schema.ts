import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'
import { TASKING_STATUSES } from './rules/carry-over.ts'
import { TASKING_MEETING_STATUSES } from './rules/meeting-status.ts'

// What tasking meetings, taskings and the settings accept, from a form (strings) or JSON alike.

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

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

export const monthField = z
  .string({ error: 'Enter the month as YYYY-MM, like 2025-03' })
  .trim()
  .regex(MONTH, 'Enter the month as YYYY-MM, like 2025-03')

const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.null(), idField(message)], { error: message })
    .optional()
    .transform((v) => (v === '' || v == null ? null : v))

export const meetingInput = z.object({
  month: monthField,
  meetingDate: day('Enter the meeting date as YYYY-MM-DD'),
  /** An ONS area by name or code; blank means the partnership's home area. */
  area: optionalText(120),
  chairPersonId: optionalId('Select the chair from the list'),
})

export const statusInput = z.object({
  status: z.enum(TASKING_MEETING_STATUSES, { error: 'Select a status' }),
})

export const attendeeInput = z.object({
  organisationId: idField('Select an organisation from the list'),
  personId: optionalId('Select a person from the list'),
})

export const COMMENTARY_SECTIONS = ['summary', 'hotspots', 'changes', 'violence'] as const
export type CommentarySection = (typeof COMMENTARY_SECTIONS)[number]

export const commentaryInput = z.object({
  section: z.enum(COMMENTARY_SECTIONS, { error: 'Choose a section of the briefing' }),
  body: z.string().trim().max(10_000, 'Must be 10,000 characters or fewer').optional().default(''),
})

export const PLACE_KINDS = ['lsoa', 'ward', 'street', 'point', 'cohort'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

const coordinate = (message: string, min: number, max: number) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d+(\.\d+)?$/, message)
          .transform(Number),
        z.literal(''),
      ],
      {
        error: message,
      },
    )
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v))
    .refine((v) => v === null || (v >= min && v <= max), message)

export const taskingInput = z
  .object({
    organisationId: idField('Select the organisation tasked'),
    officerPersonId: optionalId('Select the officer from the list'),
    placeKind: z.enum(PLACE_KINDS, { error: 'Choose what kind of place it is' }),
    /** An LSOA or ward by ONS code or name; a street's name. */
    place: optionalText(200),
    latitude: coordinate('Enter a latitude in the UK, between 49 and 61', 49, 61),
    longitude: coordinate('Enter a longitude in the UK, between -9 and 2', -9, 2),
    action: requiredText('Enter what the organisation is tasked to do', 2000),
    expectedResult: requiredText('Enter the expected result', 2000),
    dueDate: day('Enter the due date as YYYY-MM-DD'),
    /** A risk panel whose cohort is tasked: the subjects of its open cases. */
    cohortPanelId: optionalId('Select a risk panel from the list'),
    /** Some of the cohort, by subject id; none means all of it. */
    cohortSubjectIds: z
      .union([z.array(z.union([z.number(), z.string()])), z.string(), z.number()], {
        error: 'Choose people from the panel’s cohort',
      })
      .optional()
      .transform((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]).map(Number))
      .refine((l) => l.every((n) => Number.isInteger(n) && n > 0), 'Choose people from the panel’s cohort'),
  })
  .superRefine((v, ctx) => {
    if (v.placeKind === 'cohort') {
      if (v.cohortPanelId === null)
        ctx.addIssue({
          code: 'custom',
          path: ['cohortPanelId'],
          message: 'Select the risk panel whose cohort it is',
        })
    } else if (v.placeKind === 'point') {
      if (v.latitude === null)
        ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'Enter the point’s latitude' })
      if (v.longitude === null)
        ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'Enter the point’s longitude' })
    } else if (!v.place) {
      const what = { lsoa: 'the LSOA’s name or code', ward: 'the ward’s name or code', street: 'the street' }
      ctx.addIssue({ code: 'custom', path: ['place'], message: `Enter ${what[v.placeKind]}` })
    }
  })

/** A point typed on the tasking form, to be shown on the map and named. */
export const pointInput = z
  .object({
    latitude: coordinate('Enter a latitude in the UK, between 49 and 61', 49, 61),
    longitude: coordinate('Enter a longitude in the UK, between -9 and 2', -9, 2),
  })
  .superRefine((v, ctx) => {
    if (v.latitude === null)
      ctx.addIssue({
        code: 'custom',
        path: ['latitude'],
        message: 'Enter the point’s latitude, or choose it on the map',
      })
    if (v.longitude === null)
      ctx.addIssue({
        code: 'custom',
        path: ['longitude'],
        message: 'Enter the point’s longitude, or choose it on the map',
      })
  })

export const outcomeInput = z
  .object({
    status: z.enum(TASKING_STATUSES, { error: 'Select the outcome' }),
    actualResult: optionalText(2000),
    notDoneReason: optionalText(2000),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'not-done' && !v.notDoneReason)
      ctx.addIssue({ code: 'custom', path: ['notDoneReason'], message: 'Say why it was not done' })
    if (v.status === 'done' && !v.actualResult)
      ctx.addIssue({ code: 'custom', path: ['actualResult'], message: 'Enter the actual result' })
  })

const typeList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) =>
    (typeof v === 'string' ? v.split(/\r?\n/) : v).map((s) => s.trim()).filter((s) => s.length > 0),
  )

export const settingsInput = z.object({
  policeUkTypes: typeList.refine((l) => l.length > 0, 'Name at least one police.uk crime type'),
  recordedCategories: typeList
    .transform((l) => l.map((s) => s.toUpperCase()))
    .refine((l) => l.length > 0, 'Name at least one recorded-crime category'),
  hotspotCount: z
    .union([z.number().int(), z.string().trim().regex(/^\d+$/, 'Enter a whole number').transform(Number)], {
      error: 'Enter how many hotspots to list, from 3 to 20',
    })
    .refine((n) => n >= 3 && n <= 20, 'Enter how many hotspots to list, from 3 to 20'),
})
