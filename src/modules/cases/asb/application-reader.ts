import { londonToday } from '../../../shared/london-day.ts'
import type { CasesContext } from '../context.ts'
import {
  type AsbClockDays,
  type AsbThresholdRule,
  asbClocks,
  asbRepeatFlags,
  asbThreshold,
  DEFAULT_ASB_CLOCK_DAYS,
  DEFAULT_ASB_THRESHOLD,
} from '../rules/asb-case-review.ts'
import { fullName } from '../subjects/subject.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import * as settingsRepo from '../youth/settings.repository.ts'
import type { AsbApplication, AsbSettings } from './application.ts'
import * as repo from './asb.repository.ts'

export const ON_BEHALF = 'asb.on-behalf'
export const LOCATION = 'asb.location'
export const HOUSEHOLD = 'asb.household'
export const REASON = 'asb.decision-reason'
export const RECOMMENDATIONS = 'asb.recommendations'

/** Applications as stored, opened for a reader the service has already let in: the policy is not asked here. */
export function applicationReader({ db, cipher, now }: CasesContext, subjects: SubjectsStore) {
  const today = () => londonToday(now())

  async function settingsOf(panelId: number): Promise<AsbSettings> {
    const row = await settingsRepo.findSettings(db, panelId)
    return {
      threshold: row?.asb_threshold
        ? (JSON.parse(row.asb_threshold) as AsbThresholdRule)
        : DEFAULT_ASB_THRESHOLD,
      clockDays: row?.asb_clock_days
        ? (JSON.parse(row.asb_clock_days) as AsbClockDays)
        : DEFAULT_ASB_CLOCK_DAYS,
    }
  }

  const datesOf = (r: repo.ApplicationRow) => ({
    receivedOn: r.received_on,
    ...(r.acknowledged_on ? { acknowledgedOn: r.acknowledged_on } : {}),
    ...(r.decided_on ? { decidedOn: r.decided_on } : {}),
    ...(r.threshold_met === null ? {} : { thresholdMet: r.threshold_met === 1 }),
    ...(r.met_on ? { metOn: r.met_on } : {}),
  })

  async function flagsOf(rows: readonly repo.ApplicationRow[]) {
    const all = (await repo.applicationKeys(db)).map((k) => ({
      id: String(k.id),
      applicant: k.applicant_index,
      location: k.location_index,
      receivedOn: k.received_on,
    }))
    return new Map(
      rows.map((r) => [
        r.id,
        asbRepeatFlags(
          {
            id: String(r.id),
            applicant: r.applicant_index,
            location: r.location_index,
            receivedOn: r.received_on,
          },
          all,
        ),
      ]),
    )
  }

  async function toApplication(r: repo.ApplicationRow, settings: AsbSettings): Promise<AsbApplication> {
    const subject = await subjects.read(r.applicant_subject_id)
    const complaints = (await repo.complaintsOf(db, [r.id])).map((c) => ({
      reportedOn: c.reported_on,
      incidentOn: c.incident_on,
      agency: c.agency,
      hateIncident: c.hate_incident === 1,
      household: c.household_sealed ? cipher.open(HOUSEHOLD, c.household_sealed) : null,
    }))
    const flags = (await flagsOf([r])).get(r.id)
    const decision =
      r.decided_on && r.threshold_met !== null
        ? {
            on: r.decided_on,
            thresholdMet: r.threshold_met === 1,
            reason: r.decision_reason_sealed ? cipher.open(REASON, r.decision_reason_sealed) : '',
          }
        : null
    const review =
      r.met_on && r.recommendations_sealed
        ? { on: r.met_on, recommendations: cipher.open(RECOMMENDATIONS, r.recommendations_sealed) }
        : null
    return {
      id: r.id,
      panelId: r.panel_id,
      applicant: {
        subjectId: r.applicant_subject_id,
        name: fullName(subject),
        address: subject.addresses[0]?.address ?? '',
      },
      onBehalfOf: r.on_behalf_sealed ? cipher.open(ON_BEHALF, r.on_behalf_sealed) : null,
      receivedOn: r.received_on,
      location: cipher.open(LOCATION, r.location_sealed),
      complaints,
      threshold: asbThreshold(
        complaints.map((c) => ({
          reportedOn: c.reportedOn,
          ...(c.incidentOn ? { incidentOn: c.incidentOn } : {}),
          ...(c.household ? { household: c.household } : {}),
          hateIncident: c.hateIncident,
        })),
        r.received_on,
        settings.threshold,
      ),
      clocks: asbClocks(datesOf(r), today(), settings.clockDays),
      decision,
      review,
      repeatVictim: flags?.repeatVictim ?? false,
      repeatLocation: flags?.repeatLocation ?? false,
      letterReady: decision !== null && (!decision.thresholdMet || review !== null),
      version: r.version,
    }
  }

  return { settingsOf, datesOf, flagsOf, toApplication }
}
