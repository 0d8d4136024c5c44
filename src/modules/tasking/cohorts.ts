import type { CasesService } from '../cases/service.ts'
import type { Who } from './policy.ts'

// Taskings against a risk panel's cohort (issue 15): the tasking keeps the panel's and subjects' ids
// only; the cases service checks a choice and labels the people for each viewer, names for the
// panel's members and pseudonyms for everyone else, auditing each read. Without the risk panels
// installed there are no cohort taskings.

export type CohortSource = Pick<CasesService, 'cohort' | 'cohortLabels' | 'checkCohort' | 'cohortPanels'>

export type CohortLookup = () => CohortSource | undefined

/** The cases policy's viewer: a user without an id (a test's role alone) is named nowhere. */
export function viewerOf(who: Who) {
  const user = who.user
  return {
    actor: who.actor,
    user: user && user.id !== undefined ? { id: user.id, role: user.role } : null,
    via: who.via,
  }
}
