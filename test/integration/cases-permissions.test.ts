import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCurrentUser } from '../../src/access/current-user.ts'
import { type CasesFixture, casesFixture, REASONS, RISK, VICTIM } from '../helpers/cases.ts'
import { addChannelAndMase, type ChannelMase, SHARED_PLACE, vafRatings } from '../helpers/channel-mase.ts'
import { IOM_SOURCE_NOTE, type IomFixture, iomFixture } from '../helpers/iom.ts'
import { Browser } from '../helpers/session.ts'

// Every case route and endpoint, called as a panel member, a non-member, an administrator who is
// not a member, someone signed out, and a non-member before, during and after their break glass
// (the clock is moved by hand). Need to know holds in the service, so pages and API agree.
// Permissions do not depend on the dialect: SQLite only.

type Caller = 'member' | 'outsider' | 'admin' | 'signedOut'
const CALLERS: Caller[] = ['member', 'outsider', 'admin', 'signedOut']
const CONTENT = [
  REASONS,
  RISK,
  'Ada Fictional',
  'Bram Madeup',
  'Nowhere Lane',
  'Burgla Inventson',
  IOM_SOURCE_NOTE,
  'Cato Imaginary',
  'Fern Fabricated',
]

interface Call {
  body?: Record<string, string>
  /** Expected status by caller. */
  expect: Record<Caller, number>
  /** The callers who may see the case's content in the answer (everyone else must not). */
  content?: Caller[]
  /** The content looked for, when not the MARAC case's. */
  texts?: string[]
}

describe('every case route and endpoint, by who is asking', () => {
  let f: CasesFixture
  const browsers = new Map<Caller, Browser>()
  const tokens = new Map<Caller, string>()
  let subjectId: number
  let glassId: number
  let meetingId: number
  let actionId: number
  let interventionId: number
  let episodeId: number
  let iom: IomFixture
  let cm: ChannelMase
  let disruptionId: number
  const VAF_NOTE = 'Talks of revenge for his cousin'
  const MINE = ['Mira Storybook', SHARED_PLACE, VAF_NOTE]
  let youthPanel: number
  let youthCase: number
  let community: number
  let asbId: number

  beforeAll(async () => {
    f = await casesFixture('sqlite')
    subjectId = (await f.t.deps.services.cases.caseSubjects(f.caseId))[0] as number
    iom = await iomFixture(f)
    const emails: Record<Exclude<Caller, 'signedOut'>, string> = {
      member: 'lead@test.example',
      outsider: 'outsider@test.example',
      admin: 'admin@test.example',
    }
    for (const [caller, email] of Object.entries(emails) as Array<[Caller, string]>) {
      const browser = new Browser(f.t.app)
      await browser.signIn(email)
      browsers.set(caller, browser)
      const user = await f.t.deps.services.users.findByEmail(email)
      if (!user) throw new Error(email)
      const made = await f.t.deps.services.auth.createToken(asCurrentUser(user), 'tests', {
        userId: user.id,
        label: email,
        ip: null,
      })
      tokens.set(caller, made.token)
    }
    interventionId = await f.t.deps.services.cases.createIntervention(f.who('admin'), {
      name: 'Test mentoring service',
      providerOrganisationId: f.t.organisationId,
      kind: 'prevention',
      description: 'Mentoring',
      eligibility: 'Anyone referred by a panel',
      referralRoute: 'Email the team',
      places: 5,
      contact: 'mentoring@test.example',
      panelIds: [f.panel],
    })
    episodeId = await f.t.deps.services.cases.referToIntervention(f.who('member'), subjectId, {
      interventionId,
      referredOn: '2026-05-11',
    })
    const anonymous = new Browser(f.t.app)
    await anonymous.get('/sign-in')
    browsers.set('signedOut', anonymous)
    // A break glass by someone else, for the chair's "mark as seen".
    glassId = (
      await f.t.deps.services.cases.breakGlass(
        { ...f.who('outsider'), user: { id: f.ids.manager, role: 'partnership-manager' } },
        f.caseId,
        { reason: 'Earlier emergency, for the chair to see' },
      )
    ).id
    // Accepted and on a meeting's list with an action, so the meeting and action routes reach a record.
    const cases = f.t.deps.services.cases
    await cases.moveCase(f.who('member'), f.caseId, { status: 'accepted', on: '2026-05-05' })
    meetingId = await cases.createMeeting(f.who('member'), f.panel, { meetsOn: '2026-05-20' })
    actionId = await cases.addAction(f.who('member'), meetingId, {
      caseId: f.caseId,
      action: 'Refer the victim to the IDVA service',
      ownerOrganisationId: f.t.organisationId,
      ownerUserId: f.ids.member,
      dueOn: '2026-05-27',
    })
    // A Channel case assessed once, and two MASE children sharing a place, one with a disruption.
    cm = await addChannelAndMase(f)
    await cases.assessVaf(f.who('member'), cm.channelCase, {
      assessedOn: '2026-05-06',
      ratings: vafRatings(4, VAF_NOTE),
    })
    for (const id of cm.maseCases)
      await cases.addMaseLocation(f.who('member'), id, { locationType: 'hotel', place: SHARED_PLACE })
    disruptionId = await cases.addDisruption(f.who('member'), cm.maseCases[0], {
      disruptionType: 'hotel-watch',
      detail: 'Watch the lodge on Fridays',
      ownerOrganisationId: f.t.organisationId,
      dueOn: '2026-06-10',
    })
    // A youth panel's case, and a Community MARAC's application decided so its letter can be made.
    const panelOf = (name: string, type: string) =>
      cases.createPanel(f.who('admin'), {
        name,
        type,
        termsOfReference: name,
        chairUserId: f.ids.chair,
        cadence: 'monthly',
        memberUserIds: [f.ids.member],
        organisationIds: [f.t.organisationId],
        isaParties: ['Test Council'],
        isaLegalBasis: 'cda-s115',
        isaReviewDate: '2027-01-31',
      })
    youthPanel = await panelOf('Test Youth RMP', 'youth-rmp')
    community = await panelOf('Test Community MARAC', 'community-marac')
    youthCase = await cases.submitReferral(f.who('member'), {
      panelId: youthPanel,
      reasons: 'Found with a knife',
      risk: 'Older group',
      consent: 'given',
      referredOn: '2026-05-01',
      subjects: [
        {
          role: 'offender',
          forename: 'Cato',
          surname: 'Imaginary',
          dateOfBirth: '2008-09-15',
          gender: 'male',
        },
      ],
    })
    asbId = await cases.createApplication(f.who('member'), community, {
      forename: 'Fern',
      surname: 'Fabricated',
      dateOfBirth: '1961-07-07',
      address: '14 Quayside Walk',
      receivedOn: '2026-05-11',
      location: 'Quayside Walk',
      complaints: [{ reportedOn: '2026-05-01', agency: 'Police' }],
    })
    await cases.recordAsbStep(f.who('member'), asbId, {
      step: 'decide',
      on: '2026-05-20',
      thresholdMet: 'no',
      reason: 'One complaint',
    })
  })
  afterAll(() => f.t.close())

  async function call(caller: Caller, method: string, url: string, body: Record<string, string> = {}) {
    const browser = browsers.get(caller) as Browser
    if (url.startsWith('/api/')) {
      const token = tokens.get(caller)
      return f.t.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
        ...(method === 'GET' ? {} : { payload: JSON.stringify(body) }),
      })
    }
    return method === 'GET' ? browser.get(url) : browser.post(url, body)
  }

  const routes = () => {
    const c = f.caseId
    const p = f.panel
    const all = (status: number, signedOut = 302): Record<Caller, number> => ({
      member: status,
      outsider: status,
      admin: status,
      signedOut,
    })
    const search = { surname: VICTIM.surname, dateOfBirth: VICTIM.dateOfBirth }
    const members = (status: number, signedOut: number): Record<Caller, number> => ({
      member: status,
      outsider: 404,
      admin: 404,
      signedOut,
    })
    const table: Record<string, Call> = {
      'GET /cases/panels': { expect: all(200) },
      'GET /cases/panels/new': { expect: { member: 403, outsider: 403, admin: 200, signedOut: 302 } },
      'POST /cases/panels': { expect: { member: 403, outsider: 403, admin: 400, signedOut: 302 } },
      [`GET /cases/panels/${p}/edit`]: { expect: { member: 403, outsider: 403, admin: 200, signedOut: 302 } },
      [`POST /cases/panels/${p}`]: { expect: { member: 403, outsider: 403, admin: 400, signedOut: 302 } },
      [`GET /cases/panels/${p}`]: { expect: all(200), content: ['member'] },
      [`POST /cases/break-glass/${glassId}/seen`]: {
        expect: { member: 404, outsider: 404, admin: 404, signedOut: 302 },
      },
      'GET /cases/referrals/new': { expect: { member: 200, outsider: 200, admin: 403, signedOut: 302 } },
      'POST /cases/referrals/check': { expect: { member: 400, outsider: 400, admin: 403, signedOut: 302 } },
      'POST /cases/referrals': { expect: { member: 400, outsider: 400, admin: 403, signedOut: 302 } },
      'GET /cases/search': { expect: all(200) },
      'POST /cases/search': { body: search, expect: all(200), content: ['member'] },
      'GET /cases': { expect: all(200), content: ['member'] },
      [`GET /cases/${c}`]: {
        expect: { member: 200, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      [`POST /cases/${c}/status`]: {
        body: { status: 'closed' },
        expect: { member: 400, outsider: 404, admin: 404, signedOut: 302 },
        // The refusal re-renders the case page for the member.
        content: ['member'],
      },
      [`GET /cases/${c}/break-glass`]: { expect: { member: 200, outsider: 200, admin: 403, signedOut: 302 } },
      [`POST /cases/${c}/break-glass`]: {
        body: { reason: 'short' },
        expect: { member: 400, outsider: 400, admin: 403, signedOut: 302 },
      },
      [`GET /cases/subjects/${subjectId}`]: {
        expect: { member: 200, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      // Rights (ADR 0031): the retention list shows no content, and the case here is not closed.
      'GET /cases/retention': { expect: all(200) },
      [`GET /cases/retention/${c}/delete`]: {
        expect: { member: 404, outsider: 404, admin: 404, signedOut: 302 },
      },
      [`POST /cases/retention/${c}/delete`]: {
        body: { confirm: 'yes' },
        expect: { member: 404, outsider: 404, admin: 404, signedOut: 302 },
      },
      [`GET /cases/subjects/${subjectId}/export`]: {
        expect: { member: 404, outsider: 404, admin: 200, signedOut: 302 },
      },
      [`POST /cases/subjects/${subjectId}/export`]: {
        expect: { member: 404, outsider: 404, admin: 400, signedOut: 302 },
      },
      [`GET /cases/subjects/${subjectId}/edit`]: {
        expect: { member: 200, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      [`POST /cases/subjects/${subjectId}/edit`]: {
        expect: { member: 400, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      [`GET /cases/subjects/${subjectId}/merges`]: {
        expect: { member: 200, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      [`POST /cases/subjects/${subjectId}/merges`]: {
        expect: { member: 400, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      [`POST /cases/subjects/${subjectId}/unmerge`]: {
        expect: { member: 400, outsider: 404, admin: 404, signedOut: 302 },
        content: ['member'],
      },
      'GET /api/v1/case-panels': { expect: all(200, 401) },
      [`GET /api/v1/case-panels/${p}`]: { expect: all(200, 401) },
      'POST /api/v1/case-panels': { expect: { member: 403, outsider: 403, admin: 400, signedOut: 401 } },
      [`PUT /api/v1/case-panels/${p}`]: {
        expect: { member: 403, outsider: 403, admin: 400, signedOut: 401 },
      },
      'GET /api/v1/cases': { expect: all(200, 401), content: ['member'] },
      'POST /api/v1/cases/referrals/check': {
        expect: { member: 400, outsider: 400, admin: 403, signedOut: 401 },
      },
      'POST /api/v1/cases': { expect: { member: 400, outsider: 400, admin: 403, signedOut: 401 } },
      'POST /api/v1/cases/search': { body: search, expect: all(200, 401), content: ['member'] },
      [`GET /api/v1/cases/${c}`]: {
        expect: { member: 200, outsider: 404, admin: 404, signedOut: 401 },
        content: ['member'],
      },
      [`POST /api/v1/cases/${c}/status`]: {
        body: { status: 'closed' },
        expect: { member: 400, outsider: 404, admin: 404, signedOut: 401 },
      },
      [`POST /api/v1/cases/${c}/break-glass`]: {
        body: { reason: 'short' },
        expect: { member: 400, outsider: 400, admin: 403, signedOut: 401 },
      },
      [`GET /api/v1/cases/${c}/access-log`]: {
        expect: { member: 404, outsider: 404, admin: 404, signedOut: 401 },
      },
      [`GET /api/v1/case-subjects/${subjectId}`]: {
        expect: { member: 200, outsider: 404, admin: 404, signedOut: 401 },
        content: ['member'],
      },
      'GET /api/v1/break-glass': { expect: all(200, 401) },
      // Meetings, actions, Dash reassessment and the SafeLives return: the panel's members only.
      [`GET /cases/panels/${p}/meetings`]: { expect: members(200, 302) },
      [`POST /cases/panels/${p}/meetings`]: { expect: members(400, 302) },
      [`GET /cases/meetings/${meetingId}`]: { expect: members(200, 302), content: ['member'] },
      [`POST /cases/meetings/${meetingId}/case-list`]: { expect: members(303, 302) },
      [`POST /cases/meetings/${meetingId}/discussion`]: {
        body: { caseId: String(c) },
        expect: members(400, 302),
        content: ['member'],
      },
      [`POST /cases/meetings/${meetingId}/actions`]: {
        body: { caseId: String(c) },
        expect: members(400, 302),
        content: ['member'],
      },
      [`POST /cases/actions/${actionId}`]: { body: { status: 'lost' }, expect: members(400, 302) },
      'GET /cases/actions/mine': { expect: all(200) },
      [`GET /cases/${c}/assessments/new`]: { expect: members(200, 302) },
      [`POST /cases/${c}/assessments`]: { expect: members(400, 302) },
      [`GET /cases/panels/${p}/safelives-return`]: { expect: members(200, 302) },
      [`GET /cases/panels/${p}/safelives-return/csv`]: { expect: members(200, 302) },
      [`POST /api/v1/cases/${c}/assessments`]: {
        body: { answers: ['yes'] } as unknown as Record<string, string>,
        expect: members(400, 401),
      },
      [`GET /api/v1/case-panels/${p}/meetings`]: { expect: members(200, 401) },
      [`POST /api/v1/case-panels/${p}/meetings`]: {
        body: { meetsOn: '2026-05-25', organisationIds: ['999999'] } as unknown as Record<string, string>,
        expect: members(400, 401),
      },
      [`GET /api/v1/case-meetings/${meetingId}`]: { expect: members(200, 401), content: ['member'] },
      [`POST /api/v1/case-meetings/${meetingId}/case-list`]: { expect: members(200, 401) },
      [`POST /api/v1/case-meetings/${meetingId}/discussions`]: {
        body: { caseId: '999999', discussion: 'Not on the list' },
        expect: members(400, 401),
      },
      // An owner outside the panel is refused.
      [`POST /api/v1/case-meetings/${meetingId}/actions`]: {
        body: {
          caseId: String(c),
          action: 'Given to someone outside the panel',
          ownerOrganisationId: String(f.t.organisationId),
          ownerUserId: String(f.ids.outsider),
          dueOn: '2026-07-01',
        },
        expect: members(400, 401),
      },
      [`PUT /api/v1/case-actions/${actionId}`]: {
        body: { status: 'not-done', version: '1' },
        expect: members(400, 401),
      },
      'GET /api/v1/case-actions': { expect: all(200, 401) },
      [`GET /api/v1/case-panels/${p}/safelives-return?from=2026-04-01&to=2026-06-30`]: {
        expect: members(200, 401),
      },
      ...interventionRoutes(all),
      ...iomRoutes(all),
      ...cohortReportRows(),
      // Channel and MASE: their panels' members only; a refused form re-renders the record for the member.
      ...channelMaseRows(members),
      // The youth panels' risk and transitions, and the ASB case review: members only, as above.
      [`GET /cases/${youthCase}/risk`]: { expect: members(200, 302), content: ['member'] },
      [`POST /cases/${youthCase}/risk`]: { expect: members(400, 302), content: ['member'] },
      [`POST /cases/${youthCase}/transitions`]: { expect: members(400, 302), content: ['member'] },
      [`GET /cases/panels/${youthPanel}/youth`]: { expect: members(200, 302), content: ['member'] },
      [`POST /cases/panels/${youthPanel}/youth/settings`]: {
        body: { transitionLeadMonths: '12' },
        expect: members(400, 302),
        content: ['member'],
      },
      [`GET /cases/panels/${community}/asb`]: { expect: members(200, 302), content: ['member'] },
      [`POST /cases/panels/${community}/asb/settings`]: {
        body: { complaints: '2' },
        expect: members(400, 302),
        content: ['member'],
      },
      [`GET /cases/panels/${community}/asb/new`]: { expect: members(200, 302) },
      [`POST /cases/panels/${community}/asb`]: { expect: members(400, 302) },
      [`GET /cases/asb/${asbId}`]: { expect: members(200, 302), content: ['member'] },
      [`POST /cases/asb/${asbId}/steps`]: {
        body: { step: 'meet' },
        expect: members(400, 302),
        content: ['member'],
      },
      [`GET /cases/asb/${asbId}/letter`]: { expect: members(200, 302) },
      [`GET /api/v1/cases/${youthCase}/risk`]: { expect: members(200, 401), content: ['member'] },
      [`POST /api/v1/cases/${youthCase}/risk-reviews`]: { expect: members(400, 401) },
      [`POST /api/v1/cases/${youthCase}/transitions`]: { expect: members(400, 401) },
      [`GET /api/v1/case-panels/${youthPanel}/transitions`]: {
        expect: members(200, 401),
        content: ['member'],
      },
      [`GET /api/v1/case-panels/${community}/asb-applications`]: {
        expect: members(200, 401),
        content: ['member'],
      },
      [`POST /api/v1/case-panels/${community}/asb-applications`]: { expect: members(400, 401) },
      [`GET /api/v1/case-asb-applications/${asbId}`]: {
        expect: members(200, 401),
        content: ['member'],
      },
      [`POST /api/v1/case-asb-applications/${asbId}/steps`]: {
        body: { step: 'meet' },
        expect: members(400, 401),
      },
    }
    return table
  }

  // The interventions directory is every partner's; a subject's episodes and outcomes are the
  // recording panel's, as its cases are.
  const interventionRoutes = (all: (status: number, signedOut?: number) => Record<Caller, number>) => {
    const i = interventionId
    const s = subjectId
    const e = episodeId
    const keepers = (admin: number, signedOut = 302) => ({ member: 403, outsider: 403, admin, signedOut })
    const members = (member: number, signedOut = 302) => ({ member, outsider: 404, admin: 404, signedOut })
    const table: Record<string, Call> = {
      'GET /cases/interventions': { expect: all(200) },
      'GET /cases/interventions/new': { expect: keepers(200) },
      'POST /cases/interventions': { expect: keepers(400) },
      [`GET /cases/interventions/${i}`]: { expect: all(200) },
      [`GET /cases/interventions/${i}/edit`]: { expect: keepers(200) },
      [`POST /cases/interventions/${i}`]: { expect: keepers(400) },
      [`GET /cases/subjects/${s}/interventions`]: { expect: members(200), content: ['member'] },
      [`GET /cases/subjects/${s}/episodes/new`]: { expect: members(200) },
      [`POST /cases/subjects/${s}/episodes`]: { expect: members(400) },
      [`GET /cases/episodes/${e}`]: { expect: members(200) },
      [`POST /cases/episodes/${e}`]: { body: { referralOutcome: 'rejected' }, expect: members(400) },
      [`GET /cases/subjects/${s}/outcomes/new`]: { expect: members(200) },
      [`POST /cases/subjects/${s}/outcomes`]: { expect: members(400) },
      'GET /api/v1/case-interventions': { expect: all(200, 401) },
      [`GET /api/v1/case-interventions/${i}`]: { expect: all(200, 401) },
      'POST /api/v1/case-interventions': { expect: keepers(400, 401) },
      [`PUT /api/v1/case-interventions/${i}`]: { expect: keepers(400, 401) },
      [`GET /api/v1/case-subjects/${s}/episodes`]: { expect: members(200, 401) },
      [`POST /api/v1/case-subjects/${s}/episodes`]: { expect: members(400, 401) },
      [`GET /api/v1/case-episodes/${e}`]: { expect: members(200, 401) },
      [`PUT /api/v1/case-episodes/${e}`]: {
        body: { referralOutcome: 'rejected' },
        expect: members(400, 401),
      },
      [`GET /api/v1/case-subjects/${s}/outcomes`]: { expect: members(200, 401) },
      [`POST /api/v1/case-subjects/${s}/outcomes`]: { expect: members(400, 401) },
      [`GET /api/v1/case-panels/${f.panel}/outcomes`]: { expect: members(200, 401) },
    }
    return table
  }

  // IOM (docs/adr/0035): the board, candidates and a person's page for the IOM panel's members only;
  // the scoring matrix is read by anyone on the risk panels and changed by those who set panels up.
  const iomRoutes = (all: (status: number, signedOut?: number) => Record<Caller, number>) => {
    const board = `/cases/panels/${iom.panel}/iom`
    const person = `${board}/subjects/${iom.people.burgla}`
    const api = `/api/v1/case-panels/${iom.panel}/iom`
    const apiPerson = `${api}/subjects/${iom.people.burgla}`
    const membersOnly = (signedOut: number) => ({ member: 200, outsider: 404, admin: 404, signedOut })
    const changes = (signedOut: number) => ({ member: 400, outsider: 404, admin: 404, signedOut })
    const table: Record<string, Call> = {
      [`GET ${board}`]: { expect: membersOnly(302), content: ['member'] },
      [`GET ${board}/settings`]: { expect: all(200) },
      [`POST ${board}/settings`]: { expect: { member: 403, outsider: 403, admin: 400, signedOut: 302 } },
      [`GET ${person}`]: { expect: membersOnly(302), content: ['member'] },
      [`GET ${api}/board`]: { expect: membersOnly(401), content: ['member'] },
      [`GET ${api}/candidates`]: { expect: membersOnly(401), content: ['member'] },
      [`GET ${api}/settings`]: { expect: all(200, 401) },
      [`PUT ${api}/settings`]: { expect: { member: 403, outsider: 403, admin: 400, signedOut: 401 } },
      [`GET ${apiPerson}`]: { expect: membersOnly(401), content: ['member'] },
      [`GET ${apiPerson}/score`]: { expect: membersOnly(401) },
    }
    for (const path of ['offences', 'decision', 'cohort', 'deselect', 'pathways']) {
      // A member's empty form re-renders the person's page with the problems; the API answers 400 alone.
      table[`POST ${person}/${path}`] = { expect: changes(302), content: ['member'] }
      table[`POST ${apiPerson}/${path}`] = { expect: changes(401) }
    }
    return table
  }

  // The cohort report (docs/adr/0037): the IOM panel's members only, exact on the page and the API,
  // suppressed in the CSV and the suppressed endpoint; it names nobody.
  const cohortReportRows = () => {
    const page = `/cases/panels/${iom.panel}/cohort-report`
    const api = `/api/v1/case-panels/${iom.panel}/cohort-report`
    const period = '?from=2025-06-01&to=2026-05-31'
    const membersOnly = (signedOut: number) => ({ member: 200, outsider: 404, admin: 404, signedOut })
    const rows: Record<string, Call> = {
      [`GET ${page}`]: { expect: membersOnly(302) },
      [`GET ${page}/csv${period}`]: { expect: membersOnly(302) },
      [`GET ${api}${period}`]: { expect: membersOnly(401) },
      [`GET ${api}/suppressed${period}`]: { expect: membersOnly(401) },
    }
    return rows
  }

  function channelMaseRows(members: (status: number, signedOut: number) => Record<Caller, number>) {
    const ch = cm.channelCase
    const m = cm.maseCases[0]
    const mp = cm.masePanel
    const d = disruptionId
    const read = { texts: MINE, content: ['member'] as Caller[] }
    const rows: Record<string, Call> = {
      [`GET /cases/${ch}/channel`]: { expect: members(200, 302), ...read },
      [`POST /cases/${ch}/channel/vaf`]: { expect: members(400, 302), ...read },
      [`POST /cases/${ch}/channel/consent`]: { expect: members(400, 302), ...read },
      [`POST /cases/${ch}/channel/support`]: { expect: members(400, 302), ...read },
      [`GET /cases/${m}/mase`]: { expect: members(200, 302), ...read },
      [`POST /cases/${m}/mase/locations`]: { expect: members(400, 302), ...read },
      [`POST /cases/${m}/mase/persons`]: { expect: members(400, 302), ...read },
      [`POST /cases/${m}/mase/disruptions`]: { expect: members(400, 302), ...read },
      [`POST /cases/mase-disruptions/${d}`]: { body: { status: 'lost' }, expect: members(400, 302), ...read },
      [`GET /cases/panels/${mp}/problem-profile`]: { expect: members(200, 302), ...read },
      // The counts leave the panel: no place, no person.
      [`GET /cases/panels/${mp}/problem-profile/csv`]: { expect: members(200, 302), texts: MINE },
      [`GET /api/v1/cases/${ch}/channel`]: { expect: members(200, 401), ...read },
      [`POST /api/v1/cases/${ch}/channel/vaf`]: { expect: members(400, 401), texts: MINE },
      [`POST /api/v1/cases/${ch}/channel/consent`]: { expect: members(400, 401), texts: MINE },
      [`POST /api/v1/cases/${ch}/channel/support`]: { expect: members(400, 401), texts: MINE },
      [`GET /api/v1/cases/${m}/mase`]: { expect: members(200, 401), ...read },
      [`POST /api/v1/cases/${m}/mase/locations`]: { expect: members(400, 401), texts: MINE },
      [`POST /api/v1/cases/${m}/mase/persons/check`]: { expect: members(400, 401), texts: MINE },
      [`POST /api/v1/cases/${m}/mase/persons`]: { expect: members(400, 401), texts: MINE },
      [`POST /api/v1/cases/${m}/mase/disruptions`]: { expect: members(400, 401), texts: MINE },
      [`PUT /api/v1/case-disruptions/${d}`]: {
        body: { status: 'lost' },
        expect: members(400, 401),
        texts: MINE,
      },
      [`GET /api/v1/case-panels/${mp}/problem-profile`]: { expect: members(200, 401), ...read },
      [`GET /api/v1/case-panels/${mp}/problem-profile/counts`]: { expect: members(200, 401), texts: MINE },
    }
    return rows
  }

  /** Channel's and MASE's own records' ids, as the routes declare them. */
  const channelMaseRoute = (k: string) =>
    k
      .replace(`/${cm.channelCase}/channel`, '/:id/channel')
      .replace(`/${cm.maseCases[0]}/mase`, '/:id/mase')
      .replace(new RegExp(`(mase-disruptions|case-disruptions)/${disruptionId}$`), '$1/:id')
      .replace(`panels/${cm.masePanel}/problem-profile`, 'panels/:id/problem-profile')

  it('covers every case route and endpoint the app declares', () => {
    const declared = f.t.routes
      .filter((r) => /^\/(cases|api\/v1\/(cases|case-|break-glass))/.test(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort()
    const called = Object.keys(routes())
      .map((k) =>
        channelMaseRoute(k)
          .replace(/\?.*$/, '')
          .replace(new RegExp(`/cases/${youthCase}(?=/|$)`), '/cases/:id')
          .replace(new RegExp(`/(panels|case-panels)/(${youthPanel}|${community})(?=/|$)`), '/$1/:id')
          .replace(/\/(asb|case-asb-applications)\/\d+/, '/$1/:id')
          .replace(/\/(meetings|actions|case-meetings|case-actions)\/\d+/, '/$1/:id')
          .replace(/\/(interventions|episodes|case-interventions|case-episodes)\/\d+/, '/$1/:id')
          .replace(/\/(case-)?panels\/\d+\/iom/, '/$1panels/:id/iom')
          .replace(/\/(case-)?panels\/\d+\/cohort-report/, '/$1panels/:id/cohort-report')
          .replace(/\/iom\/subjects\/\d+/, '/iom/subjects/:iomSubject')
          .replace(`/${f.caseId}`, '/:id')
          .replace(`/panels/${f.panel}`, '/panels/:id')
          .replace(`/case-panels/${f.panel}`, '/case-panels/:id')
          .replace(`/subjects/${subjectId}`, '/subjects/:id')
          .replace(/\/break-glass\/\d+\/seen/, '/break-glass/:id/seen'),
      )
      .sort()
    expect(called).toEqual(declared)
  })

  it('answers each caller as need to know says, and shows case content to members only', async () => {
    // The outsider's break glass is not open yet: the short reason above is refused before anything.
    const failures: string[] = []
    for (const [key, spec] of Object.entries(routes())) {
      const [method, url] = key.split(' ') as [string, string]
      // The outsider's break-glass POST with a short reason is a 400; with a good one it would open the case.
      for (const caller of CALLERS) {
        const response = await call(caller, method, url, spec.body)
        if (response.statusCode !== spec.expect[caller])
          failures.push(`${key} as ${caller}: ${response.statusCode}, expected ${spec.expect[caller]}`)
        const shows = (spec.texts ?? CONTENT).filter((text) => response.body.includes(text))
        if (spec.content?.includes(caller)) {
          if (shows.length === 0) failures.push(`${key} as ${caller}: no case content shown`)
        } else if (shows.length) failures.push(`${key} as ${caller} showed ${shows.join(', ')}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('signposts a non-member’s search to the panel and its chair', async () => {
    const response = await call('outsider', 'POST', '/api/v1/cases/search', {
      surname: VICTIM.surname,
      dateOfBirth: VICTIM.dateOfBirth,
    })
    expect(response.json()).toEqual({
      cases: [],
      signposts: [
        {
          panelId: f.panel,
          panelName: 'Test MARAC',
          chairName: 'Test caseworker',
          chairEmail: 'caseworker@test.example',
          caseIds: [f.caseId],
        },
      ],
    })
    const page = await call('admin', 'POST', '/cases/search', {
      surname: VICTIM.surname,
      dateOfBirth: VICTIM.dateOfBirth,
    })
    expect(page.body).toContain('Test MARAC</strong> holds a record')
    expect(page.body).toContain('caseworker@test.example')
  })

  it('opens the case to a non-member by break glass, on pages and the API alike, until it expires', async () => {
    const reads = [
      `/cases/${f.caseId}`,
      `/api/v1/cases/${f.caseId}`,
      `/cases/subjects/${subjectId}`,
      `/api/v1/case-subjects/${subjectId}`,
    ]
    for (const url of reads)
      expect((await call('outsider', 'GET', url)).statusCode, `before: ${url}`).toBe(404)
    // A member needs no break glass, and is told so.
    const member = await call('member', 'POST', `/api/v1/cases/${f.caseId}/break-glass`, {
      reason: 'A member does not need to break the glass',
    })
    expect(member.statusCode).toBe(403)
    expect(member.body).toContain('You are a member of the panel holding this case')
    const opened = await call('outsider', 'POST', `/cases/${f.caseId}/break-glass`, {
      reason: 'Victim brought to A&E; the chair cannot be reached',
    })
    expect(opened.statusCode).toBe(303)
    expect(opened.headers.location).toMatch(new RegExp(`^/cases/${f.caseId}\\?notice=`))
    for (const url of reads) {
      const response = await call('outsider', 'GET', url)
      expect(response.statusCode, `during: ${url}`).toBe(200)
      expect(response.body).toContain('Ada Fictional'.split(' ')[0])
    }
    const page = await call('outsider', 'GET', `/cases/${f.caseId}`)
    expect(page.body).toContain('You opened this case by break glass')
    expect(page.body).toContain(REASONS)
    expect(page.body).not.toContain('Move the case on')
    expect(
      (await call('outsider', 'POST', `/api/v1/cases/${f.caseId}/status`, { status: 'accepted' })).statusCode,
    ).toBe(404)
    // A list is never opened by break glass.
    expect((await call('outsider', 'GET', '/api/v1/cases')).json()).toEqual({ cases: [] })
    // The administrator's view does not change because someone else broke the glass.
    expect((await call('admin', 'GET', `/cases/${f.caseId}`)).statusCode).toBe(404)

    f.clock.advanceHours(3.99)
    expect((await call('outsider', 'GET', `/api/v1/cases/${f.caseId}`)).statusCode).toBe(200)
    f.clock.advanceHours(0.01)
    for (const url of reads)
      expect((await call('outsider', 'GET', url)).statusCode, `after: ${url}`).toBe(404)
  })

  it('flags the break glass to the chair at once, on the panel page and on home, and shows the chair the access log', async () => {
    const chair = new Browser(f.t.app)
    await chair.signIn('caseworker@test.example')
    const home = await chair.get('/')
    expect(home.body).toContain('opened by break glass')
    expect(home.body).toContain('Test outsider')
    const panel = await chair.get(`/cases/panels/${f.panel}`)
    expect(panel.body).toContain('Victim brought to A&amp;E; the chair cannot be reached')
    expect(f.notices.map((n) => n.openedBy)).toContain('Test outsider (Test Council)')
    const casePage = await chair.get(`/cases/${f.caseId}`)
    expect(casePage.body).toContain('Access log')
    expect(casePage.body).toContain('outsider@test.example')
    expect(casePage.body).toContain('(break glass)')
    const log = (
      await f.t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${f.caseId}/access-log`,
        headers: {
          authorization: `Bearer ${
            (
              await f.t.deps.services.auth.createToken(
                asCurrentUser(await f.t.deps.services.users.get(f.ids.chair)),
                'tests',
                { userId: f.ids.chair, label: 'chair', ip: null },
              )
            ).token
          }`,
        },
      })
    ).json() as { entries: Array<{ who: string; action: string; access: string | null }> }
    const byWho = (who: string, access: string) =>
      log.entries.filter((e) => e.who === who && e.action === 'Viewed' && e.access === access).length
    // Page and API reads, each one an entry.
    expect(byWho('lead@test.example', 'member')).toBeGreaterThanOrEqual(2)
    expect(byWho('outsider@test.example', 'break-glass')).toBeGreaterThanOrEqual(4)
    expect(log.entries.some((e) => e.who === 'outsider@test.example' && e.action === 'Was refused')).toBe(
      true,
    )
    // The member, not being chair, does not see the log.
    expect((await call('member', 'GET', `/cases/${f.caseId}`)).body).not.toContain('Access log')
    // Marked seen, the flag goes.
    const seen = await chair.post(`/cases/break-glass/${glassId}/seen`, { back: `/cases/panels/${f.panel}` })
    expect(seen.statusCode).toBe(303)
    expect(
      (await f.t.deps.services.cases.breakGlassAlerts({ id: f.ids.chair, role: 'caseworker' })).map(
        (a) => a.id,
      ),
    ).not.toContain(glassId)
  })

  it('records every read of a case with its path in the audit log', async () => {
    const rows = (
      await f.t.deps.services.audit.search(
        { action: 'viewed', entityType: 'case', entityId: String(f.caseId) },
        1,
        500,
      )
    ).rows
    const paths = new Set(rows.map((r) => JSON.parse(r.detail).path))
    expect(paths).toEqual(
      new Set([`/cases/${f.caseId}`, `/api/v1/cases/${f.caseId}`, `/cases/${f.caseId}/status`]),
    )
    const lists = (await f.t.deps.services.audit.search({ action: 'viewed', entityType: 'cases' }, 1, 500))
      .rows
    expect(lists.length).toBeGreaterThan(0)
    const subjects = (
      await f.t.deps.services.audit.search({ action: 'viewed', entityType: 'case-subject' }, 1, 500)
    ).rows
    expect(subjects.length).toBeGreaterThan(0)
    expect(await f.t.deps.services.audit.verify()).toMatchObject({ ok: true })
  })
})
