import type { Db, Executor } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import * as repo from './repository.ts'
import { organisationChanges, organisationInput, personChanges, personInput } from './schema.ts'

const STALE = 'Someone else changed this record after you opened it. Check their changes below, then make yours again.'

/** Partner organisations and the people that plans and boards name (who need not be users). */
export function createPartnersService(db: Db, audit: AuditService) {
  async function getOrganisation(id: number) {
    const row = await repo.findOrganisation(db, id)
    if (!row) throw new NotFoundError('Organisation')
    return row
  }

  async function createOrganisation(actor: Actor, input: unknown) {
    const v = parseInput(organisationInput, input)
    return db.transaction().execute(async (trx) => {
      if (await repo.findOrganisationByName(trx, v.name)) {
        throw new ValidationError({ name: 'An organisation with this name already exists' })
      }
      const values = { name: v.name, short_name: v.shortName, type: v.type }
      const id = await repo.insertOrganisation(trx, values, new Date().toISOString())
      await audit.record(trx, actor, { action: 'organisation.create', entityType: 'organisation', entityId: id, after: values })
      return id
    })
  }

  async function updateOrganisation(actor: Actor, id: number, input: unknown) {
    const v = parseInput(organisationChanges, input)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findOrganisation(trx, id)
      if (!before) throw new NotFoundError('Organisation')
      const clash = await repo.findOrganisationByName(trx, v.name)
      if (clash && clash.id !== id) throw new ValidationError({ name: 'An organisation with this name already exists' })
      const values = { name: v.name, short_name: v.shortName, type: v.type }
      if (!(await repo.updateOrganisation(trx, id, v.version, values, new Date().toISOString()))) {
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

  async function getPerson(id: number) {
    const row = await repo.findPerson(db, id)
    if (!row) throw new NotFoundError('Person')
    return row
  }

  async function checkOrganisation(trx: Executor, id: number | null) {
    if (id !== null && !(await repo.findOrganisation(trx, id))) {
      throw new ValidationError({ organisationId: 'Select an organisation from the list' })
    }
  }

  function personValues(v: { name: string; jobTitle: string | null; organisationId: number | null; email: string | null }) {
    return { name: v.name, job_title: v.jobTitle, organisation_id: v.organisationId, email: v.email }
  }

  async function createPerson(actor: Actor, input: unknown) {
    const v = parseInput(personInput, input)
    return db.transaction().execute(async (trx) => {
      await checkOrganisation(trx, v.organisationId)
      const values = personValues(v)
      const id = await repo.insertPerson(trx, values, new Date().toISOString())
      await audit.record(trx, actor, { action: 'person.create', entityType: 'person', entityId: id, after: values })
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
      if (!(await repo.updatePerson(trx, id, v.version, values, new Date().toISOString()))) throw new ConflictError(STALE, before)
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

  return {
    listOrganisations: () => repo.listOrganisations(db),
    getOrganisation,
    createOrganisation,
    updateOrganisation,
    listPeople: () => repo.listPeople(db),
    getPerson,
    createPerson,
    updatePerson,
  }
}

export type PartnersService = ReturnType<typeof createPartnersService>
export { STALE as STALE_RECORD_MESSAGE }
