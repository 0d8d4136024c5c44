import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { CurrentUser } from '../../access/current-user.ts'
import { toCurrentUser } from './current-user.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import * as repo from './repository.ts'
import { newSecret, sha256 } from './secrets.ts'

export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MINUTES = 15
// Writing last_seen_at on every request would turn every page view into a write.
const TOUCH_INTERVAL_MS = 60_000

export type SignInResult =
  | { ok: true; sessionId: string; user: CurrentUser }
  | { ok: false; reason: 'invalid' | 'locked' }

const minutes = (n: number) => n * 60_000

/** Sign-in, sessions and API tokens. */
export function createAuthService(db: Db, audit: AuditService, config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>) {
  const idleMs = minutes(config.sessionIdleMinutes)
  const absoluteMs = minutes(config.sessionAbsoluteHours * 60)

  async function recordFailure(emailKey: string, ip: string | null, now: Date) {
    const existing = await repo.findThrottle(db, emailKey)
    const windowOpen = existing && now.getTime() - Date.parse(existing.first_failure_at) < minutes(LOCKOUT_MINUTES)
    const failures = windowOpen ? existing.failures + 1 : 1
    const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + minutes(LOCKOUT_MINUTES)).toISOString() : null
    await db.transaction().execute(async (trx) => {
      await repo.saveThrottle(trx, {
        email_key: emailKey,
        failures,
        first_failure_at: windowOpen ? existing.first_failure_at : now.toISOString(),
        locked_until: lockedUntil,
      })
      await audit.record(trx, { userId: null, label: emailKey, ip }, {
        action: 'sign-in.failed',
        entityType: 'session',
        detail: lockedUntil ? { lockedUntil } : {},
      })
    })
  }

  async function signIn(email: string, password: string, ip: string | null, previousSessionId?: string): Promise<SignInResult> {
    const now = new Date()
    const emailKey = email.trim().toLowerCase()
    const throttle = await repo.findThrottle(db, emailKey)
    if (throttle?.locked_until && Date.parse(throttle.locked_until) > now.getTime()) {
      await audit.record(db, { userId: null, label: emailKey, ip }, { action: 'sign-in.locked', entityType: 'session' })
      return { ok: false, reason: 'locked' }
    }
    const user = await repo.findUserByEmail(db, emailKey)
    // Always verify something, so response time does not reveal whether the account exists.
    const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password)
    if (!user || !passwordOk || user.disabled_at) {
      await recordFailure(emailKey, ip, now)
      return { ok: false, reason: 'invalid' }
    }
    const sessionId = newSecret()
    await db.transaction().execute(async (trx) => {
      // A new id at every sign-in: a session id planted before sign-in is never promoted.
      if (previousSessionId) await repo.deleteSession(trx, sha256(previousSessionId))
      await repo.clearThrottle(trx, emailKey)
      await repo.insertSession(trx, sha256(sessionId), user.id, now.toISOString(), ip)
      await audit.record(trx, { userId: user.id, label: user.email, ip }, { action: 'sign-in', entityType: 'session' })
    })
    return { ok: true, sessionId, user: toCurrentUser(user) }
  }

  async function resolveSession(sessionId: string): Promise<CurrentUser | null> {
    const idHash = sha256(sessionId)
    const row = await repo.findSession(db, idHash)
    if (!row) return null
    const now = Date.now()
    const expired =
      now - Date.parse(row.session_created_at) > absoluteMs ||
      now - Date.parse(row.session_last_seen_at) > idleMs ||
      row.disabled_at !== null
    if (expired) {
      await repo.deleteSession(db, idHash)
      return null
    }
    if (now - Date.parse(row.session_last_seen_at) > TOUCH_INTERVAL_MS) await repo.touchSession(db, idHash, new Date(now).toISOString())
    return toCurrentUser(row)
  }

  async function signOut(sessionId: string, actor: Actor) {
    await db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, sha256(sessionId))
      await audit.record(trx, actor, { action: 'sign-out', entityType: 'session' })
    })
  }

  async function purgeExpiredSessions() {
    const now = Date.now()
    await repo.deleteSessionsOlderThan(db, new Date(now - absoluteMs).toISOString(), new Date(now - idleMs).toISOString())
  }

  // API tokens: shown once at creation, stored only as a hash.

  async function createToken(user: CurrentUser, name: string, actor: Actor) {
    const token = `safer_${newSecret()}`
    const id = await db.transaction().execute(async (trx) => {
      const tokenId = await repo.insertToken(trx, {
        user_id: user.id,
        name,
        token_hash: sha256(token),
        prefix: token.slice(0, 12),
        created_at: new Date().toISOString(),
      })
      await audit.record(trx, actor, { action: 'api-token.create', entityType: 'api_token', entityId: tokenId, after: { name } })
      return tokenId
    })
    return { id, token }
  }

  async function revokeToken(user: CurrentUser, tokenId: number, actor: Actor) {
    return db.transaction().execute(async (trx) => {
      const revoked = await repo.revokeToken(trx, tokenId, user.id, new Date().toISOString())
      if (revoked) await audit.record(trx, actor, { action: 'api-token.revoke', entityType: 'api_token', entityId: tokenId })
      return revoked
    })
  }

  async function resolveToken(token: string): Promise<CurrentUser | null> {
    const row = await repo.findActiveToken(db, sha256(token))
    if (!row) return null
    const user = await repo.findUser(db, row.user_id)
    if (!user || user.disabled_at) return null
    const now = Date.now()
    if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
      await repo.touchToken(db, row.id, new Date(now).toISOString())
    }
    return toCurrentUser(user)
  }

  return {
    signIn,
    resolveSession,
    signOut,
    purgeExpiredSessions,
    createToken,
    revokeToken,
    resolveToken,
    listTokens: (user: CurrentUser) => repo.listTokens(db, user.id),
  }
}

export type AuthService = ReturnType<typeof createAuthService>
