import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'
import { addMonths } from './briefing/months.ts'

// The demo tasking year's agenda, where the trackers are installed: an event of risk in the weeks
// after each meeting and a monthly tension assessment for the whole area that rises through the
// summer and falls again, so each meeting's agenda has its own events and tension. (The trackers'
// own demo is dated from today, which the year of crime data has passed.)

const EVENTS: Array<[title: string, eventType: string, place: string, riskLevel: string]> = [
  ['Anniversary of a fatal stabbing on Rye Lane', 'anniversary', 'Rye Lane, Peckham', 'high'],
  ['Millwall v Leeds at The Den', 'football', 'The Den, Bermondsey', 'medium'],
  ['End of the school summer term', 'school', 'Walworth Road', 'medium'],
  ['Peckham Festival', 'festival', 'Peckham Rye Park', 'medium'],
  ['Funeral of a young man killed in Camberwell', 'funeral', 'Camberwell Old Cemetery', 'high'],
  ['Burgess Park summer fair', 'festival', 'Burgess Park', 'low'],
  ['March against knife crime', 'protest', 'Elephant and Castle', 'medium'],
  ['Millwall v Crystal Palace at The Den', 'football', 'The Den, Bermondsey', 'high'],
  ['Bonfire night displays', 'festival', 'Southwark Park', 'medium'],
  ['School exclusions hearing week', 'school', 'Tooley Street', 'low'],
  ['New Year’s Eve', 'other', 'Borough and Bankside', 'medium'],
  ['Anniversary of the Old Kent Road shooting', 'anniversary', 'Old Kent Road', 'high'],
]
const LEVELS = [2, 2, 3, 3, 4, 4, 3, 3, 2, 2, 2, 3]

export async function loadAgendaDemo(
  trackers: Services['trackers'],
  meetings: Array<{ month: string; meetingDate: string }>,
  actor: Actor,
) {
  const who = { actor, user: null }
  for (const [i, m] of meetings.entries()) {
    const [title, eventType, placeName, riskLevel] = EVENTS[i % EVENTS.length] as (typeof EVENTS)[number]
    await trackers.createEvent(who, {
      title,
      eventType,
      startsOn: `${addMonths(m.meetingDate.slice(0, 7), 1)}-0${1 + (i % 9)}`,
      riskLevel,
      placeKind: 'text',
      placeName,
      plan: 'Raised at the tasking meeting: patrols, youth outreach and partners told.',
    })
    const level = LEVELS[i % LEVELS.length] as number
    await trackers.createAssessment(who, {
      areaKind: 'area',
      assessedOn: `${m.meetingDate.slice(0, 7)}-05`,
      level,
      summary:
        level >= 4
          ? 'Raised after a run of serious assaults; reprisals feared.'
          : 'Routine monthly assessment.',
    })
  }
}
