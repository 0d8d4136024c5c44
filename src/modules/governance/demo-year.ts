import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'
import { type DemoDecisions, loadDecisionsDemo } from './decisions/demo.ts'
import { addDays, later, secondThursday } from './demo-dates.ts'
import { partnershipYearOf, partnershipYearSpan, partnershipYearText } from './duties/rules.ts'

// A year of the demo's meetings, dated from the day the demo is loaded so that it always reads as
// current: the delivery group's last four quarterly meetings held with minutes approved, a public
// meeting last month, and its next meeting scheduled; the adults board and the executive meet too.
// Some actions arising are closed, one is overdue and one still open, so the next agenda carries
// matters arising. The last quarterly meeting is published, with an exempt item the public page
// leaves out; some statutory duties are evidenced, so the tracker shows green, amber and red; and
// decision records and a forward plan (decisions/demo.ts).

interface HeldMeeting {
  board: number
  day: string
  time?: string
  place: string
  item: { title: string; presenter: string; minutes: string; resolutions: string[] }
  action?: { description: string; owner: string; due: string; closedOn?: string }
  present: string[]
  apologies: string[]
  exempt?: { title: string; reason: string; minutes: string }
}

export interface DemoYear {
  /** The delivery group's meeting published to the public page. */
  published: number
  /** The public meeting held this partnership year. */
  publicMeeting: number
  /** The delivery group's next meeting, scheduled. */
  next: number
  decisions: DemoDecisions
}

export async function loadGovernanceYear(
  { governance, partners }: Pick<Services, 'governance' | 'partners'>,
  actor: Actor,
  today: string,
): Promise<DemoYear> {
  const who = { actor, user: null }
  const people = new Map((await partners.listPeople()).map((p) => [p.name, p.id]))
  const person = (name: string) => {
    const id = people.get(name)
    if (id === undefined) throw new Error(`The governance demo needs ${name} among the partnership's people`)
    return id
  }
  const board = async (name: string) => {
    const id = await governance.findBoardByName(name)
    if (id === null) throw new Error(`The governance demo needs the board ${name}`)
    return id
  }
  const delivery = await board('Safer Communities Delivery Group')
  const adults = await board('Safeguarding Adults Board')
  const executive = await board('Safeguarding Executive')

  // Seed 004's two actions were long since done: closed at the meeting after.
  const [october] = (await governance.listMeetings(delivery)).filter((m) =>
    m.startsAt.startsWith('2011-10-06'),
  )
  if (october)
    for (const item of (await governance.getMeeting(october.id)).items)
      for (const action of item.actions)
        await governance.setActionStatus(who, action.id, { status: 'closed' }, '2011-12-08')

  async function hold(m: HeldMeeting): Promise<number> {
    const id = await governance.scheduleMeeting(who, m.board, {
      startsAt: `${m.day}T${m.time ?? '18:30'}`,
      place: m.place,
    })
    await governance.changeStatus(who, id, { status: 'agenda-published' }, today)
    await governance.changeStatus(who, id, { status: 'held' }, today)
    const agenda = await governance.getMeeting(id)
    const standing = agenda.items.find((i) => i.kind === 'standing')
    if (standing)
      await governance.recordMinutes(who, id, {
        itemId: standing.id,
        discussion:
          'The board noted the quarter’s figures and the exception report; no further action was needed.',
      })
    const itemId = await governance.addItem(who, id, {
      title: m.item.title,
      presenterPersonId: person(m.item.presenter),
    })
    await governance.recordMinutes(who, id, { itemId, discussion: m.item.minutes })
    for (const text of m.item.resolutions) await governance.addResolution(who, id, { itemId, text })
    if (m.action) {
      await governance.addAction(who, id, {
        itemId,
        description: m.action.description,
        ownerPersonId: person(m.action.owner),
        dueDate: m.action.due,
      })
      const made = (await governance.getMeeting(id)).items.find((i) => i.id === itemId)?.actions[0]
      if (made && m.action.closedOn)
        await governance.setActionStatus(who, made.id, { status: 'closed' }, m.action.closedOn)
    }
    if (m.exempt) {
      const exemptId = await governance.addItem(who, id, {
        title: m.exempt.title,
        presenterPersonId: person('Ian Howells'),
        exempt: true,
        exemptReason: m.exempt.reason,
      })
      await governance.recordMinutes(who, id, { itemId: exemptId, discussion: m.exempt.minutes })
      await governance.addResolution(who, id, {
        itemId: exemptId,
        text: 'That the review’s recommendations be taken forward by the agencies named in it.',
      })
    }
    for (const name of m.present)
      await governance.recordAttendance(who, id, { personId: person(name), attendance: 'present' })
    for (const name of m.apologies)
      await governance.recordAttendance(who, id, { personId: person(name), attendance: 'apologies' })
    await governance.changeStatus(who, id, { status: 'minutes-draft' }, today)
    await governance.changeStatus(who, id, { status: 'minutes-approved' }, today)
    return id
  }

  const quarter = [-12, -9, -6, -3].map((months) => secondThursday(today, months))
  const nextDay = secondThursday(today, 1)
  const civic = 'Civic Centre'
  const core = ['Caroline Thwaites', 'Ian Howells', 'Helen Lyons', 'Neil Chisolm']

  await hold({
    board: delivery,
    day: quarter[0] as string,
    place: civic,
    item: {
      title: 'Serious violence strategic needs assessment: scope',
      presenter: 'Claire Kowalska',
      minutes:
        'The board discussed the scope of this year’s serious violence strategic needs assessment, and the data the specified authorities would share for it: police, A&E (the ISTV minimum data set), ambulance, education and youth justice.',
      resolutions: [
        'That the needs assessment cover knife crime, serious youth violence and domestic homicide.',
        'That each specified authority name a data lead by the next meeting.',
      ],
    },
    action: {
      description: 'Name a data lead for each specified authority.',
      owner: 'Helen Lyons',
      due: addDays(quarter[0] as string, 42),
      closedOn: quarter[1] as string,
    },
    present: core,
    apologies: ['Kevin Fenton'],
  })
  await hold({
    board: delivery,
    day: quarter[1] as string,
    place: civic,
    item: {
      title: 'Violence against women and girls: the partnership’s response',
      presenter: 'Becky Canning',
      minutes:
        'The board heard how referrals to the MARAC had changed over the year, and the plans for training front-line staff.',
      resolutions: ['That the training plan be brought to the board for approval.'],
    },
    action: {
      description: 'Bring the training plan for front-line staff to the board.',
      owner: 'Becky Canning',
      due: quarter[2] as string,
      closedOn: quarter[2] as string,
    },
    present: [...core, 'Becky Canning'],
    apologies: ['Stephen Douglass'],
  })
  await hold({
    board: delivery,
    day: quarter[2] as string,
    place: civic,
    item: {
      title: 'Youth justice and school exclusions: sharing data',
      presenter: 'Stephen Douglass',
      minutes:
        'The board agreed that exclusions data would help target early intervention, and that an information sharing agreement was needed first.',
      resolutions: ['That an information sharing agreement with schools be drafted.'],
    },
    action: {
      description: 'Draft the information sharing agreement with schools.',
      owner: 'Stephen Douglass',
      due: addDays(quarter[2] as string, 28),
    },
    present: [...core, 'Stephen Douglass'],
    apologies: ['Becky Canning'],
  })
  const published = await hold({
    board: delivery,
    day: quarter[3] as string,
    place: civic,
    item: {
      title: 'Knife Crime and Serious Violence Action Plan: half-year review',
      presenter: 'Claire Kowalska',
      minutes:
        'The board reviewed the action plan at the half year: most deliverables were on track, two were red and one had not been updated since the spring.',
      resolutions: [
        'That the leads of the red deliverables report on them at the next meeting.',
        'That the plan’s progress be reported to the Safeguarding Adults Board.',
      ],
    },
    action: {
      description: 'Report on the red deliverables of the action plan.',
      owner: 'Claire Kowalska',
      due: nextDay,
    },
    present: [...core, 'Kevin Fenton'],
    apologies: [],
    exempt: {
      title: 'Domestic homicide review: findings',
      reason: 'Schedule 12A, paragraph 1: information relating to an individual',
      minutes:
        'The board received the review’s confidential findings about the victim, Ms A, and the contact agencies had with her and with the perpetrator before her death.',
    },
  })
  await governance.publishMeeting(who, published, { confirm: 'yes' })

  // The public meeting (regulation 12), held within this partnership year.
  const year = partnershipYearOf(today)
  const span = partnershipYearSpan(year)
  const publicMeeting = await hold({
    board: delivery,
    day: later(span.from, addDays(today, -30)),
    time: '19:00',
    place: 'Town Hall, open to the public',
    item: {
      title: 'Community safety in the borough: residents’ questions',
      presenter: 'Caroline Thwaites',
      minutes:
        'Residents asked about street lighting, antisocial behaviour near the estates and police response times; the partners answered each question.',
      resolutions: ['That the answers be published with these minutes.'],
    },
    present: core,
    apologies: [],
  })
  await governance.setPublicMeeting(who, publicMeeting, { public: true })
  const next = await governance.scheduleMeeting(who, delivery, { startsAt: `${nextDay}T18:30`, place: civic })

  for (const months of [-8, -2])
    await hold({
      board: adults,
      day: secondThursday(today, months),
      time: '14:00',
      place: civic,
      item: {
        title: 'Safer Communities Delivery Group: quarterly dashboard and exception report',
        presenter: 'Caroline Thwaites',
        minutes: 'The board received the delivery group’s dashboard and exception report for the quarter.',
        resolutions: ['That the report be noted.'],
      },
      present: ['Kate Moriarty-Baker', 'David Quirke-Thornton', 'Caroline Thwaites'],
      apologies: [],
    })
  await hold({
    board: executive,
    day: secondThursday(today, -6),
    time: '10:00',
    place: civic,
    item: {
      title: 'The safeguarding boards’ annual reports',
      presenter: 'Kate Moriarty-Baker',
      minutes:
        'The executive received the boards’ annual reports and agreed their priorities for the coming year.',
      resolutions: ['That the priorities be adopted.'],
    },
    present: ['Eleanor Kelly', 'Simon Messinger', 'Kate Moriarty-Baker'],
    apologies: [],
  })
  const executiveNext = await governance.scheduleMeeting(who, executive, {
    startsAt: `${secondThursday(today, 2)}T10:00`,
    place: civic,
  })

  // This year's duties: some evidenced, one due soon, one past its date.
  const evidenced = later(span.from, addDays(today, -45))
  await governance.recordDutyEvidence(who, {
    duty: 'strategic-assessment',
    kind: 'document',
    year,
    documentTitle: `Strategic assessment ${partnershipYearText(year)}`,
    evidencedOn: evidenced,
  })
  await governance.recordDutyEvidence(who, {
    duty: 'sv-needs-assessment',
    kind: 'meeting',
    year,
    meetingId: publicMeeting,
    evidencedOn: later(span.from, addDays(today, -30)),
    note: 'Reviewed with residents at the public meeting',
  })
  await governance.setDutyDueDate(who, { year, duty: 'plan-revised', dueDate: addDays(today, 30) })
  await governance.setDutyDueDate(who, {
    year,
    duty: 'plan-sent-to-pcc',
    dueDate: later(span.from, addDays(today, -14)),
  })
  const decisions = await loadDecisionsDemo(governance, who, {
    today,
    delivery,
    published,
    executiveNext,
  })
  return { published, publicMeeting, next, decisions }
}
