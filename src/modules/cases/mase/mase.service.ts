import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { caseDoor } from '../channel/case-door.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import * as referralsRepo from '../referrals/referrals.repository.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import { fullName } from '../subjects/subject.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import * as repo from './mase.repository.ts'
import type { ConcernCandidate, MaseDisruption, MaseRecord } from './mase-record.ts'
import { PLACE, placeIndex } from './place-index.ts'
import {
  DISRUPTION_STATUS_LABELS,
  DISRUPTION_TYPE_LABELS,
  type DisruptionStatus,
  type DisruptionType,
  disruptionInput,
  disruptionUpdate,
  LOCATION_TYPE_LABELS,
  type LocationType,
  locationInput,
  PERSON_OF_CONCERN,
  personOfConcernInput,
} from './schema.ts'

const DETAIL = 'mase.disruption-detail'
const RESULT = 'mase.disruption-result'
const CONCERN = PERSON_OF_CONCERN
const STALE = 'Someone else changed this disruption after you opened it. Reload the page, then try again.'

/** MASE: a child's linked places, persons of concern and disruption actions, and the panel's problem profile. */
export function createMaseService(
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
) {
  const { db, audit, cipher, keys, now } = ctx
  const door = caseDoor(ctx, panels, referrals)

  const toDisruption = (r: repo.DisruptionRow): MaseDisruption => ({
    id: r.id,
    caseId: r.referral_id,
    disruptionType: r.disruption_type as DisruptionType,
    disruptionTypeLabel: DISRUPTION_TYPE_LABELS[r.disruption_type as DisruptionType],
    detail: cipher.open(DETAIL, r.detail_sealed),
    ownerOrganisation: { id: r.owner_organisation_id, name: r.organisation_name },
    dueOn: r.due_on,
    status: r.status as DisruptionStatus,
    statusLabel: DISRUPTION_STATUS_LABELS[r.status as DisruptionStatus],
    result: r.result_sealed ? cipher.open(RESULT, r.result_sealed) : null,
    version: r.version,
  })

  const named = async (links: Array<{ subject_id: number }>) =>
    Promise.all(
      links.map(async (l) => ({
        subjectId: l.subject_id,
        name: fullName(await subjects.nameOf(l.subject_id)),
      })),
    )

  /** The case's MASE record: its reader let in by need to know, the read written to its log. */
  async function maseRecord(who: Who, caseId: number): Promise<MaseRecord> {
    const opened = await door.read(who, caseId, 'mase', 'mase')
    const links = await referralsRepo.subjectsOfReferrals(db, [caseId])
    const shared = await repo.sharedLocationsOfPanel(db, opened.panel.id)
    return {
      caseId,
      panelId: opened.panel.id,
      panelName: opened.panel.name,
      status: opened.status,
      access: opened.access.by,
      mayChange: opened.mayChange,
      children: await named(links.filter((l) => l.role !== CONCERN)),
      personsOfConcern: await named(links.filter((l) => l.role === CONCERN)),
      locations: (await repo.locationsOf(db, caseId)).map((r) => ({
        id: r.id,
        locationType: r.location_type as LocationType,
        locationTypeLabel: LOCATION_TYPE_LABELS[r.location_type as LocationType],
        place: cipher.open(PLACE, r.place_sealed),
        otherCases: new Set(
          shared
            .filter((s) => s.place_index === r.place_index && s.referral_id !== caseId)
            .map((s) => s.referral_id),
        ).size,
      })),
      disruptions: (await repo.disruptionsOf(db, caseId)).map(toDisruption),
      organisations: opened.panel.organisations,
    }
  }

  /** A place the child is linked to, sealed, with its keyed hash for the problem profile. */
  async function addLocation(who: Who, caseId: number, input: unknown): Promise<number> {
    await door.change(who, caseId, 'mase', 'MASE')
    const v = parseInput(locationInput, input)
    return db.transaction().execute(async (trx) => {
      const values = {
        referral_id: caseId,
        location_type: v.locationType,
        place_sealed: cipher.seal(PLACE, v.place),
        place_index: placeIndex(keys.current, v.place),
      }
      const id = await repo.insertLocation(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.mase-location',
        entityType: 'case',
        entityId: caseId,
        after: { location: id, ...values, place_sealed: 'written', place_index: 'written' },
      })
      return id
    })
  }

  /** Who Safer already holds that may be this person, with the panels that hold them: nothing else of them. */
  async function concernCandidates(who: Who, caseId: number, input: unknown): Promise<ConcernCandidate[]> {
    await door.change(who, caseId, 'mase', 'MASE')
    const v = parseInput(personOfConcernInput, input)
    const candidates = await subjects.candidates(v)
    const rows = await referralsRepo.referralsOfSubjects(
      db,
      candidates.map((c) => c.subjectId),
    )
    await audit.log(who.actor, {
      action: 'case.match',
      entityType: 'case-subject',
      detail: {
        path: who.via ?? null,
        searched: [subjects.indexes(v).surname_dob_index],
        candidates: candidates.length,
      },
    })
    return candidates.map((c) => ({
      ...c,
      panels: [
        ...new Map(rows.filter((r) => r.subject_id === c.subjectId).map((r) => [r.panel_id, r])).values(),
      ].map((r) => ({
        panelId: r.panel_id,
        panelName: r.panel_name,
        chairName: r.chair_name,
        chairEmail: r.chair_email,
      })),
    }))
  }

  /**
   * A person of concern, as a subject of the case: every candidate shown must be answered, one
   * confirmed is linked, none confirmed makes a new subject; the answers are kept as a referral's are.
   */
  async function addPersonOfConcern(who: Who, caseId: number, input: unknown): Promise<number> {
    await door.change(who, caseId, 'mase', 'MASE')
    const v = parseInput(personOfConcernInput, input)
    const candidates = await subjects.candidates(v)
    if (candidates.some((c) => !v.matches[String(c.subjectId)]))
      throw new ValidationError({
        matches: 'Say whether each person Safer already holds is this person or not',
      })
    const same = candidates.filter((c) => v.matches[String(c.subjectId)] === 'same')
    if (same.length > 1)
      throw new ValidationError({ matches: 'Choose at most one person as the same person' })
    const links = await referralsRepo.subjectsOfReferrals(db, [caseId])
    if (same[0] && links.some((l) => l.subject_id === same[0]?.subjectId))
      throw new ValidationError({ matches: 'This person is already on the case' })
    const at = now().toISOString()
    return db.transaction().execute(async (trx) => {
      const subjectId = same[0]?.subjectId ?? (await subjects.create(trx, { ...v, role: CONCERN }))
      await referralsRepo.insertReferralSubject(trx, caseId, subjectId, CONCERN)
      for (const c of candidates)
        await referralsRepo.insertMatchDecision(trx, {
          referral_id: caseId,
          candidate_subject_id: c.subjectId,
          subject_id: subjectId,
          decision: v.matches[String(c.subjectId)] === 'same' ? 'confirmed' : 'rejected',
          matched_on: c.matchedOn,
          decided_by_user_id: who.user?.id ?? null,
          decided_at: at,
        })
      await audit.record(trx, who.actor, {
        action: 'case.person-of-concern',
        entityType: 'case',
        entityId: caseId,
        after: { subject_id: subjectId, role: CONCERN, new: same.length === 0 },
      })
      return subjectId
    })
  }

  async function addDisruption(who: Who, caseId: number, input: unknown): Promise<number> {
    const panel = await door.change(who, caseId, 'mase', 'MASE')
    const v = parseInput(disruptionInput, input)
    if (!panel.organisations.some((o) => o.id === v.ownerOrganisationId))
      throw new ValidationError({
        ownerOrganisationId: 'The owner must be one of the panel’s member organisations',
      })
    return db.transaction().execute(async (trx) => {
      const values = {
        referral_id: caseId,
        disruption_type: v.disruptionType,
        owner_organisation_id: v.ownerOrganisationId,
        due_on: v.dueOn,
        status: 'planned',
        detail_sealed: cipher.seal(DETAIL, v.detail),
      }
      const id = await repo.insertDisruption(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.mase-disruption',
        entityType: 'case',
        entityId: caseId,
        after: { disruption: id, ...values, detail_sealed: 'written' },
      })
      return id
    })
  }

  /** Its status and result, by a member of the panel; returns the case. */
  async function updateDisruption(who: Who, id: number, input: unknown): Promise<number> {
    const row = await repo.findDisruption(db, id)
    if (!row) throw new NotFoundError('Disruption')
    await door.change(who, row.referral_id, 'mase', 'MASE').catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Disruption') : error
    })
    const v = parseInput(disruptionUpdate, input)
    if (v.status !== 'planned' && !v.result) throw new ValidationError({ result: 'Record the result' })
    await db.transaction().execute(async (trx) => {
      const changes = { status: v.status, result_sealed: v.result ? cipher.seal(RESULT, v.result) : null }
      if (!(await repo.updateDisruption(trx, id, v.version, changes, now().toISOString())))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: 'case.mase-disruption.update',
        entityType: 'case',
        entityId: row.referral_id,
        before: { disruption: id, status: row.status, result_sealed: row.result_sealed ? 'written' : null },
        after: { disruption: id, status: v.status, result_sealed: v.result ? 'changed' : null },
      })
    })
    return row.referral_id
  }

  /** The case a disruption is on, for a member about to change it: anyone else is told "not found". */
  async function disruptionCaseOf(who: Who, id: number): Promise<number> {
    const row = await repo.findDisruption(db, id)
    if (!row) throw new NotFoundError('Disruption')
    await door.change(who, row.referral_id, 'mase', 'MASE')
    return row.referral_id
  }

  return {
    maseRecord,
    addMaseLocation: addLocation,
    concernCandidates,
    addPersonOfConcern,
    addDisruption,
    updateDisruption,
    disruptionCaseOf,
  }
}

export type MaseService = ReturnType<typeof createMaseService>
