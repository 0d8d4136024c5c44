import { londonToday } from '../../../shared/london-day.ts'
import type { WordReport, WordSection } from '../../../shared/word.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import { dayText, meetingWhen } from '../pages/common.ts'
import type { Meeting } from '../records.ts'
import { agendaSection, minutesSection, papersSection, performanceSection } from './pack-sections.ts'
import { planSummaryParts } from './plan-summary.ts'
import type { PackSources } from './sources.ts'

// A board pack as it stands at the moment it is made: everything is read live from the services,
// so two versions made a week apart differ as the figures and the plan did.

export interface PackStamp {
  number: number
  madeAt: string
  madeBy: string
}

/** The plans a board oversees: those naming it as their owning board, else all the partnership holds. */
export async function boardPlans(sources: Pick<PackSources, 'plans'>, boardName: string) {
  const listed = await sources.plans.listPlans()
  const named = listed.filter((p) => p.owningBoard?.trim().toLowerCase() === boardName.trim().toLowerCase())
  return { owned: named.length > 0, plans: named.length > 0 ? named : listed }
}

async function previousMeeting(sources: PackSources, meeting: Meeting): Promise<Meeting | null> {
  const earlier = (await sources.governance.listMeetings(meeting.boardId)).find(
    (m) => m.startsAt < meeting.startsAt && m.status !== 'cancelled',
  )
  return earlier ? sources.governance.getMeeting(earlier.id) : null
}

async function plansSection(sources: PackSources, boardName: string): Promise<WordSection> {
  const { owned, plans } = await boardPlans(sources, boardName)
  const title = 'Action plan: RAG summary by theme'
  if (plans.length === 0)
    return { title, parts: [{ kind: 'paragraph', text: 'The partnership holds no action plans yet.' }] }
  const intro = owned
    ? `The plans ${boardName} owns.`
    : `No plan names ${boardName} as its owning board, so the pack summarises every plan the partnership holds.`
  const parts: WordSection['parts'] = [{ kind: 'paragraph', text: intro }]
  for (const [n, listed] of plans.entries())
    parts.push(...planSummaryParts(await sources.plans.getPlan(listed.id), `pack-plan-${n + 1}`))
  return { title, parts }
}

export async function buildPack(
  sources: PackSources,
  meetingId: number,
  stamp: PackStamp,
): Promise<WordReport> {
  const meeting = await sources.governance.getMeeting(meetingId)
  const today = londonToday()
  const performance = sources.performance()
  const [previous, plans, papers, figures] = await Promise.all([
    previousMeeting(sources, meeting),
    plansSection(sources, meeting.boardName),
    sources.papers(meeting),
    performance
      ? Promise.all([performance.dashboard(), performance.exceptions()]).then(([dashboard, exceptions]) => ({
          dashboard,
          exceptions,
        }))
      : null,
  ])
  return {
    title: `${meeting.boardName}: board pack`,
    cover: [
      `Board: ${meeting.boardName}`,
      `Meeting: ${meetingWhen(meeting.startsAt)}`,
      `Date: ${dayText(meeting.startsAt.slice(0, 10))}`,
      `Place: ${[meeting.place, meeting.link].filter(Boolean).join(', ') || 'Not recorded'}`,
      `Version ${stamp.number}, made ${formatDateTime(stamp.madeAt)} by ${stamp.madeBy}`,
      'Made from the figures and plans held in Safer at that moment.',
    ],
    description: `Board pack for ${meeting.boardName}, ${meetingWhen(meeting.startsAt)}, version ${stamp.number}`,
    sections: [
      agendaSection(meeting),
      minutesSection(previous, meeting, today),
      performanceSection(figures),
      plans,
      papersSection(meeting, papers),
    ],
  }
}
