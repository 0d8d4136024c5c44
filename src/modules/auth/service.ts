import type { CurrentUser } from '../../access/current-user.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import { newSecret, sha256 } from '../../shared/secrets.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { createApiTokens } from './api-tokens.ts'
import { toCurrentUser } from './current-user.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import * as repo from './repository.ts'
import { addressKey, createSignInThrottle } from './sign-in-throttle.ts'

export {
  LOCKOUT_MINUTES,
  MAX_FAILED_SIGN_INS,
  SLOW_DOWN_BASE_MS,
  SLOW_DOWN_CAP_MS,
} from './sign-in-throttle.ts'

// Writing last_seen_at on every request would turn every page view into a write.
const TOUCH_INTERVAL_MS = 60_000

export type SignInResult =
  | { ok: true; sessionId: string; user: CurrentUser }
  | { ok: false; reason: 'invalid' | 'locked' }

const minutes = (n: number) => n * 60_000

/** Sign-in (with its lock and slow-down), sessions and API tokens. */
export function createAuthService(
  db: Db,
  audit: AuditService,
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
) {
  const idleMs = minutes(config.sessionIdleMinutes)
  const absoluteMs = minutes(config.sessionAbsoluteHours * 60)

  const throttle = createSignInThrottle(db)
  const tokens = createApiTokens(db, audit)

  async function signIn(
    email: string,
    password: string,
    ip: string | null,
    previousSessionId?: string,
  ): Promise<SignInResult> {
    const now = new Date()
    const emailKey = email.trim().toLowerCase()
    const address = addressKey(ip)
    if (await throttle.isLocked(emailKey, address, now)) {
      await audit.record(
        db,
        { userId: null, label: emailKey, ip },
        { action: 'sign-in.locked', entityType: 'session' },
      )
      return { ok: false, reason: 'locked' }
    }
    await throttle.slowDown(emailKey, now)
    const user = await repo.findUserByEmail(db, emailKey)
    // Always verify something, so response time does not reveal whether the account exists.
    const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password)
    if (!user || !passwordOk || user.disabled_at) {
      await db.transaction().execute(async (trx) => {
        const lockedUntil = await throttle.recordFailure(trx, emailKey, address, now)
        await audit.record(
          trx,
          { userId: null, label: emailKey, ip },
          {
            action: 'sign-in.failed',
            entityType: 'session',
            detail: lockedUntil ? { lockedUntil } : {},
          },
        )
      })
      return { ok: false, reason: 'invalid' }
    }
    const sessionId = newSecret()
    await db.transaction().execute(async (trx) => {
      // A new id at every sign-in: a session id planted before sign-in is never promoted.
      if (previousSessionId) await repo.deleteSession(trx, sha256(previousSessionId))
      await throttle.clear(trx, emailKey, address)
      await repo.insertSession(trx, sha256(sessionId), user.id, now.toISOString(), ip)
      await audit.record(
        trx,
        { userId: user.id, label: user.email, ip },
        { action: 'sign-in', entityType: 'session' },
      )
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
    if (now - Date.parse(row.session_last_seen_at) > TOUCH_INTERVAL_MS)
      await repo.touchSession(db, idHash, new Date(now).toISOString())
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
    await repo.deleteSessionsOlderThan(
      db,
      new Date(now - absoluteMs).toISOString(),
      new Date(now - idleMs).toISOString(),
    )
    await throttle.purge(new Date(now))
  }

  return {
    signIn,
    resolveSession,
    signOut,
    purgeExpiredSessions,
    ...tokens,
  }
}

export type AuthService = ReturnType<typeof createAuthService>
