import { reportDocx } from '../../../shared/report/docx.ts'
import type { Assessment } from './model.ts'

// The strategic assessment as a Word document: the shared report layout (src/shared/report/docx.ts).

export function assessmentDocx(a: Assessment): Promise<Buffer> {
  return reportDocx({ ...a, description: `Strategic assessment for ${a.areaName}, ${a.period}` })
}
