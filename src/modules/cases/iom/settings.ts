import { ConflictError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import { requireMayManagePanels, type Who } from '../policy.ts'
import { DEFAULT_ELIGIBILITY_MONTHS, type EligibilityRules } from '../rules/iom-cohorts.ts'
import { checkIomMatrix, DEFAULT_IOM_MATRIX, type IomScoringMatrix } from '../rules/iom-score.ts'
import type { IomAccess } from './access.ts'
import * as repo from './iom.repository.ts'
import { settingsInput } from './schema.ts'

/** A panel's scoring matrix and eligibility rules; the defaults of rules/ until the panel sets its own. */
export interface IomSettings {
  matrix: IomScoringMatrix
  eligibility: EligibilityRules
  /** Null while the panel uses the defaults. */
  version: number | null
}

export const DEFAULT_IOM_SETTINGS: IomSettings = {
  matrix: DEFAULT_IOM_MATRIX,
  eligibility: { withinMonths: DEFAULT_ELIGIBILITY_MONTHS },
  version: null,
}

const STALE =
  'Someone else changed the scoring matrix after you opened it. Check it, then make your change again.'

// The matrix holds no personal data: any user of the risk panels may read it, so a referrer can see
// how a panel ranks. It is part of setting the panel up, and changes every score on it, so it is
// changed by those who set panels up (as the terms of reference are), each change audited with the
// matrix before and after. The chair agrees the local priorities with them.
export function iomSettingsService({ db, audit, now }: CasesContext, access: IomAccess) {
  async function iomSettings(panelId: number): Promise<IomSettings> {
    await access.iomPanel(panelId)
    const row = await repo.findSettings(db, panelId)
    if (!row) return DEFAULT_IOM_SETTINGS
    const stored = JSON.parse(row.settings) as Omit<IomSettings, 'version'>
    return { ...stored, version: row.version }
  }

  async function updateIomSettings(who: Who, panelId: number, input: unknown): Promise<IomSettings> {
    requireMayManagePanels(who, 'change the IOM scoring matrix')
    await access.iomPanel(panelId)
    const v = parseInput(settingsInput, input)
    const matrix: IomScoringMatrix = {
      groups: v.groups.map((g) => ({ ...g, neighbourhoodCrime: g.neighbourhoodCrime === true })),
      recencyBands: v.recencyBands,
      windowMonths: v.windowMonths,
      frequencyPoints: v.frequencyPoints,
      fallbackGroup: v.fallbackGroup,
      ...(v.codeGravity && Object.keys(v.codeGravity).length ? { codeGravity: v.codeGravity } : {}),
    }
    const problems = checkIomMatrix(matrix)
    const ids = matrix.groups.map((g) => g.id)
    if (v.flexGroups?.some((g) => !ids.includes(g)))
      problems.flexGroups = 'Flex priorities must be offence groups of the matrix'
    if (Object.keys(problems).length) throw new ValidationError(problems)
    const eligibility: EligibilityRules = {
      withinMonths: v.eligibilityMonths,
      ...(v.flexGroups?.length ? { flexGroups: v.flexGroups } : {}),
    }
    const before = await iomSettings(panelId)
    if ((v.version ?? null) !== before.version) throw new ConflictError(STALE, before)
    const settings = JSON.stringify({ matrix, eligibility })
    await db.transaction().execute(async (trx) => {
      if (!(await repo.saveSettings(trx, panelId, settings, before.version, now().toISOString())))
        throw new ConflictError(STALE, before)
      await audit.record(trx, who.actor, {
        action: 'iom-settings.update',
        entityType: 'case-panel',
        entityId: panelId,
        before: { matrix: before.matrix, eligibility: before.eligibility },
        after: { matrix, eligibility },
      })
    })
    return iomSettings(panelId)
  }

  return { iomSettings, updateIomSettings }
}
