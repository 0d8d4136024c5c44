import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPendingImports } from './pending-imports.ts'

describe('uploads waiting for confirmation', () => {
  const dirs: string[] = []
  const freshDir = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'safer-uploads-')), 'uploads')
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(join(d, '..'), { recursive: true, force: true })
  })
  const meta = { userId: 4, fileName: 'plan.csv', title: null, strategyId: null }

  it('gives back the file only to the user who uploaded it, by an unguessable token', async () => {
    const store = createPendingImports(freshDir())
    const token = await store.save(meta, Buffer.from('a,b'))
    expect(token).toMatch(/^[a-f0-9]{48}$/)
    const found = await store.load(4, token)
    expect(found?.content.toString()).toBe('a,b')
    expect(found?.meta).toMatchObject(meta)
    expect(await store.load(5, token)).toBeUndefined()
  })

  it('refuses anything that is not a token, so no path can be smuggled in', async () => {
    const dir = freshDir()
    const store = createPendingImports(dir)
    await store.save(meta, Buffer.from('x'))
    for (const bad of ['../../etc/passwd', `${'a'.repeat(47)}/`, '', undefined, 42, 'A'.repeat(48)]) {
      expect(await store.load(4, bad)).toBeUndefined()
    }
  })

  it('forgets an upload once it is discarded', async () => {
    const dir = freshDir()
    const store = createPendingImports(dir)
    const token = await store.save(meta, Buffer.from('x'))
    await store.discard(token)
    expect(await store.load(4, token)).toBeUndefined()
    expect(readdirSync(dir)).toEqual([])
  })

  it('expires uploads after the time limit, and sweeps away old files', async () => {
    const dir = freshDir()
    let clock = 1_000_000
    const store = createPendingImports(dir, { maxAgeMs: 1000, now: () => clock })
    const token = await store.save(meta, Buffer.from('x'))
    clock += 1001
    expect(await store.load(4, token)).toBeUndefined()

    const old = await store.save(meta, Buffer.from('y'))
    const past = new Date(Date.now() - 3_600_000)
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past)
    await createPendingImports(dir, { maxAgeMs: 1000 }).sweep()
    expect(readdirSync(dir)).toEqual([])
    expect(await store.load(4, old)).toBeUndefined()
  })
})
