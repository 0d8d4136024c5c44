import type { Actor, AuditService } from '../../audit/service.ts'
import type { CrimeService } from '../service.ts'
import { buildAssessment } from './build.ts'

export function assessmentFileName(areaName: string, from: string, to: string): string {
  return `strategic-assessment-${areaName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${from}-to-${to}.docx`
}

/** The assessment as a Word document, for the web download and the CLI alike: every export is audited. */
export async function exportAssessment(
  crime: CrimeService,
  audit: AuditService,
  actor: Actor,
  input: unknown,
) {
  const assessment = await buildAssessment(crime, input)
  // docx and the PNG renderer load on the first assessment, not at every start-up.
  const { assessmentDocx } = await import('./docx.ts')
  const content = await assessmentDocx(assessment)
  await audit.log(actor, {
    action: 'assessment.export',
    entityType: 'assessment',
    detail: { area: assessment.areaName, from: assessment.from, to: assessment.to, bytes: content.length },
  })
  return {
    assessment,
    content,
    fileName: assessmentFileName(assessment.areaName, assessment.from, assessment.to),
  }
}
