import type { Db, Executor } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PeopleField, PeopleFile, PeopleFileRow } from './people-file.ts'
import * as repo from './repository.ts'
import { personInput } from './schema.ts'

export interface PeopleImportProblem {
  row: number
  /** The column as the sheet names it (`D (Email)`), or null for the row as a whole. */
  column: string | null
  message: string
}

export interface PersonToAdd {
  row: number
  name: string
  organisation: string | null
  jobTitle: string | null
  email: string | null
}

export interface PersonAlreadyHeld {
  row: number
  name: string
  /** Why the row was taken for someone already held, and who. */
  reason: string
  personId: number | null
}

export interface PeopleImportReport {
  fileName: string
  /** True once the people were saved; a dry run, or a file with problems, saves nothing. */
  saved: boolean
  added: PersonToAdd[]
  alreadyHeld: PersonAlreadyHeld[]
  problems: PeopleImportProblem[]
}

/** Names compared as people would: any case, any spacing, accents as typed. */
export const personNameKey = (name: string) =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
const emailKey = (email: string | null | undefined) => email?.trim().toLowerCase() || null

const FIELD_OF_INPUT: Record<string, PeopleField> = {
  name: 'name',
  email: 'email',
  jobTitle: 'jobTitle',
  organisationId: 'organisation',
}

/**
 * The partnership's list of people, checked whole and then saved whole. Anyone already held (the
 * same name or email address as a person in Safer, or as an earlier row) is reported and left out,
 * never added twice; any problem in any row means nothing is saved.
 */
export function createPeopleImport(db: Db, audit: AuditService) {
  async function check(exec: Executor, file: PeopleFile) {
    const problems: PeopleImportProblem[] = []
    const added: Array<PersonToAdd & { organisationId: number | null }> = []
    const alreadyHeld: PersonAlreadyHeld[] = []
    const column = (field: PeopleField) => file.columns[field] ?? null
    const organisations = await repo.listOrganisations(exec)
    const byName = new Map<string, { id: number | null; label: string }>()
    const byEmail = new Map<string, { id: number | null; label: string }>()
    for (const p of await repo.listPersonKeys(exec)) {
      const held = { id: p.id, label: `${p.name} (person ${p.id})` }
      if (!byName.has(personNameKey(p.name))) byName.set(personNameKey(p.name), held)
      const email = emailKey(p.email)
      if (email && !byEmail.has(email)) byEmail.set(email, held)
    }
    if (file.rows.length === 0)
      problems.push({
        row: 1,
        column: null,
        message: `${file.fileName} lists no people under its header row`,
      })

    for (const row of file.rows) {
      const rowProblems = checkRow(row, organisations, column)
      if (rowProblems.problems.length) {
        problems.push(...rowProblems.problems)
        continue
      }
      const person = rowProblems.person
      const name = personNameKey(person.name)
      const email = emailKey(person.email)
      const sameEmail = email ? byEmail.get(email) : undefined
      const sameName = byName.get(name)
      if (sameEmail || sameName) {
        const held = (sameEmail ?? sameName) as { id: number | null; label: string }
        alreadyHeld.push({
          row: row.row,
          name: person.name,
          personId: held.id,
          reason: `the same ${sameEmail ? 'email address' : 'name'} as ${held.label}`,
        })
        continue
      }
      added.push(person)
      const label = { id: null, label: `row ${row.row}` }
      byName.set(name, label)
      if (email) byEmail.set(email, label)
    }
    return { problems, added, alreadyHeld }
  }

  async function importPeople(
    actor: Actor,
    file: PeopleFile,
    options: { dryRun?: boolean } = {},
  ): Promise<PeopleImportReport> {
    const report = (r: Awaited<ReturnType<typeof check>>, saved: boolean): PeopleImportReport => ({
      fileName: file.fileName,
      saved,
      added: r.added.map(({ organisationId: _, ...p }) => p),
      alreadyHeld: r.alreadyHeld,
      problems: r.problems,
    })
    if (options.dryRun) return report(await check(db, file), false)
    return db.transaction().execute(async (trx) => {
      const checked = await check(trx, file)
      if (checked.problems.length) return report(checked, false)
      const now = new Date().toISOString()
      for (const p of checked.added) {
        const values = {
          name: p.name,
          job_title: p.jobTitle,
          organisation_id: p.organisationId,
          email: p.email,
        }
        const id = await repo.insertPerson(trx, values, now)
        await audit.record(trx, actor, {
          action: 'person.create',
          entityType: 'person',
          entityId: id,
          after: values,
        })
      }
      await audit.record(trx, actor, {
        action: 'people.import',
        entityType: 'person',
        detail: { file: file.fileName, added: checked.added.length, alreadyHeld: checked.alreadyHeld.length },
      })
      return report(checked, true)
    })
  }

  return { importPeople }
}

function checkRow(
  row: PeopleFileRow,
  organisations: Array<{ id: number; name: string; short_name: string }>,
  column: (field: PeopleField) => string | null,
): { problems: PeopleImportProblem[]; person: PersonToAdd & { organisationId: number | null } } {
  const problems: PeopleImportProblem[] = []
  let organisationId: number | null = null
  if (row.organisation) {
    const key = row.organisation.toLowerCase()
    const found = organisations.find(
      (o) => o.short_name.toLowerCase() === key || o.name.toLowerCase() === key,
    )
    if (found) organisationId = found.id
    else {
      const known =
        organisations.map((o) => o.short_name).join(', ') ||
        'none – add them first with safer organisation add'
      problems.push({
        row: row.row,
        column: column('organisation'),
        message: `No organisation "${row.organisation}". Known: ${known}`,
      })
    }
  }
  let parsed = { name: row.name, jobTitle: row.jobTitle || null, email: row.email || null }
  try {
    parsed = parseInput(personInput, { name: row.name, jobTitle: row.jobTitle, email: row.email })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    for (const [field, message] of Object.entries(error.fieldErrors)) {
      problems.push({ row: row.row, column: column(FIELD_OF_INPUT[field] ?? 'name'), message })
    }
  }
  return {
    problems,
    person: {
      row: row.row,
      name: parsed.name,
      organisation: row.organisation || null,
      jobTitle: parsed.jobTitle,
      email: parsed.email,
      organisationId,
    },
  }
}
