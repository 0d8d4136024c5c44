import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { sha256 } from '../../shared/secrets.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { revokeAllTokens } from './api-tokens.ts'
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts'
import * as repo from './repository.ts'
import {
  changeOwnPasswordInput,
  newUserInput,
  setPasswordInput,
  userChangesInput,
  userPersonInput,
} from './schema.ts'
import { auditedFields, toUser, type User } from './user.ts'

const STALE =
  'Someone else changed this user after you opened the page. Check their changes, then make yours again.'
const EMAIL_TAKEN = { email: 'A user with this email address already exists' }

const PERSON_TAKEN = { personId: 'This person is already linked to another user' }

/** Another writer took the address or the person between the check and the write (PostgreSQL runs them side by side). */
function emailTaken(error: unknown): never {
  if (isUniqueViolation(error, 'users', 'email')) throw new ValidationError(EMAIL_TAKEN)
  if (isUniqueViolation(error, 'users', 'person_id')) throw new ValidationError(PERSON_TAKEN)
  throw error
}

/** A user an administrator might link to a person: they share an email address. */
export interface LinkSuggestion {
  user: { id: number; email: string; name: string }
  person: { id: number; name: string }
  email: string
}

/** The people who can sign in: created, changed, disabled and re-enabled by an administrator. */
export function createUsersService(db: Db, audit: AuditService, partners: PartnersService) {
  async function findRow(exec: Executor, id: number) {
    const row = await repo.findUser(exec, id)
    if (!row) throw new NotFoundError('User')
    return row
  }
  const get = async (id: number): Promise<User> => toUser(await findRow(db, id))

  /** The person must exist: checked before the transaction, as the partners service reads outside it. */
  async function checkPersonExists(personId: number | null | undefined) {
    if (personId === null || personId === undefined) return
    try {
      await partners.getPerson(personId)
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new ValidationError({ personId: 'Select a person from the list' })
      throw error
    }
  }

  /** …and be linked to no other user. */
  async function checkPersonFree(exec: Executor, personId: number | null | undefined, userId?: number) {
    if (personId === null || personId === undefined) return
    const holder = await repo.findUserOfPerson(exec, personId)
    if (holder && holder.id !== userId) throw new ValidationError(PERSON_TAKEN)
  }

  async function checkOrganisation(id: number) {
    try {
      await partners.getOrganisation(id)
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new ValidationError({ organisationId: 'Select an organisation from the list' })
      throw error
    }
  }

  function checkPasswordAgainstEmail(password: string, email: string) {
    const [problem] = passwordProblems(password, email)
    if (problem) throw new ValidationError({ password: problem })
  }

  type NewUser = ReturnType<typeof newUserInput.parse> & { passwordHash: string }

  /** Checks what needs no transaction, and hashes the password (slow) before one is opened. */
  async function prepareUser(input: unknown): Promise<NewUser> {
    const v = parseInput(newUserInput, input)
    checkPasswordAgainstEmail(v.password, v.email)
    return { ...v, passwordHash: await hashPassword(v.password) }
  }

  async function insertUser(trx: Executor, actor: Actor, v: NewUser) {
    if (await repo.findUserByEmail(trx, v.email)) throw new ValidationError(EMAIL_TAKEN)
    await checkPersonFree(trx, v.personId)
    const values = {
      email: v.email,
      name: v.name,
      organisation_id: v.organisationId,
      role: v.role,
      person_id: v.personId ?? null,
    }
    const id = await repo
      .insertUser(trx, { ...values, password_hash: v.passwordHash, now: new Date().toISOString() })
      .catch(emailTaken)
    await audit.record(trx, actor, { action: 'user.create', entityType: 'user', entityId: id, after: values })
    return id
  }

  async function create(actor: Actor, input: unknown) {
    const v = await prepareUser(input)
    await checkOrganisation(v.organisationId)
    await checkPersonExists(v.personId)
    return db.transaction().execute((trx) => insertUser(trx, actor, v))
  }

  async function update(actor: Actor, id: number, input: unknown) {
    const v = parseInput(userChangesInput, input)
    await checkOrganisation(v.organisationId)
    await checkPersonExists(v.personId)
    await db.transaction().execute(async (trx) => {
      // A stale save answers with the stored record as the API has always given it.
      const stored = await findRow(trx, id)
      const before = toUser(stored)
      const clash = await repo.findUserByEmail(trx, v.email)
      if (clash && clash.id !== id) throw new ValidationError(EMAIL_TAKEN)
      await checkPersonFree(trx, v.personId, id)
      const changes = {
        email: v.email,
        name: v.name,
        organisation_id: v.organisationId,
        role: v.role,
        person_id: v.personId === undefined ? before.personId : v.personId,
      }
      if (
        !(await repo
          .updateUser(trx, id, v.version, { ...changes, updated_at: new Date().toISOString() })
          .catch(emailTaken))
      ) {
        throw new ConflictError(STALE, stored)
      }
      // A change of role takes effect at once: existing sessions carry the old one no further.
      if (before.role !== v.role) await repo.deleteUserSessions(trx, id)
      await audit.record(trx, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: auditedFields(before),
        after: changes,
      })
    })
  }

  async function setDisabled(actor: Actor, id: number, version: number, disabled: boolean) {
    if (disabled && actor.userId === id)
      throw new ValidationError({ form: 'You cannot disable your own account' })
    await db.transaction().execute(async (trx) => {
      const stored = await findRow(trx, id)
      const now = new Date().toISOString()
      if (
        !(await repo.updateUser(trx, id, version, { disabled_at: disabled ? now : null, updated_at: now }))
      ) {
        throw new ConflictError(STALE, stored)
      }
      if (disabled) await repo.deleteUserSessions(trx, id)
      await audit.record(trx, actor, {
        action: disabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityId: id,
        before: { disabled_at: stored.disabled_at },
        after: { disabled_at: disabled ? now : null },
      })
    })
  }

  async function setPassword(actor: Actor, id: number, input: unknown) {
    const { password } = parseInput(setPasswordInput, input)
    const user = await get(id)
    checkPasswordAgainstEmail(password, user.email)
    const passwordHash = await hashPassword(password)
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString()
      await repo.updateUser(trx, id, user.version, {
        password_hash: passwordHash,
        password_changed_at: now,
        updated_at: now,
      })
      // Whoever had the old password may have made tokens with it: a reset shuts every way in.
      await repo.deleteUserSessions(trx, id)
      const tokensRevoked = await revokeAllTokens(trx, id)
      await audit.record(trx, actor, {
        action: 'user.reset-password',
        entityType: 'user',
        entityId: id,
        detail: { tokensRevoked },
      })
    })
  }

  /** Signs the user out everywhere but the session making the change; revokes their API tokens if they ask. */
  async function changeOwnPassword(
    actor: Actor,
    user: CurrentUser,
    input: unknown,
    keepSessionId: string | null = null,
  ) {
    const v = parseInput(changeOwnPasswordInput, input)
    const stored = await repo.findUserByEmail(db, user.email)
    if (!stored || !(await verifyPassword(stored.password_hash, v.currentPassword))) {
      throw new ValidationError({ currentPassword: 'Your current password is not right' })
    }
    checkPasswordAgainstEmail(v.password, user.email)
    const passwordHash = await hashPassword(v.password)
    return db.transaction().execute(async (trx) => {
      const now = new Date().toISOString()
      await repo.updateUser(trx, user.id, stored.version, {
        password_hash: passwordHash,
        password_changed_at: now,
        updated_at: now,
      })
      await repo.deleteUserSessionsExcept(trx, user.id, keepSessionId ? sha256(keepSessionId) : null)
      const tokensRevoked = v.revokeTokens ? await revokeAllTokens(trx, user.id) : 0
      await audit.record(trx, actor, {
        action: 'user.change-password',
        entityType: 'user',
        entityId: user.id,
        detail: { tokensRevoked },
      })
      return { tokensRevoked }
    })
  }

  /**
   * Links the user to the person in the plans they are, or to no one (null). Only this link makes
   * someone a lead of a deliverable; their name and email address do not.
   */
  async function linkPerson(actor: Actor, id: number, input: unknown) {
    const { personId } = parseInput(userPersonInput, input)
    await checkPersonExists(personId)
    await db.transaction().execute(async (trx) => {
      const stored = await findRow(trx, id)
      const before = toUser(stored)
      await checkPersonFree(trx, personId, id)
      if (before.personId === personId) return
      const now = new Date().toISOString()
      if (
        !(await repo
          .updateUser(trx, id, before.version, { person_id: personId, updated_at: now })
          .catch(emailTaken))
      ) {
        throw new ConflictError(STALE, stored)
      }
      // Sessions read the link afresh on every request, so the change applies at once without signing anyone out.
      await audit.record(trx, actor, {
        action: 'user.link-person',
        entityType: 'user',
        entityId: id,
        before: { person_id: before.personId },
        after: { person_id: personId },
      })
    })
  }

  /**
   * Users with no linked person who share an email address (any case) with exactly one person no
   * one else is linked to: candidates for an administrator to confirm, never linked by themselves.
   */
  async function suggestLinks(): Promise<LinkSuggestion[]> {
    const users = (await repo.listUsers(db)).map(toUser)
    const taken = new Set(users.map((u) => u.personId))
    const byEmail = new Map<string, Array<{ id: number; name: string }>>()
    for (const p of await partners.listPeople()) {
      const key = p.email?.trim().toLowerCase()
      if (key && !taken.has(p.id)) byEmail.set(key, [...(byEmail.get(key) ?? []), { id: p.id, name: p.name }])
    }
    const suggestions: LinkSuggestion[] = []
    for (const u of users) {
      const email = u.email.trim().toLowerCase()
      const people = byEmail.get(email)
      if (u.personId === null && people?.length === 1 && people[0]) {
        suggestions.push({ user: { id: u.id, email: u.email, name: u.name }, person: people[0], email })
      }
    }
    return suggestions
  }

  return {
    list: async () => (await repo.listUsers(db)).map(toUser),
    count: () => repo.countUsers(db),
    findByEmail: async (email: string) => {
      const row = await repo.findUserByEmail(db, email.trim().toLowerCase())
      return row ? get(row.id) : undefined
    },
    get,
    create,
    prepareUser,
    /**
     * Creates a prepared user inside the caller's transaction: setting up writes the partnership,
     * its organisations and the first administrator as one unit. The caller checks the organisation.
     */
    createWithin: insertUser,
    /** True once an administrator who is not disabled exists: Safer is then set up. */
    hasActiveAdministrator: (exec: Executor = db) => repo.hasActiveAdministrator(exec),
    update,
    disable: (actor: Actor, id: number, version: number) => setDisabled(actor, id, version, true),
    enable: (actor: Actor, id: number, version: number) => setDisabled(actor, id, version, false),
    linkPerson,
    suggestLinks,
    setPassword,
    changeOwnPassword,
  }
}

export type UsersService = ReturnType<typeof createUsersService>
