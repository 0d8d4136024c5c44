import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { isPanelChair, requirePanelMember, type Who } from '../policy.ts'
import type { SubjectInput } from '../referrals/schema.ts'
import {
  type AsbClockDays,
  type AsbThresholdRule,
  asbClocks,
  asbThreshold,
} from '../rules/asb-case-review.ts'
import { fullName } from '../subjects/subject.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import * as settingsRepo from '../youth/settings.repository.ts'
import type { AsbApplication, AsbTrackerRow } from './application.ts'
import {
  applicationReader,
  HOUSEHOLD,
  LOCATION,
  ON_BEHALF,
  REASON,
  RECOMMENDATIONS,
} from './application-reader.ts'
import * as repo from './asb.repository.ts'
import { outcomeLetterDocx } from './letter.ts'
import { locationIndex } from './location-index.ts'
import { applicationInput, asbSettingsInput, stepInput } from './schema.ts'

const STALE = 'Someone else changed this application after you opened it. Reload it, then try again.'
const ENTITY = 'case-asb-application'

/**
 * The Community MARAC's ASB case reviews (the Community Trigger): applications, the threshold test,
 * the statutory clocks, the decision, the review and the outcome letter. An application is the
 * panel's own work: its members alone read and change it (the system too, for the demo).
 */
export function createAsbService(ctx: CasesContext, panels: PanelsService, subjects: SubjectsStore) {
  const { db, audit, cipher, keys, now } = ctx
  const today = () => londonToday(now())

  async function communityPanel(who: Who, panelId: number): Promise<Panel> {
    const panel = await panels.getPanel(panelId)
    if (who.user !== null) requirePanelMember(who, panel, 'Application')
    if (panel.type !== 'community-marac') throw new NotFoundError('Application')
    return panel
  }

  const { settingsOf, datesOf, toApplication, flagsOf } = applicationReader(ctx, subjects)

  async function load(who: Who, id: number) {
    const row = await repo.findApplication(db, id)
    if (!row) throw new NotFoundError('Application')
    const panel = await communityPanel(who, row.panel_id).catch(async (error) => {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: ENTITY,
        entityId: id,
        detail: { path: who.via ?? null },
      })
      throw error
    })
    return { row, panel }
  }

  async function createApplication(who: Who, panelId: number, input: unknown): Promise<number> {
    await communityPanel(who, panelId)
    const v = parseInput(applicationInput, input)
    const errors: Record<string, string> = {}
    if (v.receivedOn > today()) errors.receivedOn = 'The date received cannot be in the future'
    if (v.dateOfBirth > today()) errors.dateOfBirth = 'The date of birth must be in the past'
    // The threshold rule checks each complaint's dates; its errors name the fields as the form does.
    try {
      asbThreshold(
        v.complaints.map((c) => ({
          reportedOn: c.reportedOn,
          ...(c.incidentOn ? { incidentOn: c.incidentOn } : {}),
        })),
        v.receivedOn,
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      Object.assign(errors, error.fieldErrors)
    }
    if (Object.keys(errors).length) throw new ValidationError(errors)
    const applicant: SubjectInput = {
      role: 'victim',
      forename: v.forename,
      surname: v.surname,
      dateOfBirth: v.dateOfBirth,
      gender: 'not-known',
      ethnicity: null,
      disability: null,
      sexuality: null,
      aliases: [],
      addresses: [{ address: v.address, from: null, to: null }],
      matches: {},
    }
    return db.transaction().execute(async (trx) => {
      const subjectId = await subjects.create(trx, applicant)
      const values: repo.ApplicationValues = {
        panel_id: panelId,
        applicant_subject_id: subjectId,
        applicant_index: subjects.indexes(v).name_dob_index,
        on_behalf_sealed: v.onBehalfOf ? cipher.seal(ON_BEHALF, v.onBehalfOf) : null,
        received_on: v.receivedOn,
        location_sealed: cipher.seal(LOCATION, v.location),
        location_index: locationIndex(keys.current, v.location),
        acknowledged_on: null,
        decided_on: null,
        threshold_met: null,
        decision_reason_sealed: null,
        met_on: null,
        recommendations_sealed: null,
      }
      const id = await repo.insertApplication(
        trx,
        values,
        v.complaints.map((c) => ({
          reported_on: c.reportedOn,
          incident_on: c.incidentOn,
          agency: c.agency,
          hate_incident: c.hateIncident ? 1 : 0,
          household_sealed: c.household ? cipher.seal(HOUSEHOLD, c.household) : null,
        })),
        now().toISOString(),
      )
      await audit.record(trx, who.actor, {
        action: 'case-asb.create',
        entityType: ENTITY,
        entityId: id,
        // Sealed fields and the keys are recorded as written, never their text (ADR 0027).
        after: {
          panel_id: panelId,
          applicant_subject_id: subjectId,
          received_on: v.receivedOn,
          on_behalf_sealed: v.onBehalfOf ? 'written' : null,
          location_sealed: 'written',
          complaints: v.complaints.length,
        },
      })
      return id
    })
  }

  async function getApplication(who: Who, id: number): Promise<AsbApplication> {
    const { row } = await load(who, id)
    const found = await toApplication(row, await settingsOf(row.panel_id))
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: ENTITY,
      entityId: id,
      detail: { path: who.via ?? null, access: 'member' },
    })
    return found
  }

  /** The application tracker: each application, its clocks on today's London day, and its flags. */
  async function asbTracker(who: Who, panelId: number) {
    const panel = await communityPanel(who, panelId)
    const settings = await settingsOf(panelId)
    const rows = await repo.applicationsOfPanel(db, panelId)
    const flags = await flagsOf(rows)
    const asOf = today()
    const applications: AsbTrackerRow[] = []
    for (const r of rows)
      applications.push({
        id: r.id,
        applicantName: fullName(await subjects.nameOf(r.applicant_subject_id)),
        receivedOn: r.received_on,
        clocks: asbClocks(datesOf(r), asOf, settings.clockDays),
        thresholdMet: r.threshold_met === null ? null : r.threshold_met === 1,
        repeatVictim: flags.get(r.id)?.repeatVictim ?? false,
        repeatLocation: flags.get(r.id)?.repeatLocation ?? false,
      })
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-asb-applications',
      detail: { path: who.via ?? null, panel: panelId, applications: rows.map((r) => r.id) },
    })
    return {
      panel,
      asOf,
      settings,
      applications,
      mayConfigure: who.user === null || isPanelChair(who.user, panel),
    }
  }

  /** Acknowledged, decided or reviewed, on a day: the clocks' rule refuses dates out of order. */
  async function recordAsbStep(who: Who, id: number, input: unknown): Promise<void> {
    const { row } = await load(who, id)
    const v = parseInput(stepInput, input)
    if (v.on > today()) throw new ValidationError({ on: 'The date cannot be in the future' })
    const changes =
      v.step === 'acknowledge'
        ? { acknowledged_on: v.on }
        : v.step === 'decide'
          ? {
              decided_on: v.on,
              threshold_met: v.thresholdMet === 'yes' ? 1 : 0,
              decision_reason_sealed: cipher.seal(REASON, v.reason),
            }
          : { met_on: v.on, recommendations_sealed: cipher.seal(RECOMMENDATIONS, v.recommendations) }
    const next = { ...row, ...changes }
    if (v.step === 'meet' && next.threshold_met !== 1)
      throw new ValidationError({ on: 'Record the decision that the threshold is met before the review' })
    if (v.step === 'decide' && v.thresholdMet === 'no' && row.met_on)
      throw new ValidationError({ thresholdMet: 'A review has been held: the threshold was met' })
    try {
      asbClocks(datesOf(next), today(), (await settingsOf(row.panel_id)).clockDays)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      throw new ValidationError({ on: Object.values(error.fieldErrors)[0] ?? 'Check the date' })
    }
    await db.transaction().execute(async (trx) => {
      if (!(await repo.recordStep(trx, id, row.version, changes, now().toISOString())))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: `case-asb.${v.step}`,
        entityType: ENTITY,
        entityId: id,
        after: {
          ...changes,
          ...('decision_reason_sealed' in changes ? { decision_reason_sealed: 'written' } : {}),
          ...('recommendations_sealed' in changes ? { recommendations_sealed: 'written' } : {}),
        },
      })
    })
  }

  /** The outcome letter: the applicant's name and address are opened into the file alone, and the download is logged. */
  async function outcomeLetter(who: Who, id: number): Promise<{ filename: string; docx: Buffer }> {
    const { row, panel } = await load(who, id)
    const found = await toApplication(row, await settingsOf(row.panel_id))
    if (!found.letterReady)
      throw new ValidationError({
        letter: 'The letter is made once the threshold is decided not met, or once the review has been held',
      })
    const docx = await outcomeLetterDocx(found, panel.name, today())
    await audit.log(who.actor, {
      action: 'case-asb.letter',
      entityType: ENTITY,
      entityId: id,
      detail: { path: who.via ?? null, access: 'member' },
    })
    return { filename: `asb-case-review-${id}-outcome.docx`, docx }
  }

  /** The threshold and clocks for this panel: its chair's to set (or an administrator's). */
  async function setAsbSettings(who: Who, panelId: number, input: unknown): Promise<void> {
    const panel = await communityPanel(who, panelId)
    if (who.user !== null && !isPanelChair(who.user, panel))
      throw new ValidationError({ complaints: 'Only the panel’s chair sets the threshold and clocks' })
    const v = parseInput(asbSettingsInput, input)
    const threshold: AsbThresholdRule = {
      complaints: v.complaints,
      withinMonths: v.withinMonths,
      ...(v.reportWithinMonths ? { reportWithinMonths: v.reportWithinMonths } : {}),
      ...(v.hateIncidents ? { hateIncidents: v.hateIncidents } : {}),
      ...(v.households ? { households: v.households } : {}),
    }
    const clockDays: AsbClockDays = { acknowledge: v.acknowledge, decide: v.decide, meet: v.meet }
    const before = await settingsOf(panelId)
    await db.transaction().execute(async (trx) => {
      await settingsRepo.saveSettings(
        trx,
        panelId,
        { asb_threshold: JSON.stringify(threshold), asb_clock_days: JSON.stringify(clockDays) },
        now().toISOString(),
      )
      await audit.record(trx, who.actor, {
        action: 'case-panel.asb-settings',
        entityType: 'case-panel',
        entityId: panelId,
        before: { ...before },
        after: { threshold, clockDays },
      })
    })
  }

  return { createApplication, getApplication, asbTracker, recordAsbStep, outcomeLetter, setAsbSettings }
}

export type AsbService = ReturnType<typeof createAsbService>
