import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'
import { addMonths, monthText } from './briefing/months.ts'
import { loadAgendaDemo } from './demo-agenda.ts'

// A year of monthly tasking meetings for the demo area (seed 003, governance action 2: "Monthly
// Violent Crime Partnership Tasking Meeting … Violence Intelligence Briefing, tasking of partnership
// services to target offenders and hotspot locations"), chaired by Det Supt Helen Lyons as the seed
// names. Each briefing is generated from the demo crime extract, so its hotspots are real; the
// taskings go to those hotspots, and some are carried over from meeting to meeting; January 2026's
// also tasks the risk panels' demo knife crime panel's cohort.

export const DEMO_MONTHS = Array.from({ length: 12 }, (_, i) => addMonths('2025-03', i))
const SECOND_LAST = DEMO_MONTHS[10] as string
const ATTENDING = ['MPS', 'LBS', 'YOS', 'NPS', 'CS']
/** The risk panels' demo knife crime panel takes on its first case in January 2026. */
const COHORT_MONTH = SECOND_LAST
const KNIFE_PANEL = 'Demo knife crime panel'

/**
 * The meeting tasks the youth offending service with the knife crime panel's cohort, through the
 * services, so the tasking keeps ids alone and its people are named only to the panel's members.
 * Without the risk panels' demo there is no such panel, and no such tasking.
 */
async function raiseCohortTasking(
  tasking: Services['tasking'],
  who: { actor: Actor; user: null },
  meetingId: number,
  organisationId: number,
  dueDate: string,
) {
  const panel = (await tasking.cohortPanels()).find((p) => p.name === KNIFE_PANEL)
  if (!panel) return
  await tasking.raiseTasking(who, meetingId, {
    organisationId,
    placeKind: 'cohort',
    cohortPanelId: panel.id,
    action:
      'Joint home visits with the police to each young person the knife crime panel holds: a diversion offer and knife crime awareness.',
    expectedResult: 'Each young person seen within four weeks, and any new risk reported to the panel.',
    dueDate,
  })
}

export async function loadTaskingDemo(
  { tasking, partners, crime }: Pick<Services, 'tasking' | 'partners' | 'crime'>,
  actor: Actor,
  trackers?: Services['trackers'],
) {
  if (await crime.isEmpty()) return { meetings: 0 }
  const who = { actor, user: null }
  const organisations = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const people = new Map((await partners.listPeople()).map((p) => [p.name, p.id]))
  const org = (short: string) => organisations.get(short) ?? null
  const chair = people.get('Helen Lyons') ?? null
  let n = 0
  // The agenda's events and tensions first, so every meeting's agenda shows its own.
  if (trackers)
    await loadAgendaDemo(
      trackers,
      DEMO_MONTHS.map((month) => ({ month, meetingDate: `${addMonths(month, 1)}-12` })),
      actor,
    )
  for (const month of DEMO_MONTHS) {
    const last = month === DEMO_MONTHS.at(-1)
    const id = await tasking.scheduleMeeting(who, {
      month,
      meetingDate: `${addMonths(month, 1)}-12`,
      chairPersonId: chair,
    })
    for (const short of ATTENDING) {
      const organisationId = org(short)
      if (organisationId) await tasking.addAttendee(who, id, { organisationId })
    }
    const { figures } = await tasking.generateBriefing(who, id)
    const [topLsoa] = figures.hotspots.lsoas
    const [topWard] = figures.hotspots.wards
    const [violentLsoa] = figures.violence.lsoas
    if (topLsoa)
      await tasking.saveCommentary(who, id, {
        section: 'hotspots',
        body: `${topLsoa.name} (${topLsoa.wardName}) had the most crime in ${monthText(month)}, ${topLsoa.count} crimes. Patrols and partner visits are proposed there.`,
      })

    // Review what earlier meetings set: every third tasking is done, now and then one is not done,
    // and the rest carry over; a carried-over tasking is done at its next review, except in the last
    // two months, so the latest meetings show taskings carried over.
    const meeting = await tasking.getMeeting(id)
    const lateInYear = month >= SECOND_LAST
    for (const [i, t] of meeting.forReview.entries()) {
      if (i % 3 === 0 || (t.status === 'carried-over' && !lateInYear))
        await tasking.recordOutcome(who, t.id, {
          status: 'done',
          actualResult: 'Completed: visits made and reported back to the partnership analyst.',
          version: t.version,
        })
      else if (i % 3 === 1 && n % 4 === 0)
        await tasking.recordOutcome(who, t.id, {
          status: 'not-done',
          notDoneReason: 'Officers redeployed to a critical incident elsewhere in the borough.',
          version: t.version,
        })
      n++
    }

    const due = `${addMonths(month, 2)}-05`
    const mps = org('MPS')
    const lbs = org('LBS')
    const yos = org('YOS')
    if (mps && topLsoa)
      await tasking.raiseTasking(who, id, {
        organisationId: mps,
        placeKind: 'lsoa',
        place: topLsoa.code,
        action: 'High-visibility patrols at peak times, with weapon sweeps of open spaces.',
        expectedResult: 'A fall in crime in the LSOA next month; sweeps recorded on the police activity log.',
        dueDate: due,
      })
    if (lbs && topWard)
      await tasking.raiseTasking(who, id, {
        organisationId: lbs,
        placeKind: 'ward',
        place: topWard.code,
        action: 'Environmental visual audit: lighting, CCTV coverage and places to hide weapons.',
        expectedResult: 'An audit report with repairs ordered within four weeks.',
        dueDate: due,
      })
    if (yos && violentLsoa)
      await tasking.raiseTasking(who, id, {
        organisationId: yos,
        placeKind: 'lsoa',
        place: violentLsoa.code,
        action: 'Detached youth work sessions and diversionary activity for young people in the area.',
        expectedResult: 'Two sessions a week, with the numbers of young people engaged reported.',
        dueDate: due,
      })
    if (yos && month === COHORT_MONTH) await raiseCohortTasking(tasking, who, id, yos, due)
    if (!last) await tasking.changeStatus(who, id, { status: 'held' })
  }
  return { meetings: DEMO_MONTHS.length }
}

export async function taskingDemoMissing({ tasking, crime }: Pick<Services, 'tasking' | 'crime'>) {
  return !(await crime.isEmpty()) && (await tasking.listMeetings()).length === 0
}
