import type { Executor } from '../../db/database.ts'
import type { UserUpdate } from './tables.ts'

const userColumns = [
  'users.id',
  'users.email',
  'users.name',
  'users.role',
  'users.organisation_id',
  'users.disabled_at',
  'users.created_at',
  'users.updated_at',
  'users.version',
  'users.person_id',
  'organisations.name as organisation_name',
  'organisations.short_name as organisation_short_name',
] as const

function usersWithOrganisation(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .leftJoin('people', 'people.id', 'users.person_id')
}

const listedColumns = [...userColumns, 'people.name as person_name'] as const

export async function listUsers(db: Executor) {
  return usersWithOrganisation(db).select(listedColumns).orderBy('users.name').execute()
}

export async function findUser(db: Executor, id: number) {
  return usersWithOrganisation(db).select(listedColumns).where('users.id', '=', id).executeTakeFirst()
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>

/** Which user, if any, is linked to this person. */
export async function findUserOfPerson(db: Executor, personId: number) {
  return db.selectFrom('users').select(['id', 'email']).where('person_id', '=', personId).executeTakeFirst()
}

export async function findUserByEmail(db: Executor, email: string) {
  return usersWithOrganisation(db)
    .select([...userColumns, 'users.password_hash'])
    .where('users.email', '=', email)
    .executeTakeFirst()
}

export async function insertUser(
  db: Executor,
  values: {
    email: string
    name: string
    organisation_id: number
    role: string
    password_hash: string
    now: string
  },
) {
  const { now, ...rest } = values
  const row = await db
    .insertInto('users')
    .values({ ...rest, created_at: now, updated_at: now, password_changed_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Updates only when the stored version matches; returns false on a stale write. */
export async function updateUser(db: Executor, id: number, version: number, changes: UserUpdate) {
  const result = await db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUsers(db: Executor) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// Sessions

export async function insertSession(
  db: Executor,
  idHash: string,
  userId: number,
  now: string,
  ip: string | null,
) {
  await db
    .insertInto('sessions')
    .values({ id_hash: idHash, user_id: userId, created_at: now, last_seen_at: now, ip })
    .execute()
}

export async function findSession(db: Executor, idHash: string) {
  return (
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      // Aliased: users has a created_at too, and the session's own times are the ones that expire it.
      .select([
        'sessions.created_at as session_created_at',
        'sessions.last_seen_at as session_last_seen_at',
        ...userColumns,
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst()
  )
}

export async function touchSession(db: Executor, idHash: string, now: string) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
}

export async function deleteUserSessions(db: Executor, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function deleteSessionsOlderThan(db: Executor, createdBefore: string, seenBefore: string) {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('created_at', '<', createdBefore), eb('last_seen_at', '<', seenBefore)]))
    .execute()
}

/** Every session of the user but one: a password change keeps the browser that made it signed in. */
export async function deleteUserSessionsExcept(db: Executor, userId: number, keepIdHash: string | null) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash)
  await query.execute()
}

// Sign-in throttle, keyed by the email typed (whether or not such a user exists) and the network address

export async function findThrottle(db: Executor, emailKey: string, ip: string) {
  return db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('email_key', '=', emailKey)
    .where('ip', '=', ip)
    .executeTakeFirst()
}

/** Failures for the email from every address since the given moment. */
export async function recentEmailFailures(db: Executor, emailKey: string, since: string) {
  const row = await db
    .selectFrom('sign_in_throttle')
    .select((eb) => eb.fn.sum<number | string | null>('failures').as('failures'))
    .where('email_key', '=', emailKey)
    .where('last_failure_at', '>', since)
    .executeTakeFirst()
  return Number(row?.failures ?? 0)
}

export async function saveThrottle(
  db: Executor,
  row: {
    email_key: string
    ip: string
    failures: number
    first_failure_at: string
    last_failure_at: string
    locked_until: string | null
  },
) {
  await db
    .insertInto('sign_in_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['email_key', 'ip']).doUpdateSet({
        failures: row.failures,
        first_failure_at: row.first_failure_at,
        last_failure_at: row.last_failure_at,
        locked_until: row.locked_until,
      }),
    )
    .execute()
}

export async function clearThrottle(db: Executor, emailKey: string, ip: string) {
  await db.deleteFrom('sign_in_throttle').where('email_key', '=', emailKey).where('ip', '=', ip).execute()
}

/** Counters whose window and lock have both passed. */
export async function deleteThrottlesBefore(db: Executor, before: string) {
  await db
    .deleteFrom('sign_in_throttle')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute()
}

// API tokens

export async function insertToken(
  db: Executor,
  values: {
    user_id: number
    name: string
    token_hash: string
    prefix: string
    created_at: string
    expires_at: string
  },
) {
  const row = await db.insertInto('api_tokens').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function listTokens(db: Executor, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute()
}

/** A token that is neither revoked nor past its expiry (a token with no expiry counts as expired). */
export async function findActiveToken(db: Executor, tokenHash: string, now: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

export async function touchToken(db: Executor, id: number, now: string) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
}

export async function revokeToken(db: Executor, id: number, userId: number, now: string) {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Revokes every token of the user still in force; returns how many. */
export async function revokeUserTokens(db: Executor, userId: number, now: string) {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Whether any administrator can sign in: until one can, Safer is not set up. */
export async function hasActiveAdministrator(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

// Merging people and organisations (src/modules/auth/merge-references.ts).

export async function countUsersIn(db: Executor, organisationId: number) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function movePersonLink(db: Executor, from: number, into: number) {
  const result = await db
    .updateTable('users')
    .set({ person_id: into })
    .where('person_id', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function moveUsersOrganisation(db: Executor, from: number, into: number) {
  const result = await db
    .updateTable('users')
    .set({ organisation_id: into })
    .where('organisation_id', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
