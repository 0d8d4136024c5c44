import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import { newSecret, sha256 } from '../../shared/secrets.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { toCurrentUser } from './current-user.ts'
import * as repo from './repository.ts'
import { DEFAULT_TOKEN_DAYS, TOKEN_DAYS } from './schema.ts'

const DAY_MS = 86_400_000
// Writing last_used_at on every call would turn every API read into a write.
const TOUCH_INTERVAL_MS = 60_000

/**
 * Personal API tokens: shown once at creation, stored only as a hash, good until their expiry (7 to 365
 * days, chosen when made) unless revoked. Which routes accept them is the HTTP layer's rule (the API only).
 */
export function createApiTokens(db: Db, audit: AuditService) {
  async function createToken(
    user: CurrentUser,
    name: string,
    actor: Actor,
    expiresInDays: number = DEFAULT_TOKEN_DAYS,
  ) {
    if (!(TOKEN_DAYS as readonly number[]).includes(expiresInDays))
      throw new ValidationError({ expiresInDays: 'Choose how long the token lasts' })
    const token = `safer_${newSecret()}`
    const now = new Date()
    const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS).toISOString()
    const id = await db.transaction().execute(async (trx) => {
      const tokenId = await repo.insertToken(trx, {
        user_id: user.id,
        name,
        token_hash: sha256(token),
        prefix: token.slice(0, 12),
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      await audit.record(trx, actor, {
        action: 'api-token.create',
        entityType: 'api_token',
        entityId: tokenId,
        after: { user_id: user.id, name, expires_at: expiresAt },
      })
      return tokenId
    })
    return { id, token, expiresAt }
  }

  async function revokeToken(user: CurrentUser, tokenId: number, actor: Actor) {
    return db.transaction().execute(async (trx) => {
      const revoked = await repo.revokeToken(trx, tokenId, user.id, new Date().toISOString())
      if (revoked)
        await audit.record(trx, actor, {
          action: 'api-token.revoke',
          entityType: 'api_token',
          entityId: tokenId,
        })
      return revoked
    })
  }

  async function resolveToken(token: string): Promise<CurrentUser | null> {
    const now = Date.now()
    const row = await repo.findActiveToken(db, sha256(token), new Date(now).toISOString())
    if (!row) return null
    const user = await repo.findUser(db, row.user_id)
    if (!user || user.disabled_at) return null
    if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
      await repo.touchToken(db, row.id, new Date(now).toISOString())
    }
    return toCurrentUser(user)
  }

  async function listTokens(user: CurrentUser) {
    const now = Date.now()
    return (await repo.listTokens(db, user.id)).map((t) => ({
      ...t,
      expired: t.revoked_at === null && (t.expires_at === null || Date.parse(t.expires_at) <= now),
    }))
  }

  return { createToken, revokeToken, resolveToken, listTokens }
}

/** Every token of the user still in force, revoked inside the caller's transaction; returns how many. */
export function revokeAllTokens(trx: Executor, userId: number) {
  return repo.revokeUserTokens(trx, userId, new Date().toISOString())
}
