import type { AnyDb } from './helpers.ts'

// The term every token had until now: tokens made before this migration run out 90 days after they were made.
const EXISTING_TOKEN_DAYS = 90
const DAY_MS = 86_400_000

/** API tokens run out: each carries the moment it stops working, chosen when it is made. */
export function tokenExpiry() {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute()
      // Timestamps are ISO text on both dialects (ADR 0002), so the sum is done here rather than in SQL.
      const tokens = await db.selectFrom('api_tokens').select(['id', 'created_at']).execute()
      for (const token of tokens as Array<{ id: number; created_at: string }>) {
        const expiresAt = new Date(Date.parse(token.created_at) + EXISTING_TOKEN_DAYS * DAY_MS).toISOString()
        await db.updateTable('api_tokens').set({ expires_at: expiresAt }).where('id', '=', token.id).execute()
      }
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropIndex('api_tokens_user').execute()
      await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute()
    },
  }
}
