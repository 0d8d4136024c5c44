import { londonToday } from '../../shared/london-day.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'

// The demo's trackers, dated from today so that some events are always to come: a dozen events of
// risk, a year of monthly tension assessments for three wards (Peckham's rising to 4 after a
// stabbing and falling again), police activity through the year (weapon sweeps, knife bins, a
// section 60) and one critical incident with its response checklist part done. Nothing names anyone.

/** A day `days` from today (YYYY-MM-DD). */
function fromToday(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const EVENTS: Array<
  [
    days: number,
    title: string,
    type: string,
    ward: string,
    risk: string,
    partners: string[],
    outcome?: string,
  ]
> = [
  [
    -300,
    'Carnival parade through Camberwell',
    'festival',
    'Camberwell Green',
    'medium',
    ['LBS', 'MPS'],
    'Passed off without serious incident; two arrests for possession.',
  ],
  [
    -240,
    'Anniversary of a fatal stabbing, Peckham',
    'anniversary',
    'Peckham',
    'high',
    ['MPS', 'CS'],
    'Vigil held peacefully; reassurance patrols through the evening.',
  ],
  [
    -180,
    'Funeral, Old Kent Road',
    'funeral',
    'Old Kent Road',
    'high',
    ['MPS', 'LBS'],
    'Large attendance; no disorder.',
  ],
  [
    -120,
    'Millwall home fixture, South Bermondsey',
    'football',
    'South Bermondsey',
    'medium',
    ['MPS'],
    'Routine policing; no incidents reported.',
  ],
  [
    -60,
    'Protest outside the town hall',
    'protest',
    'Peckham',
    'low',
    ['LBS'],
    'Peaceful; dispersed by early evening.',
  ],
  [
    -20,
    'School prize-giving and end of term, Walworth',
    'school',
    'North Walworth',
    'low',
    ['LBS', 'YOS'],
    'No concerns raised.',
  ],
  [5, 'Bonfire and fireworks, Burgess Park', 'festival', 'Faraday', 'medium', ['LBS', 'MPS', 'LFB']],
  [12, 'Anniversary of a fatal shooting, Faraday', 'anniversary', 'Faraday', 'high', ['MPS', 'CS', 'YOS']],
  [19, 'Millwall home fixture, South Bermondsey', 'football', 'South Bermondsey', 'medium', ['MPS']],
  [26, 'Funeral, Peckham', 'funeral', 'Peckham', 'high', ['MPS', 'LBS', 'CS']],
  [40, 'School exclusions hearing week, Peckham schools', 'school', 'Peckham Rye', 'medium', ['LBS', 'YOS']],
  [75, 'Protest march from Elephant and Castle', 'protest', 'Newington', 'medium', ['MPS', 'LBS']],
]

/** Monthly levels, oldest first: Peckham rises to 4 after the summer stabbing and falls again. */
const TENSIONS: Record<string, number[]> = {
  Peckham: [2, 2, 2, 3, 4, 4, 3, 3, 2, 2, 2, 2],
  Faraday: [2, 2, 3, 3, 3, 2, 2, 2, 3, 3, 2, 2],
  'Old Kent Road': [1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1],
}

const ACTIVITY: Array<[days: number, tactic: string, ward: string, weapons: number | null, note: string]> = [
  [-340, 'weapon-sweep', 'Peckham', 2, 'Two knives recovered from bushes beside the estate path.'],
  [-320, 'knife-bin', 'Camberwell Green', 14, 'Knife bin emptied: 14 blades.'],
  [
    -290,
    'test-purchase',
    'Rye Lane',
    null,
    'Two of five shops sold knives to under-18 test purchasers; referred to Trading Standards.',
  ],
  [-250, 'weapon-sweep', 'Peckham', 0, 'Nothing found.'],
  [-235, 'section-60', 'Peckham', 1, 'Section 60 authorised for 15 hours after the stabbing.'],
  [-230, 'stop-search-operation', 'Peckham', 3, 'Operation in the evening economy; three weapons recovered.'],
  [-200, 'weapon-sweep', 'Faraday', 1, 'One knife in Burgess Park.'],
  [-170, 'knife-amnesty', 'Old Kent Road', 38, 'Week-long amnesty: 38 weapons surrendered.'],
  [-140, 'dispersal-order', 'Rye Lane', null, 'Dispersal order for 48 hours over a weekend.'],
  [-110, 'weapon-sweep', 'Faraday', 0, 'Nothing found.'],
  [-90, 'knife-bin', 'Camberwell Green', 9, 'Knife bin emptied: 9 blades.'],
  [-60, 'weapon-sweep', 'Old Kent Road', 1, 'One knife recovered near the bus stop.'],
  [-30, 'stop-search-operation', 'Faraday', 2, 'Two weapons recovered.'],
  [-10, 'weapon-sweep', 'Peckham', null, 'Sweep with community wardens; results to follow.'],
]

export async function loadTrackersDemo(
  { trackers, partners }: Pick<Services, 'trackers' | 'partners'>,
  actor: Actor,
) {
  const who = { actor, user: null }
  const today = londonToday()
  const organisations = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const wards = new Map((await trackers.wards()).map((w) => [w.name, w.code]))
  // Without the area lookups (no crime data loaded), the same places are given in words.
  const place = (ward: string) => {
    const code = wards.get(ward)
    return code ? { placeKind: 'ward', wardCode: code } : { placeKind: 'text', placeName: ward }
  }
  const ids = (shortNames: string[]) => shortNames.flatMap((s) => organisations.get(s) ?? [])

  for (const [days, title, eventType, ward, riskLevel, informed, outcome] of EVENTS)
    await trackers.createEvent(who, {
      title,
      eventType,
      startsOn: fromToday(today, days),
      riskLevel,
      partnerIds: ids(informed),
      plan: 'Partners briefed at the tasking meeting; patrols and youth outreach on the day.',
      outcome,
      ...place(ward),
    })

  const mps = organisations.get('MPS')
  const cs = organisations.get('CS')
  let peckhamPeak = 0
  if (wards.size)
    for (const [ward, levels] of Object.entries(TENSIONS))
      for (const [n, level] of levels.entries()) {
        const id = await trackers.createAssessment(who, {
          areaKind: 'ward',
          wardCode: wards.get(ward),
          assessedOn: fromToday(today, -7 - 30 * (levels.length - 1 - n)),
          level,
          summary:
            level >= 4
              ? 'Heightened after a serious assault; rumours of reprisals online.'
              : 'Routine monthly assessment.',
          actions: level >= 4 ? 'Reassurance patrols; detached youth work; community leaders briefed.' : null,
          indicators: [
            {
              indicator: 'incidents',
              level,
              note: level >= 4 ? 'Serious assault and two linked disorder calls' : 'Nothing of note',
            },
            {
              indicator: 'social-media',
              level: Math.max(1, level - 1),
              note: level >= 3 ? 'Posts naming rival areas' : null,
            },
            { indicator: 'community-feedback', level: Math.max(1, level - 1), note: null },
          ],
          contributions: [
            ...(mps ? [{ organisationId: mps, note: 'Crime and intelligence picture' }] : []),
            ...(cs && level >= 3 ? [{ organisationId: cs, note: 'Feedback from residents’ groups' }] : []),
          ],
        })
        if (ward === 'Peckham' && level === 4 && !peckhamPeak) peckhamPeak = id
      }

  for (const [days, tactic, ward, weaponsRecovered, resultNote] of ACTIVITY)
    await trackers.createActivity(who, {
      activityOn: fromToday(today, days),
      tactic,
      weaponsRecovered,
      resultNote,
      partnerIds: ids(tactic === 'weapon-sweep' ? ['LBS'] : []),
      ...place(ward),
    })
  await trackers.createActivity(who, {
    activityOn: fromToday(today, -45),
    tactic: 'weapon-sweep',
    placeKind: 'point',
    placeName: 'Peckham Rye station forecourt',
    latitude: 51.4699,
    longitude: -0.0694,
    weaponsRecovered: 1,
    resultNote: 'One knife under a planter.',
  })

  const incident = await trackers.createIncident(who, {
    title: 'Fatal stabbing, Peckham',
    occurredOn: fromToday(today, -237),
    summary: 'A serious violence critical incident in the evening economy. Details are held by the police.',
    ...place('Peckham'),
  })
  const day = fromToday(today, -237)
  const next = fromToday(today, -236)
  await trackers.addTimelineEntry(who, incident, {
    at: `${day}T21:40`,
    entry: 'Police called to a stabbing; the victim later died in hospital.',
  })
  await trackers.addTimelineEntry(who, incident, {
    at: `${day}T23:15`,
    entry: 'Gold group convened; section 60 authorised.',
  })
  await trackers.addTimelineEntry(who, incident, {
    at: `${next}T09:00`,
    entry: 'Partnership response meeting; community response plan agreed.',
  })
  await trackers.tickItem(who, incident, {
    item: 'communications',
    doneBy: 'Southwark Council communications team',
    doneOn: next,
  })
  await trackers.tickItem(who, incident, {
    item: 'reassurance-patrols',
    doneBy: 'MPS Safer Neighbourhoods, Peckham',
    doneOn: day,
  })
  await trackers.tickItem(who, incident, {
    item: 'tension-assessment',
    doneBy: 'Community Safety and Partnerships',
    doneOn: next,
  })
  if (peckhamPeak) await trackers.addLink(who, incident, { assessmentId: peckhamPeak })
}

/** A database made before the trackers existed has no events yet. */
export async function trackersDemoMissing({ trackers }: Pick<Services, 'trackers'>) {
  return (
    (await trackers.listEvents({ when: 'upcoming' })).length === 0 &&
    (await trackers.listEvents({ when: 'past' })).length === 0
  )
}
