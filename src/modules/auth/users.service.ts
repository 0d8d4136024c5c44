import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import type { CurrentUser } from '../../access/current-user.ts'
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts'
import * as repo from './repository.ts'
import { changeOwnPasswordInput, newUserInput, setPasswordInput, userChangesInput } from './schema.ts'

const STALE = 'Someone else changed this user after you opened the page. Check their changes, then make yours again.'
const EMAIL_TAKEN = { email: 'A user with this email address already exists' }

/** Another writer took the address between the check and the write (PostgreSQL runs them side by side). */
function emailTaken(error: unknown): never {
  if (isUniqueViolation(error, 'users', 'email')) throw new ValidationError(EMAIL_TAKEN)
  throw error
}

function visible(u: { email: string; name: string; role: string; organisation_id: number; disabled_at: string | null }) {
  return { email: u.email, name: u.name, role: u.role, organisation_id: u.organisation_id, disabled_at: u.disabled_at }
}

/** The people who can sign in: created, changed, disabled and re-enabled by an administrator. */
export function createUsersService(db: Db, audit: AuditService, partners: PartnersService) {
  async function get(id: number) {
    const user = await repo.findUser(db, id)
    if (!user) throw new NotFoundError('User')
    return user
  }

  async function checkOrganisation(id: number) {
    try {
      await partners.getOrganisation(id)
    } catch (error) {
      if (error instanceof NotFoundError) throw new ValidationError({ organisationId: 'Select an organisation from the list' })
      throw error
    }
  }

  function checkPasswordAgainstEmail(password: string, email: string) {
    const [problem] = passwordProblems(password, email)
    if (problem) throw new ValidationError({ password: problem })
  }

  async function create(actor: Actor, input: unknown) {
    const v = parseInput(newUserInput, input)
    checkPasswordAgainstEmail(v.password, v.email)
    await checkOrganisation(v.organisationId)
    const passwordHash = await hashPassword(v.password)
    return db.transaction().execute(async (trx) => {
      if (await repo.findUserByEmail(trx, v.email)) throw new ValidationError(EMAIL_TAKEN)
      const values = { email: v.email, name: v.name, organisation_id: v.organisationId, role: v.role }
      const id = await repo.insertUser(trx, { ...values, password_hash: passwordHash, now: new Date().toISOString() }).catch(emailTaken)
      await audit.record(trx, actor, { action: 'user.create', entityType: 'user', entityId: id, after: values })
      return id
    })
  }

  async function update(actor: Actor, id: number, input: unknown) {
    const v = parseInput(userChangesInput, input)
    await checkOrganisation(v.organisationId)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findUser(trx, id)
      if (!before) throw new NotFoundError('User')
      const clash = await repo.findUserByEmail(trx, v.email)
      if (clash && clash.id !== id) throw new ValidationError(EMAIL_TAKEN)
      const changes = { email: v.email, name: v.name, organisation_id: v.organisationId, role: v.role }
      if (!(await repo.updateUser(trx, id, v.version, { ...changes, updated_at: new Date().toISOString() }).catch(emailTaken))) {
        throw new ConflictError(STALE, before)
      }
      // A change of role takes effect at once: existing sessions carry the old one no further.
      if (before.role !== v.role) await repo.deleteUserSessions(trx, id)
      await audit.record(trx, actor, { action: 'user.update', entityType: 'user', entityId: id, before: visible(before), after: changes })
    })
  }

  async function setDisabled(actor: Actor, id: number, version: number, disabled: boolean) {
    if (disabled && actor.userId === id) throw new ValidationError({ form: 'You cannot disable your own account' })
    await db.transaction().execute(async (trx) => {
      const before = await repo.findUser(trx, id)
      if (!before) throw new NotFoundError('User')
      const now = new Date().toISOString()
      if (!(await repo.updateUser(trx, id, version, { disabled_at: disabled ? now : null, updated_at: now }))) {
        throw new ConflictError(STALE, before)
      }
      if (disabled) await repo.deleteUserSessions(trx, id)
      await audit.record(trx, actor, {
        action: disabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityId: id,
        before: { disabled_at: before.disabled_at },
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
      await repo.updateUser(trx, id, user.version, { password_hash: passwordHash, password_changed_at: now, updated_at: now })
      await repo.deleteUserSessions(trx, id)
      await audit.record(trx, actor, { action: 'user.reset-password', entityType: 'user', entityId: id })
    })
  }

  async function changeOwnPassword(actor: Actor, user: CurrentUser, input: unknown) {
    const v = parseInput(changeOwnPasswordInput, input)
    const stored = await repo.findUserByEmail(db, user.email)
    if (!stored || !(await verifyPassword(stored.password_hash, v.currentPassword))) {
      throw new ValidationError({ currentPassword: 'Your current password is not right' })
    }
    checkPasswordAgainstEmail(v.password, user.email)
    const passwordHash = await hashPassword(v.password)
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString()
      await repo.updateUser(trx, user.id, stored.version, { password_hash: passwordHash, password_changed_at: now, updated_at: now })
      await audit.record(trx, actor, { action: 'user.change-password', entityType: 'user', entityId: user.id })
    })
  }

  return {
    list: () => repo.listUsers(db),
    count: () => repo.countUsers(db),
    findByEmail: async (email: string) => {
      const row = await repo.findUserByEmail(db, email.trim().toLowerCase())
      return row ? get(row.id) : undefined
    },
    get,
    create,
    update,
    disable: (actor: Actor, id: number, version: number) => setDisabled(actor, id, version, true),
    enable: (actor: Actor, id: number, version: number) => setDisabled(actor, id, version, false),
    setPassword,
    changeOwnPassword,
  }
}

export type UsersService = ReturnType<typeof createUsersService>
