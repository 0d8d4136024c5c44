import { ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import {
  VAF_FACTORS,
  type VafAssessment,
  type VafRating,
  vafChange,
  vafCounts,
  vafSeries,
  validateVafAssessment,
} from '../rules/vaf-factors.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { caseDoor } from './case-door.ts'
import * as repo from './channel.repository.ts'
import type { ChannelRecord, ConsentRead, SupportRead, VafAssessmentRead } from './channel-record.ts'
import {
  CONSENT_DECISION_LABELS,
  CONSENT_GIVER_LABELS,
  type ConsentDecision,
  type ConsentGiver,
  channelSteps,
  consentProblem,
  standingConsent,
  supportProblem,
} from './consent-policy.ts'
import { consentInput, SUPPORT_TYPE_LABELS, type SupportType, supportInput, vafInput } from './schema.ts'

const RATINGS = 'channel.vaf-ratings'
const OBTAINED_BY = 'channel.consent-obtained-by'
const CONSENT_NOTE = 'channel.consent-note'
const PROVIDER = 'channel.support-provider'

/** Channel: the VAF reassessed over time, consent as Channel requires, and the support package. */
export function createChannelService(
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
  referrals: Pick<ReferralsService, 'caseAccessOf' | 'caseSubjects'>,
) {
  const { db, audit, cipher, now } = ctx
  const door = caseDoor(ctx, panels, referrals)
  const today = () => londonToday(now())

  const openAssessment = (
    r: Awaited<ReturnType<typeof repo.vafAssessmentsOf>>[number],
  ): VafAssessmentRead => {
    const ratings = cipher.openJson<Record<string, VafRating>>(RATINGS, r.ratings_sealed)
    return {
      id: r.id,
      assessedOn: r.assessed_on,
      ratings: VAF_FACTORS.map((f) => ({
        factorId: f.id,
        dimension: f.dimension,
        name: f.name,
        status: (ratings[f.id] as VafRating).status,
        note: ratings[f.id]?.note ?? null,
      })),
      counts: vafCounts({ assessedOn: r.assessed_on, ratings }),
    }
  }

  const openConsent = (r: Awaited<ReturnType<typeof repo.consentsOf>>[number]): ConsentRead => ({
    id: r.id,
    decision: r.decision as ConsentDecision,
    decisionLabel: CONSENT_DECISION_LABELS[r.decision as ConsentDecision],
    givenBy: r.given_by as ConsentGiver,
    givenByLabel: CONSENT_GIVER_LABELS[r.given_by as ConsentGiver],
    decidedOn: r.decided_on,
    obtainedBy: cipher.open(OBTAINED_BY, r.obtained_by_sealed),
    note: r.note_sealed ? cipher.open(CONSENT_NOTE, r.note_sealed) : null,
  })

  const openSupport = (r: Awaited<ReturnType<typeof repo.supportOf>>[number]): SupportRead => ({
    id: r.id,
    supportType: r.support_type as SupportType,
    supportTypeLabel: SUPPORT_TYPE_LABELS[r.support_type as SupportType],
    provider: cipher.open(PROVIDER, r.provider_sealed),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  })

  const asVaf = (a: VafAssessmentRead): VafAssessment => ({
    assessedOn: a.assessedOn,
    ratings: Object.fromEntries(a.ratings.map((r) => [r.factorId, { status: r.status }])),
  })

  /** The case's Channel record: its reader let in by need to know, the read written to its log. */
  async function channelRecord(who: Who, caseId: number): Promise<ChannelRecord> {
    const opened = await door.read(who, caseId, 'channel', 'channel')
    const assessments = (await repo.vafAssessmentsOf(db, caseId)).map(openAssessment)
    const consents = (await repo.consentsOf(db, caseId)).map(openConsent)
    const standing = standingConsent(consents)
    const last = assessments.slice(-2).map(asVaf)
    return {
      caseId,
      panelId: opened.panel.id,
      panelName: opened.panel.name,
      status: opened.status,
      access: opened.access.by,
      mayChange: opened.mayChange,
      assessments,
      series: vafSeries(assessments.map(asVaf)),
      change: last.length === 2 ? vafChange(last[0] as VafAssessment, last[1] as VafAssessment) : null,
      consents,
      standingConsent: standing,
      steps: channelSteps(standing),
      support: (await repo.supportOf(db, caseId)).map(openSupport),
    }
  }

  /** A VAF assessment by a member: every one of the 22 factors, each note sealed. */
  async function assessVaf(who: Who, caseId: number, input: unknown): Promise<number> {
    await door.change(who, caseId, 'channel', 'Channel')
    const v = parseInput(vafInput, input)
    const assessment: VafAssessment = { assessedOn: v.assessedOn, ratings: v.ratings }
    validateVafAssessment(assessment)
    if (v.assessedOn > today())
      throw new ValidationError({ assessedOn: 'The assessment date cannot be in the future' })
    return db.transaction().execute(async (trx) => {
      const values = {
        referral_id: caseId,
        assessed_on: v.assessedOn,
        assessed_by_user_id: who.user?.id ?? null,
        ratings_sealed: cipher.sealJson(RATINGS, v.ratings),
      }
      const id = await repo.insertVafAssessment(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.vaf',
        entityType: 'case',
        entityId: caseId,
        after: { vaf_assessment: id, ...values, ratings_sealed: 'written' },
      })
      return id
    })
  }

  /** The person's (or a child's parent's or guardian's) decision, with its date and who obtained it. */
  async function recordConsent(who: Who, caseId: number, input: unknown): Promise<number> {
    await door.change(who, caseId, 'channel', 'Channel')
    const v = parseInput(consentInput, input)
    if (v.decidedOn > today()) throw new ValidationError({ decidedOn: 'The date cannot be in the future' })
    const [subjectId] = await referrals.caseSubjects(caseId)
    const dateOfBirth = subjectId ? (await subjects.read(subjectId)).dateOfBirth : null
    const problem = consentProblem(v, dateOfBirth)
    if (problem) throw new ValidationError(problem)
    return db.transaction().execute(async (trx) => {
      const values = {
        referral_id: caseId,
        decision: v.decision,
        given_by: v.givenBy,
        decided_on: v.decidedOn,
        obtained_by_sealed: cipher.seal(OBTAINED_BY, v.obtainedBy),
        note_sealed: v.note ? cipher.seal(CONSENT_NOTE, v.note) : null,
        recorded_by_user_id: who.user?.id ?? null,
      }
      const id = await repo.insertConsent(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.channel-consent',
        entityType: 'case',
        entityId: caseId,
        after: {
          consent: id,
          ...values,
          obtained_by_sealed: 'written',
          note_sealed: values.note_sealed ? 'written' : null,
        },
      })
      return id
    })
  }

  /** An item of the support package: only while consent given stands (consent-policy.ts). */
  async function addSupport(who: Who, caseId: number, input: unknown): Promise<number> {
    await door.change(who, caseId, 'channel', 'Channel')
    const v = parseInput(supportInput, input)
    const standing = standingConsent((await repo.consentsOf(db, caseId)).map(openConsent))
    const problem = supportProblem(standing, v.startsOn)
    if (problem) throw new ValidationError(problem)
    return db.transaction().execute(async (trx) => {
      const values = {
        referral_id: caseId,
        support_type: v.supportType,
        provider_sealed: cipher.seal(PROVIDER, v.provider),
        starts_on: v.startsOn,
        ends_on: v.endsOn,
      }
      const id = await repo.insertSupport(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'case.channel-support',
        entityType: 'case',
        entityId: caseId,
        after: { support: id, ...values, provider_sealed: 'written' },
      })
      return id
    })
  }

  return { channelRecord, assessVaf, recordChannelConsent: recordConsent, addChannelSupport: addSupport }
}

export type ChannelService = ReturnType<typeof createChannelService>
