import { describe, expect, it } from 'vitest'
import { entryHash, GENESIS_HASH } from './hash.ts'

const entry = {
  at: '2026-11-23T09:00:00.000Z',
  actor_user_id: 1,
  actor: 'admin@safer.example',
  action: 'organisation.create',
  entity_type: 'organisation',
  entity_id: '7',
  ip: '127.0.0.1',
  detail: '{"after":{"name":"MPS"}}',
}

describe('audit entry hash', () => {
  it('is a SHA-256 over the previous hash and the content', () => {
    const hash = entryHash(GENESIS_HASH, entry)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(entryHash(GENESIS_HASH, { ...entry })).toBe(hash)
  })

  it('changes when any field or the previous hash changes', () => {
    const hash = entryHash(GENESIS_HASH, entry)
    for (const [field, value] of Object.entries({
      at: 'x',
      actor_user_id: 2,
      actor: 'y',
      action: 'z',
      entity_type: 'w',
      entity_id: '8',
      ip: null,
      detail: '{}',
    })) {
      expect(entryHash(GENESIS_HASH, { ...entry, [field]: value }), field).not.toBe(hash)
    }
    expect(entryHash('f'.repeat(64), entry)).not.toBe(hash)
  })
})
