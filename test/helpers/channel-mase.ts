import { VAF_FACTORS, type VafStatus } from '../../src/modules/cases/rules/vaf-factors.ts'
import type { CasesFixture } from './cases.ts'

// A Channel panel and a MASE panel on the cases fixture, chaired by its chair with its member on
// both; one Channel case and two MASE cases, naming fictional people only.

export const CHANNEL_PERSON = {
  role: 'other',
  forename: 'Corin',
  surname: 'Inventson',
  dateOfBirth: '2009-02-10',
  gender: 'male',
}
export const MASE_CHILDREN = [
  { role: 'victim', forename: 'Mira', surname: 'Storybook', dateOfBirth: '2011-07-01', gender: 'female' },
  { role: 'victim', forename: 'Tamsin', surname: 'Notreal', dateOfBirth: '2010-11-20', gender: 'female' },
]
export const SHARED_PLACE = 'The Pretend Lodge Hotel, 9 Makebelieve Road'

/** Every factor at one status, the engagement ones present up to `engagementPresent`. */
export function vafRatings(engagementPresent: number, note?: string) {
  let engagement = 0
  return Object.fromEntries(
    VAF_FACTORS.map((f) => {
      const status: VafStatus =
        f.dimension === 'engagement'
          ? engagement++ < engagementPresent
            ? 'present'
            : 'not-present'
          : 'not-known'
      return [f.id, { status, ...(note && f.id === 'grievance-injustice' ? { note } : {}) }]
    }),
  )
}

export interface ChannelMase {
  channelPanel: number
  channelCase: number
  masePanel: number
  maseCases: [number, number]
}

export async function addChannelAndMase(f: CasesFixture): Promise<ChannelMase> {
  const cases = f.t.deps.services.cases
  const panel = (name: string, type: 'channel' | 'mase') =>
    cases.createPanel(f.who('admin'), {
      name,
      type,
      termsOfReference: `${name} terms`,
      chairUserId: f.ids.chair,
      cadence: 'monthly',
      memberUserIds: [f.ids.member],
      organisationIds: [f.t.organisationId],
      isaParties: ['Test Council', 'Test Police'],
      isaLegalBasis: 'gdpr-6e-9g-para18',
      isaReviewDate: '2027-01-31',
    })
  const refer = (panelId: number, subject: Record<string, string>, reasons: string) =>
    cases.submitReferral(f.who('member'), {
      panelId,
      reasons,
      risk: 'Worrying contacts online',
      consent: 'given',
      referredOn: '2026-05-04',
      subjects: [subject],
    })
  const channelPanel = await panel('Test Channel', 'channel')
  const masePanel = await panel('Test MASE', 'mase')
  const channelCase = await refer(channelPanel, CHANNEL_PERSON, 'Sharing extremist videos at school')
  const maseCases: [number, number] = [
    await refer(masePanel, MASE_CHILDREN[0] as Record<string, string>, 'Seen with older men at a hotel'),
    await refer(masePanel, MASE_CHILDREN[1] as Record<string, string>, 'Missing overnight twice'),
  ]
  return { channelPanel, channelCase, masePanel, maseCases }
}
