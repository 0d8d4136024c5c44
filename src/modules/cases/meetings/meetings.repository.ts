import type { Executor } from '../../../db/database.ts'

export async function insertMeeting(db: Executor, panelId: number, meetsOn: string, now: string) {
  const row = await db
    .insertInto('case_meetings')
    .values({ panel_id: panelId, meets_on: meetsOn, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setAttendees(db: Executor, meetingId: number, organisationIds: readonly number[]) {
  await db.deleteFrom('case_meeting_attendees').where('meeting_id', '=', meetingId).execute()
  if (organisationIds.length)
    await db
      .insertInto('case_meeting_attendees')
      .values(organisationIds.map((organisation_id) => ({ meeting_id: meetingId, organisation_id })))
      .execute()
}

export const findMeeting = (db: Executor, id: number) =>
  db.selectFrom('case_meetings').selectAll().where('id', '=', id).executeTakeFirst()

export const meetingsOfPanel = (db: Executor, panelId: number) =>
  db
    .selectFrom('case_meetings as m')
    .select(['m.id', 'm.meets_on'])
    .select((eb) =>
      eb
        .selectFrom('case_meeting_cases as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.meeting_id', '=', 'm.id')
        .as('cases'),
    )
    .where('m.panel_id', '=', panelId)
    .orderBy('m.meets_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute()

export const attendeesOf = (db: Executor, meetingId: number) =>
  db
    .selectFrom('case_meeting_attendees as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['o.id', 'o.name'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('o.name')
    .execute()

export const itemsOf = (db: Executor, meetingId: number) =>
  db.selectFrom('case_meeting_cases').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute()

export const itemOf = (db: Executor, meetingId: number, referralId: number) =>
  db
    .selectFrom('case_meeting_cases')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('referral_id', '=', referralId)
    .executeTakeFirst()

export async function insertItem(db: Executor, meetingId: number, referralId: number, kind: string) {
  await db
    .insertInto('case_meeting_cases')
    .values({ meeting_id: meetingId, referral_id: referralId, kind })
    .execute()
}

export async function recordDiscussion(
  db: Executor,
  id: number,
  version: number,
  values: { discussion_sealed: string; discussed_at: string; next_review_on: string | null },
) {
  const result = await db
    .updateTable('case_meeting_cases')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** A case's place on every meeting, oldest first: for its page. */
export const meetingsOfReferral = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_meeting_cases as c')
    .innerJoin('case_meetings as m', 'm.id', 'c.meeting_id')
    .select([
      'c.meeting_id',
      'c.kind',
      'c.discussion_sealed',
      'c.discussed_at',
      'c.next_review_on',
      'm.meets_on',
    ])
    .where('c.referral_id', '=', referralId)
    .orderBy('m.meets_on')
    .orderBy('m.id')
    .execute()

/**
 * What a meeting on `meetsOn` should hear: the panel's accepted referrals made by then, and heard
 * (not closed) cases whose latest review date has come.
 */
export async function dueForMeeting(db: Executor, panelId: number, meetsOn: string) {
  const accepted = await db
    .selectFrom('case_referrals')
    .select(['id'])
    .where('panel_id', '=', panelId)
    .where('status', '=', 'accepted')
    .where('referred_on', '<=', meetsOn)
    .orderBy('referred_on')
    .orderBy('id')
    .execute()
  const reviews = await db
    .selectFrom('case_meeting_cases as c')
    .innerJoin('case_referrals as r', 'r.id', 'c.referral_id')
    .select(['r.id', (eb) => eb.fn.max('c.next_review_on').as('review_on')])
    .where('r.panel_id', '=', panelId)
    .where('r.status', '=', 'heard')
    .groupBy('r.id')
    .execute()
  return {
    accepted: accepted.map((r) => r.id),
    reviews: reviews.filter((r) => r.review_on !== null && String(r.review_on) <= meetsOn).map((r) => r.id),
  }
}

export const safetyPlanOf = (db: Executor, referralId: number) =>
  db.selectFrom('case_safety_plans').selectAll().where('referral_id', '=', referralId).executeTakeFirst()

export async function saveSafetyPlan(
  db: Executor,
  referralId: number,
  sealed: string,
  userId: number | null,
  now: string,
) {
  const existing = await safetyPlanOf(db, referralId)
  if (existing)
    await db
      .updateTable('case_safety_plans')
      .set({
        plan_sealed: sealed,
        updated_by_user_id: userId,
        updated_at: now,
        version: existing.version + 1,
      })
      .where('id', '=', existing.id)
      .execute()
  else
    await db
      .insertInto('case_safety_plans')
      .values({
        referral_id: referralId,
        plan_sealed: sealed,
        updated_by_user_id: userId,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute()
  return existing !== undefined
}

/** Every case a panel discussed in a period, with the meeting's date: what the SafeLives return counts. */
export const discussedInPeriod = (db: Executor, panelId: number, from: string, to: string) =>
  db
    .selectFrom('case_meeting_cases as c')
    .innerJoin('case_meetings as m', 'm.id', 'c.meeting_id')
    .innerJoin('case_referrals as r', 'r.id', 'c.referral_id')
    .innerJoin('organisations as o', 'o.id', 'r.referring_organisation_id')
    .select(['c.referral_id', 'c.kind', 'm.meets_on', 'r.referred_on', 'o.type as referrer_type'])
    .where('m.panel_id', '=', panelId)
    .where('c.discussed_at', 'is not', null)
    .where('m.meets_on', '>=', from)
    .where('m.meets_on', '<=', to)
    .orderBy('m.meets_on')
    .execute()
