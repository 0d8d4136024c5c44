import type { AnyDb } from './helpers.ts'

// Failed sign-ins were counted per email address alone, so anyone could lock anyone out by typing
// their address five times. They are now counted per email address and network address: the lock
// holds only where the failures came from, and other addresses are slowed down instead. The rows
// are short-lived counters, so the old ones are dropped rather than carried over.
export function signInThrottleByAddress() {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema.dropTable('sign_in_throttle').execute()
      await db.schema
        .createTable('sign_in_throttle')
        .addColumn('email_key', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('first_failure_at', 'text', (c) => c.notNull())
        .addColumn('last_failure_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addPrimaryKeyConstraint('sign_in_throttle_pk', ['email_key', 'ip'])
        .execute()
      await db.schema
        .createIndex('sign_in_throttle_last_failure')
        .on('sign_in_throttle')
        .column('last_failure_at')
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('sign_in_throttle').execute()
      await db.schema
        .createTable('sign_in_throttle')
        .addColumn('email_key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('first_failure_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute()
    },
  }
}
