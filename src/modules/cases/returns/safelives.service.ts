import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import * as assessmentsRepo from '../assessments/assessments.repository.ts'
import type { CasesContext } from '../context.ts'
import * as meetingsRepo from '../meetings/meetings.repository.ts'
import { returnPeriod } from '../meetings/schema.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { requirePanelMember, type Who } from '../policy.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import { readAdultWomen } from '../rules/adult-women.ts'
import { returnFor, type ShownReturn, safeLivesReturn } from '../rules/safelives-return.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { caseFacts } from './return-facts.ts'

export interface ReturnPopulation {
  /** The ONS small area estimates file; null when the operator has set none. */
  file: string | null
  /** The local authority, by name or ONS code. */
  area: string | null
}

/**
 * The SafeLives quarterly return of a MARAC, from the cases its meetings discussed. Exact for the
 * panel's members; "leaving-panel" (the CSV, the API) with small counts suppressed. Read audited.
 */
export function createSafeLivesReturnService(
  { db, audit }: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
  population: ReturnPopulation,
) {
  function adultWomen() {
    if (!population.file || !population.area)
      return {
        adultWomen: null,
        note: 'MARAC_POPULATION_FILE and MARAC_AREA are not set, so Safer has no population for the area.',
      }
    const found = readAdultWomen(population.file, population.area)
    return found.found
      ? { adultWomen: found.adultWomen, note: null }
      : { adultWomen: null, note: found.reason }
  }

  async function maracReturn(
    who: Who,
    panelId: number,
    input: unknown,
    audience: 'panel' | 'leaving-panel',
  ): Promise<ShownReturn & { panelName: string }> {
    const panel = await panels.getPanel(panelId).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Return') : error
    })
    requirePanelMember(who, panel, 'Return')
    if (panel.type !== 'marac') throw new NotFoundError('Return')
    const period = parseInput(returnPeriod, input)
    if (period.to < period.from)
      throw new ValidationError({ to: 'The end of the period cannot be before its start' })
    // A review is the same case heard again: SafeLives counts each case once, when first heard.
    const discussed = (await meetingsRepo.discussedInPeriod(db, panelId, period.from, period.to)).filter(
      (d) => d.kind !== 'review',
    )
    const repeats = await assessmentsRepo.repeatFlags(
      db,
      discussed.map((d) => d.referral_id),
    )
    const links = await referralsRepo.subjectsOfReferrals(
      db,
      discussed.map((d) => d.referral_id),
    )
    const cases = []
    for (const d of discussed) {
      const on = links.filter((l) => l.referral_id === d.referral_id)
      const victim = on.find((l) => l.role === 'victim')
      const perpetrator = on.find((l) => l.role === 'perpetrator')
      cases.push(
        caseFacts({
          discussedOn: d.meets_on,
          referredOn: d.referred_on,
          referrerType: d.referrer_type,
          repeat: d.kind === 'repeat' || repeats.get(d.referral_id) === true,
          victim: victim ? await subjects.read(victim.subject_id) : null,
          perpetrator: perpetrator ? await subjects.read(perpetrator.subject_id) : null,
          children: on.filter((l) => l.role === 'child-in-household').length,
        }),
      )
    }
    const population = adultWomen()
    const exact = safeLivesReturn({
      from: period.from,
      to: period.to,
      cases,
      adultWomen: population.adultWomen,
    })
    if (population.note) exact.notes.push(population.note)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'safelives-return',
      entityId: panelId,
      detail: {
        path: who.via ?? null,
        from: period.from,
        to: period.to,
        audience,
        cases: discussed.map((d) => d.referral_id),
      },
    })
    return { ...returnFor(audience, exact), panelName: panel.name }
  }

  return { maracReturn }
}
