import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { PanelType } from '../panels/schema.ts'
import { type CaseAccess, requireMayChangeCase, type Who } from '../policy.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'

// The way into a Channel or MASE case's own records, asked before every read and change. Reads go
// through part 1's need to know (members, and break glass while it lasts) and are written to the
// case's log as part 1's are; changes are for the panel's members only. A case on a panel of another
// type is "not found" to a reader, and a field error to a member writing to it.

export interface Opened {
  panel: Panel
  access: CaseAccess
  status: string
  /** May the reader change the case's records (a member; never a break glass, never the system). */
  mayChange: boolean
}

export function caseDoor(
  { db, audit }: CasesContext,
  panels: PanelsService,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
) {
  /** Opens the case to read, auditing the read (what was read in `detail.read`), or refuses as "not found". */
  async function read(who: Who, caseId: number, type: PanelType, what: string): Promise<Opened> {
    const { panel, granted } = await referrals.caseAccessOf(who, caseId)
    if (!granted || panel.type !== type) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case',
        entityId: caseId,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Case')
    }
    const row = await referralsRepo.findReferral(db, caseId)
    if (!row) throw new NotFoundError('Case')
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case',
      entityId: caseId,
      detail: {
        path: who.via ?? null,
        access: granted.by,
        read: what,
        ...(granted.by === 'break-glass' ? { break_glass: granted.glass.id } : {}),
      },
    })
    return { panel, access: granted, status: row.status, mayChange: granted.by === 'member' }
  }

  /** The panel of a case a member is about to change: anyone else is told "not found". */
  async function change(who: Who, caseId: number, type: PanelType, label: string): Promise<Panel> {
    const row = await referralsRepo.panelOfReferral(db, caseId)
    if (!row) throw new NotFoundError('Case')
    const panel = await panels.getPanel(row.panel_id)
    requireMayChangeCase(who, panel)
    if (!who.user) throw new NotFoundError('Case')
    if (panel.type !== type) throw new ValidationError({ form: `This is not a ${label} case` })
    return panel
  }

  return { read, change }
}

export type CaseDoor = ReturnType<typeof caseDoor>
