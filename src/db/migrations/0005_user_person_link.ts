import type { DatabaseDialect } from '../../config.ts'
import type { AnyDb } from './helpers.ts'

// Which person in the plans a user is: set by an administrator, never guessed from a name at run
// time (a new account with a lead's name must not become that lead). Existing accounts are linked
// only where the email address says so beyond doubt: one user and one person share it, compared
// without case. Everything else is left for an administrator (`safer user link --suggest`).
export function userPersonLink(_dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema
        .alterTable('users')
        .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
        .execute()
      // One account per person: two accounts acting as the same lead would blur who did what.
      // Unlinked accounts are NULL, and NULLs never clash on either database.
      await db.schema.createIndex('users_person').unique().on('users').column('person_id').execute()

      // Compared in code: SQLite's lower() folds only ASCII, PostgreSQL's folds everything.
      const key = (email: string) => email.trim().toLowerCase()
      const users: Array<{ id: number; email: string }> = await db
        .selectFrom('users')
        .select(['id', 'email'])
        .execute()
      const people: Array<{ id: number; email: string | null }> = await db
        .selectFrom('people')
        .select(['id', 'email'])
        .where('email', 'is not', null)
        .execute()
      const count = (keys: string[]) =>
        keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())
      const usersPer = count(users.map((u) => key(u.email)))
      const peoplePer = count(people.map((p) => key(p.email ?? '')).filter(Boolean))
      for (const person of people) {
        const email = key(person.email ?? '')
        if (!email || peoplePer.get(email) !== 1 || usersPer.get(email) !== 1) continue
        const user = users.find((u) => key(u.email) === email)
        if (user)
          await db.updateTable('users').set({ person_id: person.id }).where('id', '=', user.id).execute()
      }
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropIndex('users_person').execute()
      await db.schema.alterTable('users').dropColumn('person_id').execute()
    },
  }
}
