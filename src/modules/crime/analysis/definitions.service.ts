import type { Db } from '../../../db/database.ts'
import { ConflictError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { Actor, AuditService } from '../../audit/service.ts'
import * as repo from '../repository.ts'
import { definitionInput } from '../schema.ts'

export const SERIOUS_VIOLENCE = 'serious-violence'

export interface Definition {
  key: string
  name: string
  description: string | null
  policeUkTypes: string[]
  recordedCategories: string[]
  /** 0 until the partnership first saves its own. */
  version: number
  saved: boolean
}

// A starting point until the partnership saves its own: the Serious Violence Duty guidance's core
// of homicide, violence with injury, robbery and weapon possession. police.uk publishes violence and
// sexual offences as one category, so that category stands in for violence there.
const DEFAULTS: Record<string, Omit<Definition, 'version' | 'saved'>> = {
  [SERIOUS_VIOLENCE]: {
    key: SERIOUS_VIOLENCE,
    name: 'Serious violence',
    description:
      'Homicide, violence with injury, robbery and possession of weapons (the core of the Serious Violence Duty guidance). ' +
      'In police.uk data, violence and sexual offences are one category.',
    policeUkTypes: ['Violence and sexual offences', 'Robbery', 'Possession of weapons'],
    recordedCategories: [
      'VIOLENCE AGAINST THE PERSON / HOMICIDE',
      'VIOLENCE AGAINST THE PERSON / VIOLENCE WITH INJURY',
      'ROBBERY',
      'POSSESSION OF WEAPONS',
    ],
  },
}

const STALE =
  'Someone else changed this definition after you opened it. Check their version below, then make your changes again.'

/** Saved local definitions (a chosen set of categories), used throughout the analyses. */
export function createDefinitionsService(db: Db, audit: AuditService) {
  function fromRow(row: NonNullable<Awaited<ReturnType<typeof repo.findDefinition>>>): Definition {
    return {
      key: row.key,
      name: row.name,
      description: row.description,
      policeUkTypes: JSON.parse(row.police_uk_types) as string[],
      recordedCategories: JSON.parse(row.recorded_categories) as string[],
      version: row.version,
      saved: true,
    }
  }

  async function get(key: string = SERIOUS_VIOLENCE): Promise<Definition> {
    const row = await repo.findDefinition(db, key)
    if (row) return fromRow(row)
    const fallback = DEFAULTS[key]
    if (!fallback) throw new Error(`No definition ${key}`)
    return { ...fallback, version: 0, saved: false }
  }

  /** Saves the definition; version 0 saves over the built-in default, the first time. */
  async function save(actor: Actor, key: string, input: unknown): Promise<Definition> {
    const v = parseInput(definitionInput, input)
    const now = new Date().toISOString()
    const values = {
      name: v.name,
      description: v.description ?? null,
      police_uk_types: JSON.stringify([...new Set(v.policeUkTypes)]),
      recorded_categories: JSON.stringify([...new Set(v.recordedCategories.map((c) => c.toUpperCase()))]),
      updated_at: now,
    }
    await db.transaction().execute(async (trx) => {
      const before = await repo.findDefinition(trx, key)
      if (!before) {
        if (v.version !== 0) throw new ConflictError(STALE, null)
        await repo.insertDefinition(trx, { key, ...values, created_at: now, version: 1 })
      } else if (!(await repo.updateDefinition(trx, key, v.version, values))) {
        const current = await repo.findDefinition(trx, key)
        throw new ConflictError(STALE, current ? fromRow(current) : null)
      }
      await audit.record(trx, actor, {
        action: 'crime.definition.save',
        entityType: 'crime_definition',
        entityId: key,
        before: before
          ? {
              name: before.name,
              police_uk_types: before.police_uk_types,
              recorded_categories: before.recorded_categories,
            }
          : undefined,
        after: {
          name: values.name,
          police_uk_types: values.police_uk_types,
          recorded_categories: values.recorded_categories,
        },
      })
    })
    return get(key)
  }

  return { get, save }
}

export type DefinitionsService = ReturnType<typeof createDefinitionsService>
