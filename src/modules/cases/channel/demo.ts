import { londonToday } from '../../../shared/london-day.ts'
import type { Actor } from '../../audit/service.ts'
import type { Services } from '../../module.ts'
import { VAF_FACTORS, type VafStatus } from '../rules/vaf-factors.ts'

// The demo's Channel and MASE panels, with fictional people and places only: a Channel case
// reassessed three times as its engagement factors fall under a support package agreed with the
// parent's consent, and a MASE panel whose two children are linked to one hotel. Dates are set back
// from today, so the demo reads the same whenever it is loaded.

export const CHANNEL_DEMO_PANEL = 'Channel panel'
export const MASE_DEMO_PANEL = 'MASE panel'

const ago = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

/** Engagement factors present up to `present`; intent falling with it; capability not present. */
function ratings(present: number, intent: number) {
  const seen = { engagement: 0, intent: 0, capability: 0 }
  return Object.fromEntries(
    VAF_FACTORS.map((f) => {
      const limit = f.dimension === 'engagement' ? present : f.dimension === 'intent' ? intent : 0
      const status: VafStatus = seen[f.dimension]++ < limit ? 'present' : 'not-present'
      return [f.id, { status }]
    }),
  )
}

export async function loadChannelMaseDemo(
  { cases, users, partners }: Pick<Services, 'cases' | 'users' | 'partners'>,
  actor: Actor,
) {
  const chair = await users.findByEmail('caseworker@safer.example')
  const member = await users.findByEmail('manager@safer.example')
  if (!chair || !member) return
  const organisations = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const orgIds = ['YOS', 'LBS', 'MPS'].flatMap((s) => organisations.get(s) ?? [])
  const system = { actor, user: null }
  const byChair = { actor, user: { id: chair.id, role: chair.role } }
  const today = londonToday(new Date())
  const panel = (name: string, type: 'channel' | 'mase', terms: string) =>
    cases.createPanel(system, {
      name,
      type,
      termsOfReference: terms,
      chairUserId: chair.id,
      cadence: 'monthly',
      memberUserIds: [member.id],
      organisationIds: orgIds,
      isaParties: ['London Borough of Southwark', 'Metropolitan Police Service'],
      isaLegalBasis: 'gdpr-6e-9g-para18',
      isaReviewDate: ago(today, -365),
    })
  const refer = (panelId: number, subject: Record<string, string>, reasons: string, risk: string) =>
    cases.submitReferral(system, {
      panelId,
      referringUserId: chair.id,
      referredOn: ago(today, 150),
      reasons,
      risk,
      consent: 'given',
      subjects: [subject],
    })

  const channel = await panel(
    CHANNEL_DEMO_PANEL,
    'channel',
    'Multi-agency Channel panel under the Counter-Terrorism and Security Act 2015: assesses vulnerability to being drawn into terrorism and agrees voluntary support.',
  )
  const jordan = await refer(
    channel,
    {
      role: 'other',
      forename: 'Jordan',
      surname: 'Quillby',
      dateOfBirth: ago(today, 16 * 365),
      gender: 'male',
    },
    'School reports sharing extremist material with classmates and an interest in a proscribed group (fictional).',
    'Online contact with older adults promoting violence; isolated after a family bereavement.',
  )
  await cases.moveCase(system, jordan, { status: 'accepted', on: ago(today, 145) })
  for (const [days, engagement, intent] of [
    [140, 9, 4],
    [84, 6, 2],
    [28, 3, 1],
  ] as const)
    await cases.assessVaf(byChair, jordan, {
      assessedOn: ago(today, days),
      ratings: ratings(engagement, intent),
    })
  await cases.recordChannelConsent(byChair, jordan, {
    decision: 'given',
    givenBy: 'parent-guardian',
    decidedOn: ago(today, 130),
    obtainedBy: 'Casey Worker, youth offending service',
    note: 'Mother agreed at a home visit; Jordan present and willing.',
  })
  await cases.addChannelSupport(byChair, jordan, {
    supportType: 'theological-ideological',
    provider: 'Northbank Intervention Providers (fictional)',
    startsOn: ago(today, 120),
  })
  await cases.addChannelSupport(byChair, jordan, {
    supportType: 'mentoring',
    provider: 'Southwark Youth Mentoring (fictional)',
    startsOn: ago(today, 110),
    endsOn: ago(today, 20),
  })

  const mase = await panel(
    MASE_DEMO_PANEL,
    'mase',
    'Multi-agency sexual exploitation panel: children at risk, the places and people linked to them, and the disruption of those who exploit them.',
  )
  const hotel = 'The Lantern Rest Hotel, 14 Imaginary Parade'
  const children = [
    [
      'Kayla',
      'Brightwater',
      14 * 365,
      'Missing overnight three times; seen getting into cars outside a hotel.',
    ],
    ['Esme', 'Thornbury', 15 * 365, 'Found at a hotel with an adult male; new phone and gifts.'],
  ] as const
  for (const [forename, surname, age, reasons] of children) {
    const id = await refer(
      mase,
      { role: 'victim', forename, surname, dateOfBirth: ago(today, age + 40), gender: 'female' },
      reasons,
      'Risk of child sexual exploitation (fictional case).',
    )
    await cases.moveCase(system, id, { status: 'accepted', on: ago(today, 140) })
    await cases.addMaseLocation(byChair, id, { locationType: 'hotel', place: hotel })
    if (forename === 'Kayla') {
      await cases.addMaseLocation(byChair, id, {
        locationType: 'takeaway',
        place: 'Chicken shop, 3 Pretend Street',
      })
      await cases.addPersonOfConcern(byChair, id, {
        forename: 'Dale',
        surname: 'Marrowfield',
        dateOfBirth: '1991-03-17',
        gender: 'male',
      })
      const watch = await cases.addDisruption(byChair, id, {
        disruptionType: 'hotel-watch',
        detail: 'Hotel watch briefing for the Lantern Rest staff; check-in register kept.',
        ownerOrganisationId: organisations.get('MPS') ?? (orgIds[0] as number),
        dueOn: ago(today, 60),
      })
      await cases.updateDisruption(byChair, watch, {
        status: 'done',
        result: 'Staff briefed; two sightings reported since.',
        version: 1,
      })
      await cases.addDisruption(byChair, id, {
        disruptionType: 'abduction-notice',
        detail: 'Child abduction warning notice to be served on the person of concern.',
        ownerOrganisationId: organisations.get('MPS') ?? (orgIds[0] as number),
        dueOn: ago(today, -14),
      })
    } else
      await cases.addDisruption(byChair, id, {
        disruptionType: 'licensing-visit',
        detail: 'Licensing visit to the Lantern Rest Hotel.',
        ownerOrganisationId: organisations.get('LBS') ?? (orgIds[0] as number),
        dueOn: ago(today, -7),
      })
  }
}

/** True when the database has neither demo panel: made before Channel and MASE were. */
export async function channelMaseDemoMissing({ cases }: Pick<Services, 'cases'>) {
  return !(await cases.listPanels()).some((p) => p.name === CHANNEL_DEMO_PANEL)
}
