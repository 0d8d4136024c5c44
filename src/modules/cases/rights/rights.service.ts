import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { createKeyRotationService } from './key-rotation.service.ts'
import { createRetentionService } from './retention.service.ts'
import { createSubjectAccessService } from './subject-access.service.ts'
import { createSubjectChangesService } from './subject-changes.service.ts'

/** The rights over case data (ADR 0031): retention, subject access, rectification, merges and key rotation. */
export function createRightsService(ctx: CasesContext, panels: PanelsService, subjects: SubjectsStore) {
  return {
    ...createRetentionService(ctx, panels),
    ...createSubjectAccessService(ctx, panels, subjects),
    ...createSubjectChangesService(ctx, panels, subjects),
    ...createKeyRotationService(ctx, subjects),
  }
}
