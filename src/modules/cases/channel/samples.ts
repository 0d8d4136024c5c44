import type { Actor } from '../../audit/service.ts'
import type { CasesService } from '../service.ts'

/** A Channel case and a MASE case with a disruption, for the permission matrix: every route reaches a record. */
export async function channelMaseSamples(
  cases: CasesService,
  actor: Actor,
  chair: number,
  organisation: number,
): Promise<Record<string, number>> {
  const system = { actor, user: null }
  const panel = (name: string, type: 'channel' | 'mase') =>
    cases.createPanel(system, {
      name,
      type,
      termsOfReference: 'Sample terms',
      chairUserId: chair,
      cadence: 'monthly',
      organisationIds: [organisation],
      isaParties: ['Sample council'],
      isaLegalBasis: 'gdpr-6e-9g-para18',
      isaReviewDate: '2030-01-01',
    })
  const refer = (panelId: number, surname: string) =>
    cases.submitReferral(system, {
      panelId,
      referringUserId: chair,
      referredOn: '2026-01-02',
      reasons: 'Sample reasons',
      risk: 'Sample risk',
      consent: 'given',
      subjects: [
        { role: 'victim', forename: 'Sample', surname, dateOfBirth: '2012-01-01', gender: 'female' },
      ],
    })
  const masePanel = await panel('Sample MASE', 'mase')
  const maseCase = await refer(masePanel, 'Maseperson')
  const byChair = { actor, user: { id: chair, role: 'caseworker' as const } }
  const maseDisruption = await cases.addDisruption(byChair, maseCase, {
    disruptionType: 'patrol',
    detail: 'Sample patrol',
    ownerOrganisationId: organisation,
    dueOn: '2026-02-01',
  })
  return {
    channelCase: await refer(await panel('Sample Channel', 'channel'), 'Channelperson'),
    masePanel,
    maseCase,
    maseDisruption,
  }
}
