import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { entryHash, GENESIS_HASH, keyedEntryHash } from '../../src/modules/audit/hash.ts'
import { CHECKPOINT_EVERY } from '../../src/modules/audit/integrity.ts'
import {
  type AuditLogFixture,
  auditLogFixture,
  checkpointsIn,
  dropGuards,
  entries,
  KEY_A,
  KEY_B,
  rewriteFrom,
  writeEntries,
} from '../helpers/audit-log.ts'
import { DIALECTS } from '../helpers/databases.ts'

describe.each(DIALECTS)('the keyed, anchored audit chain on %s', (dialect) => {
  let f: AuditLogFixture
  afterEach(() => f?.close())

  /** 140 entries, a checkpoint every 100 on the way, and one of the head as at a start. */
  async function anchoredLog() {
    f = await auditLogFixture(dialect)
    await writeEntries(f.deps, 140)
    const written = await f.deps.services.audit.checkpoint('start')
    if (!written) throw new Error('no checkpoint written')
    await dropGuards(f.deps)
    return written
  }

  it('writes a signed checkpoint at least every 100 entries, and a clean chain passes against them', async () => {
    const { file, checkpoint } = await anchoredLog()
    const all = checkpointsIn(file)
    expect(all.map((c) => [c.entryId, c.entries, c.reason])).toEqual([
      [CHECKPOINT_EVERY, CHECKPOINT_EVERY, `every ${CHECKPOINT_EVERY} entries`],
      [140, 140, 'start'],
    ])
    expect(checkpoint.signature).toMatch(/^[0-9a-f]{64}$/)
    const report = await f.deps.services.audit.verifyInDetail()
    expect(report.result).toEqual({ ok: true, entries: 140 })
    expect(report).toMatchObject({ checkpoints: 2, latest: { entryId: 140, entries: 140 } })
    expect(report.segments).toEqual([
      { key: expect.stringMatching(/^[0-9a-f]{16}$/), firstId: 1, entries: 140 },
    ])
  })

  it('names the gap when the last entries are deleted', async () => {
    const { checkpoint } = await anchoredLog()
    await f.deps.database.db.deleteFrom('audit_log').where('id', '>', 100).execute()
    expect(await f.deps.services.audit.verify()).toEqual({
      ok: false,
      entries: 100,
      badEntryId: null,
      reason: `entries 101–140 are missing: the checkpoint of ${checkpoint.at} records 140 entries ending at id 140`,
    })
  })

  it('names the gap when every entry is deleted', async () => {
    const { checkpoint } = await anchoredLog()
    await f.deps.database.db.deleteFrom('audit_log').execute()
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      entries: 0,
      reason: `entries 1–140 are missing: the checkpoint of ${checkpoint.at} records 140 entries ending at id 140`,
    })
  })

  it('names the entry edited when every later hash is recomputed with the unkeyed algorithm', async () => {
    await anchoredLog()
    await rewriteFrom(f.deps, 50, { detail: '{"label":"forged"}' }, (prev, row) => entryHash(prev, row))
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      entries: 49,
      badEntryId: 50,
      reason: expect.stringContaining('plain SHA-256'),
    })
  })

  it('fails when the whole chain is recomputed with the unkeyed algorithm: by the checkpoints, and without them by the key', async () => {
    const { file } = await anchoredLog()
    await rewriteFrom(f.deps, 1, { actor: 'someone else' }, (prev, row) => entryHash(prev, row))
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      badEntryId: 100,
      reason: expect.stringContaining('does not match the checkpoint'),
    })
    // Even an attacker who also removes the checkpoints is left with a log nothing keyed vouches for.
    rmSync(file)
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      badEntryId: null,
      reason: expect.stringContaining('unkeyed'),
    })
  })

  it('names the entry edited when every later hash is recomputed with a wrong key', async () => {
    await anchoredLog()
    await rewriteFrom(f.deps, 50, { detail: '{"label":"forged"}' }, (prev, row) =>
      keyedEntryHash(KEY_B, prev, row),
    )
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      entries: 49,
      badEntryId: 50,
      reason: expect.stringContaining('altered'),
    })
  })

  it('catches even a rewrite made with the right key, by the checkpoint kept outside the database', async () => {
    const { checkpoint } = await anchoredLog()
    await rewriteFrom(f.deps, 120, { detail: '{"label":"forged"}' }, (prev, row) =>
      keyedEntryHash(KEY_A, prev, row),
    )
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      badEntryId: 140,
      reason: expect.stringContaining(`does not match the checkpoint of ${checkpoint.at}`),
    })
  })

  it('passes across a key rotation given both keys, with the rotation entry signed by each', async () => {
    f = await auditLogFixture(dialect)
    await writeEntries(f.deps, 10)
    const rotated = await f.open({ AUDIT_KEY: KEY_B, AUDIT_PREVIOUS_KEYS: KEY_A })
    const rotation = await rotated.services.audit.rotateKey()
    expect(rotation.head).toBe('rotated')
    await writeEntries(rotated, 5)
    const report = await rotated.services.audit.verifyInDetail()
    expect(report.result).toEqual({ ok: true, entries: 16 })
    expect(report.segments.map((s) => [s.firstId, s.entries])).toEqual([
      [1, 10],
      [11, 6],
    ])
    const marker = (await entries(rotated))[10]
    expect(marker?.action).toBe('audit.key-rotated')
    expect(JSON.parse(marker?.detail ?? '{}')).toMatchObject({
      from: report.segments[0]?.key,
      to: rotation.key,
      handover: expect.stringMatching(/^[0-9a-f]{64}$/),
    })

    // Without the old key, the old segment cannot be checked.
    const newKeyOnly = await f.open({ AUDIT_KEY: KEY_B })
    expect(await newKeyOnly.services.audit.verify()).toMatchObject({ ok: false, badEntryId: 1 })
    // A restart with a new key and the old one among the previous keys hands over by itself at the first write.
    const third = 'audit-key-c-'.padEnd(44, 'c')
    const restarted = await f.open({ AUDIT_KEY: third, AUDIT_PREVIOUS_KEYS: `${KEY_B},${KEY_A}` })
    await writeEntries(restarted, 1)
    const after = await restarted.services.audit.verifyInDetail()
    expect(after.result).toEqual({ ok: true, entries: 18 })
    expect(after.segments).toHaveLength(3)
  })

  it('verifies a log begun before the chain was keyed as a legacy first segment, once sealed', async () => {
    f = await auditLogFixture(dialect)
    // Three entries as the unkeyed chain wrote them.
    let prev = GENESIS_HASH
    for (let i = 1; i <= 3; i++) {
      const content = {
        at: `2026-11-0${i}T09:00:00.000Z`,
        actor_user_id: null,
        actor: 'older',
        action: 'test.legacy',
        entity_type: 'test',
        entity_id: String(i),
        ip: null,
        detail: '{}',
      }
      const hash = entryHash(prev, content)
      await f.deps.database.db
        .insertInto('audit_log')
        .values({ ...content, prev_hash: prev, hash })
        .execute()
      prev = hash
    }
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unkeyed'),
    })

    const { head } = await f.deps.services.audit.startUp()
    expect(head).toBe('sealed')
    await writeEntries(f.deps, 2)
    const report = await f.deps.services.audit.verifyInDetail()
    expect(report.result).toEqual({ ok: true, entries: 6 })
    expect(report.segments.map((s) => [s.key === null, s.firstId, s.entries])).toEqual([
      [true, 1, 3],
      [false, 4, 3],
    ])
    expect((await entries(f.deps))[3]).toMatchObject({ action: 'audit.chain-keyed' })

    // Rewriting a legacy entry now breaks the sealed chain.
    await dropGuards(f.deps)
    await rewriteFrom(f.deps, 2, { actor: 'someone else' }, (p, row) => entryHash(p, row))
    expect(await f.deps.services.audit.verify()).toMatchObject({ ok: false, badEntryId: 4 })
  })

  it('fails, naming it, on a checkpoint altered by hand', async () => {
    const { file } = await anchoredLog()
    writeFileSync(file, readFileSync(file, 'utf8').replace('"entries":140', '"entries":139'))
    expect(existsSync(file)).toBe(true)
    expect(await f.deps.services.audit.verify()).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not match its signature'),
    })
  })
})
