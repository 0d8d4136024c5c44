import { londonToday } from '../../../shared/london-day.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import { isPanelMember, type Who } from '../policy.ts'
import { daysInclusive } from '../rules/calendar.ts'
import {
  DESELECTION_REASON_LABELS,
  type DeselectionReason,
  IOM_COHORT_LABELS,
  IOM_COHORTS,
  IOM_PATHWAY_LABELS,
  IOM_PATHWAYS,
  type IomCohort,
  type IomPathway,
  type NeedLevel,
  type ProgressState,
} from '../rules/iom-cohorts.ts'
import { type IomScore, rankIomCandidates, scoreIomOffending } from '../rules/iom-score.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { fullName } from '../subjects/subject.ts'
import type { IomAccess } from './access.ts'
import * as repo from './iom.repository.ts'
import {
  type CandidateDecision,
  type CohortBoard,
  type CohortMembership,
  type IomCandidateEntry,
  type IomSubjectRecord,
  type PathwayRecord,
  SEALED,
  toIomOffence,
} from './iom-record.ts'
import type { IomSettings } from './settings.ts'

/** The roles on a case that make a person a candidate for the cohort: the offender, not those around them. */
const CANDIDATE_ROLES = ['offender', 'perpetrator']

// The IOM panel's reads: the cohort board, the ranked candidates, a subject's record and score. The
// policy first, sealed text opened only after it, every read audited with the path it came through.
export function iomBoardService(
  { db, audit, cipher, now }: CasesContext,
  access: IomAccess,
  subjects: Pick<SubjectsStore, 'nameOf'>,
  settingsOf: (panelId: number) => Promise<IomSettings>,
) {
  const today = () => londonToday(now())
  const nameOf = async (id: number) => fullName(await subjects.nameOf(id))

  const openDecision = (row: repo.DecisionRow): CandidateDecision => ({
    id: row.id,
    decision: row.decision as CandidateDecision['decision'],
    decidedOn: row.decided_on,
    score: row.score,
    reason: cipher.open(SEALED.decision, row.reason_sealed),
  })

  const openMembership = (row: repo.MembershipRow, asOf: string): CohortMembership => {
    const reason = row.deselection_reason as DeselectionReason | null
    return {
      id: row.id,
      cohort: row.cohort as IomCohort,
      cohortLabel: IOM_COHORT_LABELS[row.cohort as IomCohort],
      selectedOn: row.selected_on,
      selectionReason: cipher.open(SEALED.selection, row.selection_reason_sealed),
      eligibility: row.eligibility,
      deselectedOn: row.deselected_on,
      deselectionReason: reason,
      deselectionReasonLabel: reason ? DESELECTION_REASON_LABELS[reason] : null,
      deselectionNote: row.deselection_note_sealed
        ? cipher.open(SEALED.deselection, row.deselection_note_sealed)
        : null,
      daysOnCohort: Math.max(0, daysInclusive(row.selected_on, row.deselected_on ?? asOf) - 1),
      version: row.version,
    }
  }

  const openPathway = (row: repo.PathwayRow): PathwayRecord => ({
    pathway: row.pathway as IomPathway,
    label: IOM_PATHWAY_LABELS[row.pathway as IomPathway],
    need: row.need as NeedLevel,
    progress: row.progress as ProgressState | null,
    reviewedOn: row.reviewed_on,
    note: row.note_sealed ? cipher.open(SEALED.pathway, row.note_sealed) : null,
  })
  const inOrder = (list: PathwayRecord[]) => IOM_PATHWAYS.flatMap((p) => list.filter((x) => x.pathway === p))

  /** Everyone's score on the panel today, from the offences recorded on the panel. */
  async function scores(panelId: number, subjectIds: number[], asOf: string) {
    const { matrix } = await settingsOf(panelId)
    const rows = await repo.offencesOf(db, panelId, subjectIds)
    return new Map(
      subjectIds.map((id) => [
        id,
        scoreIomOffending(
          rows.filter((r) => r.subject_id === id && r.offence_date <= asOf).map(toIomOffence),
          asOf,
          matrix,
        ),
      ]),
    )
  }

  async function candidatesOf(panelId: number, asOf: string) {
    const onPanel = (await repo.subjectsOnPanel(db, panelId)).filter((r) => CANDIDATE_ROLES.includes(r.role))
    const inCohort = new Set(
      (await repo.membershipsOf(db, panelId))
        .filter((m) => m.deselected_on === null)
        .map((m) => m.subject_id),
    )
    const ids = [...new Set(onPanel.map((r) => r.subject_id))].filter((id) => !inCohort.has(id))
    const scored = await scores(panelId, ids, asOf)
    const offences = await repo.offencesOf(db, panelId, ids)
    const latest = new Map<number, repo.DecisionRow>()
    for (const d of await repo.decisionsOf(db, panelId)) latest.set(d.subject_id, d)
    // Ids padded so the rule's final tie-break (the id as text) orders them as numbers.
    const ranked = rankIomCandidates(
      ids.map((id) => ({ subjectId: String(id).padStart(10, '0'), score: scored.get(id) as IomScore })),
    )
    const candidates: IomCandidateEntry[] = []
    const rejected: IomCandidateEntry[] = []
    for (const r of ranked) {
      const subjectId = Number(r.subjectId)
      const decision = latest.get(subjectId)
      const entry = {
        rank: 0,
        subjectId,
        name: await nameOf(subjectId),
        score: r.score,
        decision: decision ? openDecision(decision) : null,
      }
      // A rejection holds until an offence is recorded after it: then the panel looks again.
      const since = offences.some(
        (o) => o.subject_id === subjectId && o.created_at > (decision?.created_at ?? ''),
      )
      if (decision?.decision === 'rejected' && !since) rejected.push(entry)
      else candidates.push({ ...entry, rank: candidates.length + 1 })
    }
    return { candidates, rejected }
  }

  async function iomCandidates(who: Who, panelId: number) {
    await access.requireMember(who, panelId)
    const found = await candidatesOf(panelId, today())
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'iom-candidates',
      entityId: panelId,
      detail: { path: who.via ?? null, subjects: found.candidates.map((c) => c.subjectId) },
    })
    return found
  }

  async function cohortBoard(who: Who, panelId: number): Promise<CohortBoard> {
    const panel = await access.requireMember(who, panelId)
    const asOf = today()
    const current = (await repo.membershipsOf(db, panelId)).filter((m) => m.deselected_on === null)
    const ids = current.map((m) => m.subject_id)
    const scored = await scores(panelId, ids, asOf)
    const pathways = (await repo.pathwaysOf(db, panelId, ids)).map((p) => ({
      ...openPathway(p),
      subjectId: p.subject_id,
    }))
    const people = await Promise.all(
      current.map(async (m) => ({
        subjectId: m.subject_id,
        name: await nameOf(m.subject_id),
        membership: openMembership(m, asOf),
        score: scored.get(m.subject_id) as IomScore,
        pathways: inOrder(pathways.filter((p) => p.subjectId === m.subject_id)),
      })),
    )
    const { candidates, rejected } = await candidatesOf(panelId, asOf)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'iom-board',
      entityId: panelId,
      detail: { path: who.via ?? null, subjects: ids, candidates: candidates.map((c) => c.subjectId) },
    })
    return {
      panelId,
      panelName: panel.name,
      asOf,
      cohorts: IOM_COHORTS.map((cohort) => ({
        cohort,
        label: IOM_COHORT_LABELS[cohort],
        people: people.filter((p) => p.membership.cohort === cohort),
      })),
      candidates,
      rejected,
    }
  }

  async function subjectIom(who: Who, panelId: number, subjectId: number): Promise<IomSubjectRecord> {
    const { panel, access: granted } = await access.requireSubjectRead(who, panelId, subjectId)
    const asOf = today()
    const { matrix } = await settingsOf(panelId)
    const rows = await repo.offencesOf(db, panelId, [subjectId])
    const memberships = (await repo.membershipsOf(db, panelId))
      .filter((m) => m.subject_id === subjectId)
      .map((m) => openMembership(m, asOf))
    const record: IomSubjectRecord = {
      panelId,
      panelName: panel.name,
      subjectId,
      name: await nameOf(subjectId),
      score: (await scores(panelId, [subjectId], asOf)).get(subjectId) as IomScore,
      offences: rows.map((r) => ({
        id: r.id,
        ...toIomOffence(r),
        groupLabel: matrix.groups.find((g) => g.id === r.offence_group)?.label ?? r.offence_group,
        sourceNote: r.source_note_sealed ? cipher.open(SEALED.source, r.source_note_sealed) : null,
      })),
      decisions: (await repo.decisionsOf(db, panelId))
        .filter((d) => d.subject_id === subjectId)
        .map(openDecision)
        .reverse(),
      memberships: memberships.reverse(),
      current: memberships.find((m) => m.deselectedOn === null) ?? null,
      pathways: inOrder((await repo.pathwaysOf(db, panelId, [subjectId])).map(openPathway)),
      access: granted.by,
      mayChange: isPanelMember(who.user, panel),
    }
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'iom-subject',
      entityId: subjectId,
      detail: {
        path: who.via ?? null,
        panel: panelId,
        access: granted.by,
        ...(granted.by === 'break-glass' ? { break_glass: granted.glass.id } : {}),
      },
    })
    return record
  }

  /** One person's score and its breakdown (the command line's and the API's `score`). */
  async function iomScore(who: Who, panelId: number, subjectId: number): Promise<IomScore> {
    await access.requireSubjectRead(who, panelId, subjectId)
    const score = (await scores(panelId, [subjectId], today())).get(subjectId) as IomScore
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'iom-score',
      entityId: subjectId,
      detail: { path: who.via ?? null, panel: panelId },
    })
    return score
  }

  return { iomCandidates, cohortBoard, subjectIom, iomScore }
}
