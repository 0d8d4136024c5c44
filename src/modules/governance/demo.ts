import { londonToday } from '../../shared/london-day.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'
import { loadGovernanceYear } from './demo-year.ts'

// The demo's boards are seed 003's: the Safer Communities Delivery Group (the statutory Community
// Safety Partnership) reports to the Safeguarding Adults Board, and both to the Safeguarding
// Executive; the group's agenda carries the standing items the plan's governance action names.
// Its meeting of 6 October 2011 is seed 004's item 100, with the minutes and RESOLVED i–iii as written.

const EXECUTIVE = 'Safeguarding Executive'
const ADULTS = 'Safeguarding Adults Board'
const DELIVERY = 'Safer Communities Delivery Group'

export const DEMO_STANDING_ITEMS = [
  'Knife, gun and serious violence performance',
  'Habitual knife carriers',
  'Community tensions',
  'Stop and search',
  'Knife Crime and Serious Violence Action Plan: progress',
]

const ITEM_100_MINUTES = [
  'Claire Kowalska presented the report on the progress against the delivery plan, and it was noted that the annual assessment would not be complete until December 2011.',
  'The Board was advised that, in respect of developing an Integrated Offender Management model, a scoping document had been completed and meetings had been held, including a discussion with Avon and Somerset Police regarding their experiences. Board agreement that this was the direction they wanted to move in was required in order to then make plans for implementation and develop a project plan.',
  'The Metropolitan Police were asked to comment on any specific areas of work relating to the concerns regarding crime performance as raised in the previous agenda item. Detective Superintendent Gurdip Singh advised that there was now an Intelligence resource working on prevention measures in relation to gang activity. It was reported that the Intelligence structure was moving towards a Victim Offender Location model, this was in the process of implementation and should be in place by the end of November. With regards to property crime, it was reported that there was a Property Action Plan in place with a focus on tactical delivery and resources aligned according to the relevant expertise. Partnership work was ongoing in relation to violent crime and more innovative ways of tackling these issues and engaging with victims were being sought. It was reported that the Connect taskforce were making direct contact with potential gang members and inviting them to come and discuss ways out of this activity, with enforcement action only being taken as a last resort when individuals disengaged from the process.',
  'Clarification was sought on whether arson was included in the police’s Property Action Plan, as the Fire Service had analysts and statistics which might be of use to the police in its own intelligence work around this area. It was agreed that this was be taken forward outside of the meeting.',
].join('\n\n')

export const ITEM_100_RESOLUTIONS: Array<[string, string]> = [
  [
    'i',
    'That the focus for partnership activity to the end of the year should be reducing property crime, youth re-offending, violent crime (inc weapons and gangs) and engagement with victims of crime;',
  ],
  [
    'ii',
    'That agreement be given to proceed with the development of an Integrated Offender Management system',
  ],
  [
    'iii',
    'That any ideas relating to community safety be fed into the Tottenham Regeneration Programme team’s work via the Chair of the Board.',
  ],
]

export async function loadGovernanceDemo(
  { governance, partners }: Pick<Services, 'governance' | 'partners'>,
  actor: Actor,
) {
  const who = { actor, user: null }
  const people = new Map((await partners.listPeople()).map((p) => [p.name, p.id]))
  const organisations = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const person = async (name: string, jobTitle: string, organisation?: string) => {
    const found = people.get(name)
    if (found) return found
    const id = await partners.createPerson(actor, {
      name,
      jobTitle,
      organisationId: organisation ? (organisations.get(organisation) ?? null) : null,
    })
    people.set(name, id)
    return id
  }

  const executive = await governance.createBoard(who, {
    name: EXECUTIVE,
    purpose:
      'Police, the clinical commissioning group and the council, making sure the safeguarding boards work to one purpose.',
    frequency: 'quarterly',
    quorum: 2,
    chairPersonId: await person('Eleanor Kelly', 'Chief Executive', 'LBS'),
  })
  const adults = await governance.createBoard(who, {
    name: ADULTS,
    purpose:
      'Safeguarding adults in Southwark; receives the Safer Communities Delivery Group’s quarterly performance dashboard and exception report.',
    frequency: 'quarterly',
    quorum: 3,
    chairPersonId: await person('Kate Moriarty-Baker', 'Interim Chair Adults’ Safeguarding Board', 'CCG'),
  })
  const delivery = await governance.createBoard(who, {
    name: DELIVERY,
    purpose:
      'The statutory Community Safety Partnership: operational oversight of knife crime and serious youth violence, and of progress against the Knife Crime and Serious Violence Action Plan.',
    termsOfReference: 'Safer Communities Delivery Group terms of reference',
    termsReviewDate: '2019-03-31',
    frequency: 'quarterly',
    quorum: 3,
    chairPersonId: await person(
      'Caroline Thwaites',
      'Assistant Director Community Safety & Partnerships',
      'LBS',
    ),
    viceChairPersonId: await person('Ian Howells', 'Superintendent', 'MPS'),
    standingItems: DEMO_STANDING_ITEMS,
  })
  await governance.addReportingLine(who, delivery, { reportsToBoardId: adults })
  await governance.addReportingLine(who, delivery, { reportsToBoardId: executive })
  await governance.addReportingLine(who, adults, { reportsToBoardId: executive })

  for (const [board, name, role] of [
    [executive, 'Eleanor Kelly', 'Chair'],
    [executive, 'Simon Messinger', 'Member'],
    [executive, 'Kate Moriarty-Baker', 'Member'],
    [adults, 'Kate Moriarty-Baker', 'Chair'],
    [adults, 'David Quirke-Thornton', 'Member'],
    [adults, 'Caroline Thwaites', 'Member'],
    [delivery, 'Caroline Thwaites', 'Chair'],
    [delivery, 'Ian Howells', 'Vice-chair'],
    [delivery, 'Helen Lyons', 'Member'],
    [delivery, 'Stephen Douglass', 'Member'],
    [delivery, 'Becky Canning', 'Member'],
    [delivery, 'Neil Chisolm', 'Member'],
    [delivery, 'Kevin Fenton', 'Member'],
  ] as const) {
    await governance.addMember(who, board, { personId: await person(name, role), role, voting: true })
  }
  await governance.addMember(who, delivery, {
    personId: await person('Claire Kowalska', 'Community Safety Strategy Manager'),
    role: 'Officer supporting the group',
    voting: false,
  })

  // Seed 004: the meeting of 6 October 2011, item 100, minutes approved at the next meeting.
  const october = await governance.scheduleMeeting(who, delivery, {
    startsAt: '2011-10-06T18:30',
    place: 'Civic Centre',
    firstItemNumber: 95,
  })
  for (const status of ['agenda-published', 'held', 'minutes-draft'])
    await governance.changeStatus(who, october, { status })
  const item100 = await governance.addItem(who, october, {
    title: 'Delivery Plan Reprioritisation',
    presenterPersonId: await person('Claire Kowalska', 'Community Safety Strategy Manager'),
  })
  await governance.recordMinutes(who, october, { itemId: item100, discussion: ITEM_100_MINUTES })
  for (const [number, text] of ITEM_100_RESOLUTIONS)
    await governance.addResolution(who, october, { itemId: item100, number, text })
  await governance.addAction(who, october, {
    itemId: item100,
    description:
      'Share the Fire Service’s arson analysis and statistics with the police’s Property Action Plan, outside the meeting.',
    ownerPersonId: await person('Neil Chisolm', 'Borough Commander London Fire Brigade', 'LFB'),
    ownerOrganisationId: organisations.get('LFB') ?? null,
    dueDate: '2011-11-30',
  })
  await governance.addAction(who, october, {
    itemId: item100,
    description: 'Bring a project plan for the Integrated Offender Management system to the next meeting.',
    ownerPersonId: await person('Claire Kowalska', 'Community Safety Strategy Manager'),
    dueDate: '2011-12-08',
  })
  for (const [name, attendance] of [
    ['Caroline Thwaites', 'present'],
    ['Ian Howells', 'present'],
    ['Helen Lyons', 'present'],
    ['Neil Chisolm', 'present'],
    ['Stephen Douglass', 'apologies'],
  ] as const) {
    await governance.recordAttendance(who, october, { personId: await person(name, 'Member'), attendance })
  }
  await governance.changeStatus(who, october, { status: 'minutes-approved' })

  // The next meeting: its agenda carries matters arising (the two open actions) and the standing items.
  await governance.scheduleMeeting(who, delivery, { startsAt: '2011-12-08T18:30', place: 'Civic Centre' })
}

/** The demo as `npm start` loads it: seed 003's boards and seed 004's meeting, then a year of meetings to today. */
export async function loadGovernanceDemoYear(
  services: Pick<Services, 'governance' | 'partners'>,
  actor: Actor,
  today = londonToday(),
) {
  await loadGovernanceDemo(services, actor)
  return loadGovernanceYear(services, actor, today)
}

/** A database made before the governance module existed has no boards yet. */
export async function governanceDemoMissing({ governance }: Pick<Services, 'governance'>) {
  return (await governance.listBoards()).length === 0
}
