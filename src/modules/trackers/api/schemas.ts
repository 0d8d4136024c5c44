import { z } from 'zod'
import { CHECKLIST, EVENT_TYPES, INDICATORS, keysOf, PLACE_KINDS, RISK_LEVELS, TACTICS } from '../words.ts'

// The trackers' answers as the OpenAPI document describes them.

const partner = z.object({ id: z.number(), name: z.string() })
export const place = z.object({
  kind: z.enum(keysOf(PLACE_KINDS)),
  code: z.string().nullable().describe('The ward’s or LSOA’s ONS code'),
  name: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
})

export const eventSummary = z.object({
  id: z.number(),
  title: z.string(),
  eventType: z.enum(keysOf(EVENT_TYPES)),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  riskLevel: z.enum(keysOf(RISK_LEVELS)),
  place,
  partners: z.array(partner),
  version: z.number(),
})
export const trackedEvent = eventSummary.extend({
  description: z.string().nullable(),
  plan: z.string().nullable(),
  outcome: z.string().nullable(),
})

const trend = z
  .enum(['rising', 'stable', 'falling'])
  .nullable()
  .describe('Against the area’s previous assessment; null for its first')
export const tensionSummary = z.object({
  id: z.number(),
  area: z.object({ kind: z.enum(['ward', 'area']), code: z.string().nullable(), name: z.string() }),
  assessedOn: z.string(),
  level: z.number().int().min(1).max(5),
  previousLevel: z.number().nullable(),
  trend,
})
export const tensionAssessment = tensionSummary.extend({
  summary: z.string().nullable(),
  actions: z.string().nullable(),
  indicators: z.array(
    z.object({ indicator: z.enum(keysOf(INDICATORS)), level: z.number(), note: z.string().nullable() }),
  ),
  contributions: z.array(z.object({ organisation: partner, note: z.string() })),
})

export const activity = z.object({
  id: z.number(),
  activityOn: z.string(),
  tactic: z.enum(keysOf(TACTICS)),
  operation: z.string().nullable(),
  place,
  weaponsRecovered: z.number().nullable().describe('null when not counted'),
  partners: z.array(partner),
})
export const activityRecord = activity.extend({ resultNote: z.string().nullable() })
const summary = z.object({
  key: z.string(),
  label: z.string(),
  entries: z.number(),
  byTactic: z.record(z.string(), z.number()),
  weaponsRecovered: z.number().nullable(),
})
export const activityReport = z.object({
  from: z.string(),
  to: z.string(),
  activities: z.array(activity),
  byMonth: z.array(
    summary.extend({
      stopSearch: z.object({
        month: z.string(),
        searches: z
          .number()
          .nullable()
          .describe('null: the crime store holds no stop and search for the month'),
        arrests: z.number().nullable(),
      }),
    }),
  ),
  byPlace: z.array(summary),
  stopSearch: z.object({
    area: z.object({ code: z.string(), name: z.string() }).nullable(),
    total: z.number().nullable(),
    arrests: z.number().nullable(),
    section60: z.number().nullable(),
  }),
})

export const incidentSummary = z.object({
  id: z.number(),
  title: z.string(),
  occurredOn: z.string(),
  place,
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  done: z.number(),
  items: z.number(),
})
export const criticalIncident = incidentSummary.extend({
  summary: z.string().nullable(),
  checklist: z.array(
    z.object({
      item: z.enum(keysOf(CHECKLIST)),
      doneBy: z.string().nullable(),
      doneOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  timeline: z.array(z.object({ id: z.number(), at: z.string(), entry: z.string() })),
  tensionAssessments: z.array(tensionSummary),
  taskingIds: z.array(z.number()),
  taskings: z
    .array(
      z.object({
        id: z.number(),
        meetingId: z.number().nullable(),
        month: z.string().nullable(),
        title: z.string().nullable().describe('null where tasking is not installed or the tasking is gone'),
      }),
    )
    .describe('The linked taskings with their titles from the tasking service'),
})
