import type { Actor } from '../../audit/service.ts'
import type { CasesService } from '../service.ts'

/** An IOM panel chaired by the sample chair, with one person and an offence: every IOM route reaches a record. */
export async function iomSamples(
  cases: CasesService,
  chair: number,
  actor: Actor,
): Promise<Record<string, number>> {
  const system = { actor, user: null }
  const iomPanel = await cases.createPanel(system, {
    name: 'Sample IOM',
    type: 'iom',
    termsOfReference: 'Sample terms',
    chairUserId: chair,
    cadence: 'monthly',
    isaParties: ['Sample council'],
    isaLegalBasis: 'gdpr-6e-9g-para10',
    isaReviewDate: '2030-01-01',
  })
  const caseId = await cases.submitReferral(system, {
    panelId: iomPanel,
    referringUserId: chair,
    reasons: 'Sample reasons',
    risk: 'Sample risk',
    consent: 'given',
    referredOn: '2026-01-05',
    subjects: [
      {
        role: 'offender',
        forename: 'Sample',
        surname: 'Offender',
        dateOfBirth: '1990-01-01',
        gender: 'male',
      },
    ],
  })
  const iomSubject = (await cases.caseSubjects(caseId))[0] as number
  await cases.recordOffence(system, iomPanel, iomSubject, { date: '2026-01-01', group: 'burglary' })
  return { iomPanel, iomSubject }
}
