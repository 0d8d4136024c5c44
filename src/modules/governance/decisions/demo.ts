import type { Services } from '../../module.ts'
import { addDays } from '../demo-dates.ts'
import type { Who } from '../policy.ts'

// The demo's decision records and forward plan, dated from the day the demo is loaded: a key
// decision published yesterday whose call-in period is still open, the half-year review's decision
// (call-in long closed) on the published meeting, an exempt decision the public page leaves out,
// and a forward plan with a key decision given full notice and one taken under the general exception.

export interface DemoDecisions {
  /** Subject to call-in, published the day before the demo's today: still open. */
  callInOpen: number
  /** Taken at the published quarterly meeting; its call-in period has ended. */
  callInClosed: number
  /** Taken at that meeting's exempt item. */
  exempt: number
  /** A key decision with 28 clear days' notice or more. */
  fullNotice: number
  /** A key decision with less, and its general-exception reason. */
  shortNotice: number
}

export async function loadDecisionsDemo(
  governance: Services['governance'],
  who: Who,
  at: { today: string; delivery: number; published: number; executiveNext: number },
): Promise<DemoDecisions> {
  const { today } = at
  const meeting = await governance.getMeeting(at.published)
  const day = meeting.startsAt.slice(0, 10)
  const review = meeting.items.find((i) => !i.exempt && i.kind === 'item')
  const exemptItem = meeting.items.find((i) => i.exempt)

  const callInClosed = await governance.recordDecision(who, {
    reference: `SCDG-${day.slice(0, 4)}-03`,
    title: 'Knife Crime and Serious Violence Action Plan: half-year review',
    decisionMaker: 'Safer Communities Delivery Group',
    decisionDate: day,
    publicationDate: addDays(day, 1),
    keyDecision: false,
    subjectToCallIn: true,
    purpose: 'To review the action plan at the half year and decide what the board needs next.',
    decisions: [
      { number: '1', text: 'That the leads of the red deliverables report on them at the next meeting.' },
      { number: '2', text: 'That the plan’s progress be reported to the Safeguarding Adults Board.' },
    ],
    reasons: 'Two deliverables were red and one had not been updated since the spring.',
    alternatives: 'To wait for the year-end report: rejected, as the red deliverables need attention now.',
    actionBy: 'Claire Kowalska',
    reportAuthors: 'Claire Kowalska',
    contactOfficer: 'Caroline Thwaites, Assistant Director Community Safety & Partnerships',
    boardId: at.delivery,
    meetingId: at.published,
    agendaItemId: review?.id ?? null,
    documents: [{ title: 'Action plan half-year review' }],
  })
  const exempt = await governance.recordDecision(who, {
    reference: `SCDG-${day.slice(0, 4)}-04`,
    title: 'Domestic homicide review: the partnership’s response',
    decisionMaker: 'Safer Communities Delivery Group',
    decisionDate: day,
    publicationDate: addDays(day, 1),
    decisions: [{ number: '1', text: 'That the review’s recommendations be accepted in full.' }],
    exemptReason: 'Schedule 12A, paragraph 1: information relating to an individual',
    boardId: at.delivery,
    meetingId: at.published,
    agendaItemId: exemptItem?.id ?? null,
  })
  const callInOpen = await governance.recordDecision(who, {
    reference: `EXEC-${today.slice(0, 4)}-17`,
    title: 'Serious Violence Duty: strategy for the coming year',
    decisionMaker: 'Cabinet Member for Communities and Safety',
    decisionDate: addDays(today, -1),
    publicationDate: addDays(today, -1),
    keyDecision: true,
    subjectToCallIn: true,
    purpose: 'To adopt the partnership’s serious violence strategy, as the Serious Violence Duty requires.',
    decisions: [
      { number: '1', text: 'That the Serious Violence Strategy be adopted.' },
      { number: '2', text: 'That the strategy be reviewed each year with the strategic needs assessment.' },
    ],
    reasons: 'The Duty requires a strategy, and the needs assessment is complete.',
    alternatives: 'To extend last year’s strategy: rejected, as the assessment found new priorities.',
    reportAuthors: 'Caroline Thwaites',
    contactOfficer: 'Caroline Thwaites, Assistant Director Community Safety & Partnerships',
    boardId: at.delivery,
    documents: [{ title: 'Serious Violence Strategy' }, { title: 'Strategic needs assessment' }],
  })

  const fullNotice = await governance.addForwardPlanItem(
    who,
    {
      title: 'Community safety partnership plan: annual refresh',
      meetingId: at.executiveNext,
      decisionMaker: 'Safeguarding Executive',
      keyDecision: true,
      leadOfficer: 'Caroline Thwaites',
      documents: ['Partnership plan refresh', 'Strategic assessment'],
    },
    today,
  )
  const shortNotice = await governance.addForwardPlanItem(
    who,
    {
      title: 'Emergency funding for weapons sweeps in two parks',
      boardId: at.delivery,
      decisionDate: addDays(today, 10),
      decisionMaker: 'Cabinet Member for Communities and Safety',
      keyDecision: true,
      leadOfficer: 'Claire Kowalska',
      documents: ['Report on the summer’s knife incidents'],
      exceptionReason:
        'Three knife injuries near the parks this month: waiting 28 clear days would leave the sweeps until after the school holidays.',
    },
    today,
  )
  return { callInOpen, callInClosed, exempt, fullNotice, shortNotice }
}
