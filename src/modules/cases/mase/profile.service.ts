import { NotFoundError } from '../../../shared/errors.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { requirePanelMember, type Who } from '../policy.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import * as repo from './mase.repository.ts'
import { PLACE } from './place-index.ts'
import {
  type ProfileLeavingPanel,
  profileLeavingPanel,
  type SharedPlace,
  sharedPlaces,
} from './problem-profile.ts'
import { type LocationType, PERSON_OF_CONCERN } from './schema.ts'

const CONCERN = PERSON_OF_CONCERN

/** A MASE panel's problem profile: its members only, the places named inside the panel and counted outside it. */
export function createProblemProfileService({ db, audit, cipher }: CasesContext, panels: PanelsService) {
  async function maseMember(who: Who, panelId: number): Promise<Panel> {
    const panel = await panels.getPanel(panelId).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Panel') : error
    })
    requirePanelMember(who, panel, 'Panel')
    if (panel.type !== 'mase') throw new NotFoundError('Panel')
    return panel
  }

  async function shared(panelId: number): Promise<SharedPlace[]> {
    const rows = await repo.sharedLocationsOfPanel(db, panelId)
    const links = await referralsRepo.subjectsOfReferrals(db, [...new Set(rows.map((r) => r.referral_id))])
    return sharedPlaces(
      rows.map((r) => ({
        placeIndex: r.place_index,
        place: cipher.open(PLACE, r.place_sealed),
        locationType: r.location_type as LocationType,
        caseId: r.referral_id,
        childSubjectIds: links
          .filter((l) => l.referral_id === r.referral_id && l.role !== CONCERN)
          .map((l) => l.subject_id),
      })),
    )
  }

  /** The panel's problem profile, places named: its members only, the cases read written to each case's log. */
  async function problemProfile(who: Who, panelId: number): Promise<{ panel: Panel; places: SharedPlace[] }> {
    const panel = await maseMember(who, panelId)
    const places = await shared(panelId)
    for (const caseId of new Set(places.flatMap((p) => p.caseIds)))
      await audit.log(who.actor, {
        action: VIEWED,
        entityType: 'case',
        entityId: caseId,
        detail: { path: who.via ?? null, access: 'member', read: 'mase-problem-profile' },
      })
    return { panel, places }
  }

  /** The profile as it may leave the panel: counts by type of place, small ones suppressed. Audited as an export. */
  async function problemProfileExport(who: Who, panelId: number): Promise<ProfileLeavingPanel> {
    await maseMember(who, panelId)
    const profile = profileLeavingPanel(await shared(panelId))
    await audit.log(who.actor, {
      action: 'case.mase-profile.export',
      entityType: 'case-panel',
      entityId: panelId,
      detail: { path: who.via ?? null },
    })
    return profile
  }

  return { problemProfile, problemProfileExport }
}
