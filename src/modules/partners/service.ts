import type { Db, Executor } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { createMergeRecords } from './merge-records.ts'
import { createPartnershipSettings } from './partnership.service.ts'
import { createPeopleImport } from './people-import.service.ts'
import { type Organisation, type Person, toOrganisation, toPerson } from './records.ts'
import * as repo from './repository.ts'
import { organisationChanges, organisationInput, personChanges, personInput } from './schema.ts'

const STALE =
  'Someone else changed this record after you opened it. Check their changes below, then make yours again.'
const NAME_TAKEN = { name: 'An organisation with this name already exists' }
const SHORT_NAME_TAKEN = { shortName: 'An organisation with this short name already exists' }

/** Another writer took the name between the check and the write (PostgreSQL runs them side by side). */
function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'organisations', 'name')) throw new ValidationError(NAME_TAKEN)
  throw error
}

/** Partner organisations and the people that plans and boards name (who need not be users). */
export function createPartnersService(db: Db, audit: AuditService) {
  async function getOrganisation(id: number): Promise<Organisation> {
    const row = await repo.findOrganisation(db, id)
    if (!row) throw new NotFoundError('Organisation')
    return toOrganisation(row)
  }

  /** Adds an organisation inside the caller's transaction (setting up adds several, and the first administrator, at once). */
  async function createOrganisationWithin(exec: Executor, actor: Actor, input: unknown) {
    const v = parseInput(organisationInput, input)
    if (await repo.findOrganisationByName(exec, v.name)) throw new ValidationError(NAME_TAKEN)
    // Commands and imports find an organisation by its short name, so two may not share one.
    if (await repo.findOrganisationByShortName(exec, v.shortName)) throw new ValidationError(SHORT_NAME_TAKEN)
    const values = { name: v.name, short_name: v.shortName, type: v.type }
    const id = await repo.insertOrganisation(exec, values, new Date().toISOString()).catch(nameTaken)
    await audit.record(exec, actor, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: id,
      after: values,
    })
    return id
  }

  async function createOrganisation(actor: Actor, input: unknown) {
    parseInput(organisationInput, input)
    return db.transaction().execute((trx) => createOrganisationWithin(trx, actor, input))
  }

  async function updateOrganisation(actor: Actor, id: number, input: unknown) {
    const v = parseInput(organisationChanges, input)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findOrganisation(trx, id)
      if (!before) throw new NotFoundError('Organisation')
      const clash = await repo.findOrganisationByName(trx, v.name)
      if (clash && clash.id !== id) throw new ValidationError(NAME_TAKEN)
      const shortClash = await repo.findOrganisationByShortName(trx, v.shortName)
      if (shortClash && shortClash.id !== id) throw new ValidationError(SHORT_NAME_TAKEN)
      const values = { name: v.name, short_name: v.shortName, type: v.type }
      if (
        !(await repo
          .updateOrganisation(trx, id, v.version, values, new Date().toISOString())
          .catch(nameTaken))
      ) {
        throw new ConflictError(STALE, before)
      }
      await audit.record(trx, actor, {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        before: { name: before.name, short_name: before.short_name, type: before.type },
        after: values,
      })
    })
  }

  async function getPerson(id: number): Promise<Person> {
    const row = await repo.findPerson(db, id)
    if (!row) throw new NotFoundError('Person')
    return toPerson(row)
  }

  async function checkOrganisation(trx: Executor, id: number | null) {
    if (id !== null && !(await repo.findOrganisation(trx, id))) {
      throw new ValidationError({ organisationId: 'Select an organisation from the list' })
    }
  }

  function personValues(v: {
    name: string
    jobTitle: string | null
    organisationId: number | null
    email: string | null
  }) {
    return { name: v.name, job_title: v.jobTitle, organisation_id: v.organisationId, email: v.email }
  }

  async function createPerson(actor: Actor, input: unknown) {
    const v = parseInput(personInput, input)
    return db.transaction().execute(async (trx) => {
      await checkOrganisation(trx, v.organisationId)
      const values = personValues(v)
      const id = await repo.insertPerson(trx, values, new Date().toISOString())
      await audit.record(trx, actor, {
        action: 'person.create',
        entityType: 'person',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  async function updatePerson(actor: Actor, id: number, input: unknown) {
    const v = parseInput(personChanges, input)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findPerson(trx, id)
      if (!before) throw new NotFoundError('Person')
      await checkOrganisation(trx, v.organisationId)
      const values = personValues(v)
      if (!(await repo.updatePerson(trx, id, v.version, values, new Date().toISOString())))
        throw new ConflictError(STALE, before)
      const { name, job_title, organisation_id, email } = before
      await audit.record(trx, actor, {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        before: { name, job_title, organisation_id, email },
        after: values,
      })
    })
  }

  /**
   * The people a document names, found by name (any case) or added. Runs inside the caller's
   * transaction so an import that fails leaves no half-made people behind.
   */
  async function matchPeople(
    exec: Executor,
    actor: Actor,
    entries: Array<{ name: string; jobTitle?: string | null }>,
  ): Promise<Map<string, number>> {
    // Names are compared in code: SQLite's lower() folds only ASCII, PostgreSQL's folds everything.
    const found = new Map<string, number>()
    const people = await repo.listPersonNames(exec)
    // A name merged into someone else's is that person now: a file that spells it the old way finds them.
    for (const person of [
      ...people.filter((p) => p.merged_into_id === null),
      ...people.filter((p) => p.merged_into_id !== null),
    ]) {
      const key = person.name.trim().toLowerCase()
      if (!found.has(key)) found.set(key, person.merged_into_id ?? person.id)
    }
    const now = new Date().toISOString()
    for (const entry of entries) {
      const key = entry.name.trim().toLowerCase()
      if (!key || found.has(key)) continue
      const values = {
        name: entry.name.trim(),
        job_title: entry.jobTitle ?? null,
        organisation_id: null,
        email: null,
      }
      const id = await repo.insertPerson(exec, values, now)
      await audit.record(exec, actor, {
        action: 'person.create',
        entityType: 'person',
        entityId: id,
        after: values,
      })
      found.set(key, id)
    }
    return found
  }

  return {
    matchPeople,
    ...createMergeRecords(db),
    listOrganisations: async (): Promise<Organisation[]> =>
      (await repo.listOrganisations(db)).map(toOrganisation),
    getOrganisation,
    createOrganisation,
    createOrganisationWithin,
    updateOrganisation,
    listPeople: async (): Promise<Person[]> => (await repo.listPeople(db)).map(toPerson),
    getPerson,
    createPerson,
    updatePerson,
    ...createPartnershipSettings(db, audit),
    ...createPeopleImport(db, audit),
  }
}

export type PartnersService = ReturnType<typeof createPartnersService>
