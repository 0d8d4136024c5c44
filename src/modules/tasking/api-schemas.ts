import { z } from 'zod'
import { CHANGE_AGAINST } from './briefing/model.ts'
import { TASKING_STATUSES } from './rules/carry-over.ts'
import { TASKING_MEETING_STATUSES } from './rules/meeting-status.ts'
import { COMMENTARY_SECTIONS, PLACE_KINDS } from './schema.ts'

// What the tasking API answers: a meeting with its briefing as kept, its agenda and its taskings.

export const settings = z.object({
  policeUkTypes: z.array(z.string()),
  recordedCategories: z.array(z.string()),
  hotspotCount: z.number(),
  version: z.number().describe('0 while the defaults apply'),
})
export const meetingSummary = z.object({
  id: z.number(),
  month: z.string().describe('YYYY-MM: the month the briefing covers'),
  meetingDate: z.string(),
  areaCode: z.string().nullable().describe('null: the partnership’s home area'),
  areaName: z.string().nullable(),
  chairPersonId: z.number().nullable(),
  chairName: z.string().nullable(),
  status: z.enum(TASKING_MEETING_STATUSES),
  briefingGeneratedAt: z.string().nullable(),
  taskingsRaised: z.number(),
  version: z.number(),
})
export const tasking = z.object({
  id: z.number(),
  raisedAtMeetingId: z.number(),
  raisedMonth: z.string(),
  organisationId: z.number(),
  organisationName: z.string(),
  officerPersonId: z.number().nullable(),
  officerName: z.string().nullable(),
  place: z.object({
    kind: z.enum(PLACE_KINDS),
    code: z.string().nullable().describe('ONS code of an LSOA or ward'),
    name: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  }),
  action: z.string(),
  expectedResult: z.string(),
  actualResult: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(TASKING_STATUSES),
  notDoneReason: z.string().nullable(),
  resolvedAtMeetingId: z.number().nullable(),
  carriedOverAtMeetingId: z.number().nullable(),
  cohort: z
    .object({
      panelId: z.number(),
      subjectIds: z.array(z.number()),
      members: z
        .array(
          z.object({
            subjectId: z.number(),
            label: z.string(),
            held: z.boolean().describe('false once deleted under retention: then the label says so'),
          }),
        )
        .nullable()
        .describe('Names for a member of the panel; pseudonyms (“Cohort member C-7F3A”) for anyone else'),
      named: z.boolean(),
    })
    .nullable()
    .describe('For a tasking against a risk panel’s cohort'),
  version: z.number(),
})
const hotspot = z.object({
  code: z.string(),
  name: z.string(),
  wardName: z.string().nullable(),
  count: z.number(),
  population: z.number().nullable(),
  ratePer1000: z.number().nullable(),
})
const periodTotal = z.object({ from: z.string(), to: z.string(), total: z.number().nullable() })
const figures = z.object({
  month: z.string(),
  area: z.object({ type: z.string(), code: z.string(), name: z.string() }),
  source: z.enum(['police-uk', 'recorded']),
  sourceLabel: z.string(),
  generatedAt: z.string(),
  dataAsAt: z.object({ loadedAt: z.string().nullable(), latestMonth: z.string().nullable() }),
  hotspotCount: z.number(),
  total: z.number().nullable().describe('null when the month is not loaded'),
  populationYear: z.number().nullable(),
  hotspots: z.object({ lsoas: z.array(hotspot), wards: z.array(hotspot) }),
  areaCounts: z
    .object({
      wards: z.array(z.object({ code: z.string(), count: z.number() })),
      lsoas: z.array(z.object({ code: z.string(), count: z.number() })),
    })
    .optional()
    .describe('Every ward’s and LSOA’s count in the month, which the hotspot map shades'),
  changeTest: z.string().nullable(),
  changes: z.array(
    z.object({
      subject: z.string(),
      against: z.enum(CHANGE_AGAINST),
      current: periodTotal,
      previous: periodTotal,
      comparable: z.boolean(),
      reason: z.string().nullable().describe('Why not comparable; then there is no change figure'),
      changePercent: z.number().nullable(),
      significant: z.boolean().nullable(),
      pValue: z.number().nullable(),
    }),
  ),
  violence: z.object({
    types: z.array(z.string()),
    total: z.number().nullable(),
    byType: z.array(z.object({ type: z.string(), count: z.number().nullable() })),
    lsoas: z.array(hotspot),
  }),
})
export const meeting = meetingSummary.extend({
  attendees: z.array(
    z.object({
      id: z.number(),
      organisationId: z.number(),
      organisationName: z.string(),
      personId: z.number().nullable(),
      personName: z.string().nullable(),
    }),
  ),
  briefing: z.object({ generatedAt: z.string(), figures }).nullable(),
  commentary: z.object(Object.fromEntries(COMMENTARY_SECTIONS.map((s) => [s, z.string().optional()]))),
  taskings: z.array(tasking),
  forReview: z.array(tasking).describe('Raised at earlier meetings and reviewed at this one (carry-over)'),
  upcomingEvents: z.object({
    available: z.boolean().describe('false when the trackers are not installed'),
    from: z.string().optional(),
    to: z.string().optional().describe('The end of the month after the meeting'),
    events: z
      .array(z.object({ date: z.string(), title: z.string(), place: z.string(), riskLevel: z.string() }))
      .optional(),
  }),
  communityTensions: z.object({
    available: z.boolean().describe('false when the trackers are not installed'),
    tensions: z
      .array(
        z.object({
          area: z.string(),
          assessedOn: z.string(),
          level: z.number().describe('1 (low) to 5 (high)'),
          trend: z.enum(['rising', 'stable', 'falling']).nullable().describe('null for an area’s first'),
        }),
      )
      .optional()
      .describe('The latest assessment in each area'),
  }),
  criticalIncidents: z.object({
    available: z.boolean().describe('false when the trackers are not installed'),
    incidents: z
      .array(
        z.object({
          id: z.number(),
          title: z.string(),
          occurredOn: z.string(),
          place: z.string(),
          done: z.number(),
          items: z.number(),
        }),
      )
      .optional()
      .describe('Open incidents, with their community response checklist’s progress'),
  }),
  nextStatuses: z.array(z.enum(TASKING_MEETING_STATUSES)),
})
