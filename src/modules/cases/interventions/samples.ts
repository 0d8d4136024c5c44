import type { Actor } from '../../audit/service.ts'
import type { CasesService } from '../service.ts'

/** A service in the directory and an episode of the sample subject with it, for the permission matrix. */
export async function interventionSamples(
  cases: CasesService,
  panelId: number,
  subjectId: number,
  organisationId: number,
  actor: Actor,
) {
  const system = { actor, user: null }
  const intervention = await cases.createIntervention(system, {
    name: 'Sample mentoring service',
    providerOrganisationId: organisationId,
    kind: 'prevention',
    description: 'Sample description',
    eligibility: 'Sample eligibility',
    referralRoute: 'Sample referral route',
    places: 10,
    contact: 'sample@sample.example',
    panelIds: [panelId],
  })
  const episode = await cases.referToIntervention(system, subjectId, {
    interventionId: intervention,
    referredOn: '2026-01-05',
  })
  return { intervention, episode }
}
