import type { FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'
import type { Place } from '../records.ts'
import { TREND_LABELS } from '../rules/trend.ts'
import {
  CHECKLIST,
  EVENT_TYPES,
  INDICATORS,
  PLACE_KINDS,
  RISK_LEVELS,
  TACTICS,
  TENSION_LEVELS,
} from '../words.ts'

/** Who is acting on a page: every trackers route declares a permission, so someone is signed in. */
export const whoOf = (request: FastifyRequest): Who => ({ actor: request.actor, user: request.user })

export const canManage = (request: FastifyRequest) =>
  request.user ? can(request.user.role, 'trackers:manage') : false

export const noticeOf = (request: FastifyRequest) => (request.query as { notice?: string }).notice

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "14 March 2026"; blank for no date. */
export const dayText = (day: string | null) =>
  day ? DAY.format(new Date(`${day.slice(0, 10)}T00:00:00Z`)) : ''
/** "March 2026" for 2026-03. */
export const monthText = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`))

/** "14 March 2026" or "14 March 2026 to 16 March 2026". */
export const daysText = (from: string, to: string | null) =>
  to && to !== from ? `${dayText(from)} to ${dayText(to)}` : dayText(from)

export function placeText(p: Place): string {
  if (p.kind === 'ward') return `${p.name} (ward)`
  if (p.kind === 'lsoa') return `${p.name} (LSOA ${p.code})`
  if (p.kind === 'point') return `${p.name} (${p.latitude?.toFixed(4)}, ${p.longitude?.toFixed(4)})`
  return p.name
}

const items = (o: Record<string, string>) => Object.entries(o).map(([value, text]) => ({ value, text }))

/** The labels and choices every trackers template uses. */
export const words = {
  eventTypes: EVENT_TYPES,
  riskLevels: RISK_LEVELS,
  tactics: TACTICS,
  indicators: INDICATORS,
  checklist: CHECKLIST,
  trends: TREND_LABELS,
  tensionLevels: TENSION_LEVELS,
  eventTypeItems: items(EVENT_TYPES),
  riskItems: items(RISK_LEVELS),
  tacticItems: items(TACTICS),
  placeKindItems: items(PLACE_KINDS),
  levelItems: Object.entries(TENSION_LEVELS).map(([value, text]) => ({ value, text })),
}

/** A form's place fields as they were stored, to fill a change form. */
export const placeValues = (p: Place) => ({
  placeKind: p.kind,
  wardCode: p.kind === 'ward' ? p.code : '',
  lsoaCode: p.kind === 'lsoa' ? p.code : '',
  placeName: p.kind === 'point' || p.kind === 'text' ? p.name : '',
  latitude: p.latitude ?? '',
  longitude: p.longitude ?? '',
})

/** The wards of the area as a select's options. */
export const wardItems = async (trackers: Services['trackers']) =>
  (await trackers.wards()).map((w) => ({ value: w.code, text: w.name }))

/** Every organisation as a tick box, ticked where chosen. */
export async function partnerItems(partners: Services['partners'], chosen: string[]) {
  return (await partners.listOrganisations()).map((o) => ({
    value: String(o.id),
    text: o.name,
    checked: chosen.includes(String(o.id)),
  }))
}

/** A form's chosen ids, as one value or several. */
export function partnerIds(body: unknown): string[] {
  const v = (body as Record<string, unknown> | undefined)?.partnerIds
  return (Array.isArray(v) ? v : v ? [v] : []).map(String)
}
