import { NotFoundError } from '../../../shared/errors.ts'
import type { Executor } from '../../../db/database.ts'
import type { CasesContext } from '../context.ts'
import { blindIndexes, type NameAndBirth } from '../protection/blind-index.ts'
import type { SubjectInput } from '../referrals/schema.ts'
import type { Candidate, MatchedOn, PersonName, Subject, Address } from './subject.ts'
import * as repo from './subjects.repository.ts'

// Subjects as stored: sealed going in, opened coming out, found by blind index. Not a service of its
// own: the referrals and search services call it once the policy has said yes.

const IDENTITY = 'subject.identity'
const PROFILE = 'subject.profile'
const ALIAS = 'subject.alias'
const ADDRESS = 'subject.address'

export function subjectsStore({ db, cipher, keys, now }: CasesContext) {
  function indexes(who: NameAndBirth): repo.IndexValues {
    const i = blindIndexes(keys.current, who)
    return { name_dob_index: i.nameAndBirth, surname_dob_index: i.surnameAndBirth }
  }

  /** Existing subjects that may be this person, strongest match first; never decided here. */
  async function candidates(who: NameAndBirth): Promise<Candidate[]> {
    const index = indexes(who)
    const found = new Map<number, MatchedOn>()
    for (const row of await repo.subjectsMatching(db, index)) {
      const on: MatchedOn = row.name_dob_index === index.name_dob_index ? 'name-dob' : 'surname-dob'
      if (found.get(row.subject_id) !== 'name-dob') found.set(row.subject_id, on)
    }
    return [...found]
      .map(([subjectId, matchedOn]) => ({ subjectId, matchedOn }))
      .sort((a, b) =>
        a.matchedOn === b.matchedOn ? a.subjectId - b.subjectId : a.matchedOn === 'name-dob' ? -1 : 1,
      )
  }

  async function create(trx: Executor, s: SubjectInput): Promise<number> {
    const id = await repo.insertSubject(
      trx,
      {
        identity_sealed: cipher.sealJson(IDENTITY, {
          forename: s.forename,
          surname: s.surname,
          dateOfBirth: s.dateOfBirth,
        }),
        profile_sealed: cipher.sealJson(PROFILE, {
          gender: s.gender,
          ethnicity: s.ethnicity,
          disability: s.disability,
          sexuality: s.sexuality,
        }),
        ...indexes(s),
      },
      now().toISOString(),
    )
    for (const alias of s.aliases)
      await repo.insertAlias(
        trx,
        id,
        cipher.sealJson(ALIAS, alias),
        indexes({ ...alias, dateOfBirth: s.dateOfBirth }),
      )
    for (const [position, address] of s.addresses.entries())
      await repo.insertAddress(trx, id, cipher.sealJson(ADDRESS, address), position)
    return id
  }

  /** The name alone, for lists: the rest of the subject stays sealed. */
  async function nameOf(id: number): Promise<PersonName> {
    const row = await repo.findSubject(db, id)
    if (!row) throw new NotFoundError('Subject')
    const { forename, surname } = cipher.openJson<PersonName>(IDENTITY, row.identity_sealed)
    return { forename, surname }
  }

  async function read(id: number): Promise<Subject> {
    const row = await repo.findSubject(db, id)
    if (!row) throw new NotFoundError('Subject')
    const identity = cipher.openJson<PersonName & { dateOfBirth: string }>(IDENTITY, row.identity_sealed)
    const profile = cipher.openJson<Pick<Subject, 'gender' | 'ethnicity' | 'disability' | 'sexuality'>>(
      PROFILE,
      row.profile_sealed,
    )
    return {
      id,
      ...identity,
      ...profile,
      aliases: (await repo.aliasesOf(db, id)).map((a) => cipher.openJson<PersonName>(ALIAS, a.name_sealed)),
      addresses: (await repo.addressesOf(db, id)).map((a) =>
        cipher.openJson<Address>(ADDRESS, a.address_sealed),
      ),
    }
  }

  return {
    indexes,
    candidates,
    create,
    nameOf,
    read,
    exists: async (id: number) => !!(await repo.findSubject(db, id)),
  }
}

export type SubjectsStore = ReturnType<typeof subjectsStore>
