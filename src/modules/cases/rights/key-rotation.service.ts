import { ForbiddenError } from '../../../shared/errors.ts'
import type { CasesContext } from '../context.ts'
import type { Who } from '../policy.ts'
import type { PersonName } from '../subjects/subject.ts'
import { CASE_PARTS } from './parts.ts'
import * as repo from './rights.repository.ts'
import { isSystemReaderFor } from './system-read.ts'

export interface RotationResult {
  keyId: string
  /** Values re-encrypted, by table.column. */
  reencrypted: Record<string, number>
  /** Values already under the current key (a run after an earlier one). */
  alreadyCurrent: number
  blindIndexesChanged: number
}

/**
 * Re-encrypts every sealed value not under CASE_DATA_KEY, and recomputes every blind index with it,
 * in one transaction (ADR 0031): interrupted, nothing has changed; run again, values already under
 * the current key are left as they are, so a second run finishes the job and a third does nothing.
 */
export function createKeyRotationService(
  { db, audit, cipher, keys }: CasesContext,
  subjects: {
    indexes: (who: PersonName & { dateOfBirth: string }) => {
      name_dob_index: string
      surname_dob_index: string
    }
  },
) {
  async function rotateKey(who: Who): Promise<RotationResult> {
    if (!isSystemReaderFor(who, 'key-rotation'))
      throw new ForbiddenError(
        're-encrypt case data',
        'Keys are rotated by the operator, at the command line.',
      )
    const current = keys.current.id
    return db.transaction().execute(async (trx) => {
      const reencrypted: Record<string, number> = {}
      const from = new Set<string>()
      let alreadyCurrent = 0
      for (const field of CASE_PARTS.flatMap((p) => p.sealed)) {
        let n = 0
        for (const { id, value } of await repo.sealedValues(trx, field.table, field.column)) {
          const keyId = cipher.keyIdOf(value)
          if (keyId === current) {
            alreadyCurrent++
            continue
          }
          // Opening checks the value against its old key; a value under a key not given stops the whole run.
          await repo.setSealedValue(
            trx,
            field.table,
            field.column,
            id,
            cipher.seal(field.purpose, cipher.open(field.purpose, value)),
          )
          from.add(keyId)
          n++
        }
        reencrypted[`${field.table}.${field.column}`] = n
      }
      let blindIndexesChanged = 0
      for (const s of await repo.allSubjectIndexes(trx)) {
        const index = subjects.indexes(cipher.openJson(IDENTITY, s.identity_sealed))
        if (index.name_dob_index === s.name_dob_index && index.surname_dob_index === s.surname_dob_index)
          continue
        await repo.setSubjectIndexes(trx, 'case_subjects', s.id, index)
        blindIndexesChanged++
      }
      for (const a of await repo.allAliases(trx)) {
        const { dateOfBirth } = cipher.openJson<{ dateOfBirth: string }>(IDENTITY, a.identity_sealed)
        const index = subjects.indexes({ ...cipher.openJson<PersonName>(ALIAS, a.name_sealed), dateOfBirth })
        if (index.name_dob_index === a.name_dob_index && index.surname_dob_index === a.surname_dob_index)
          continue
        await repo.setSubjectIndexes(trx, 'case_subject_aliases', a.id, index)
        blindIndexesChanged++
      }
      for (const part of CASE_PARTS)
        blindIndexesChanged += (await part.reindex?.(trx, cipher, keys.current)) ?? 0
      await audit.record(trx, who.actor, {
        action: 'case.rotate-key',
        entityType: 'case-data-key',
        entityId: current,
        detail: {
          from: [...from],
          to: current,
          reencrypted,
          already_current: alreadyCurrent,
          blind_indexes_changed: blindIndexesChanged,
        },
      })
      return { keyId: current, reencrypted, alreadyCurrent, blindIndexesChanged }
    })
  }

  return { rotateKey }
}

const IDENTITY = 'subject.identity'
const ALIAS = 'subject.alias'
