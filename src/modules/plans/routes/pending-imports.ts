import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

// An uploaded plan waits here between its preview and the person's confirmation. The browser
// holds only a random token; the file, and who uploaded it, stay on the server. A token is
// used once and lasts an hour.

export interface PendingImport {
  userId: number
  fileName: string
  title: string | null
  strategyId: number | null
  /** Whether the person ticked "Replace the existing plan" when they uploaded it */
  replace?: boolean
  createdAt: number
}

const TOKEN = /^[a-f0-9]{48}$/
export const PENDING_IMPORT_MAX_AGE_MS = 60 * 60 * 1000

export function createPendingImports(dir: string, options: { maxAgeMs?: number; now?: () => number } = {}) {
  const maxAge = options.maxAgeMs ?? PENDING_IMPORT_MAX_AGE_MS
  const now = options.now ?? Date.now
  const files = (token: string) => ({
    meta: join(dir, `${token}.json`),
    content: join(dir, `${token}.upload`),
  })

  async function discard(token: string) {
    if (!TOKEN.test(token)) return
    const f = files(token)
    await Promise.all([rm(f.meta, { force: true }), rm(f.content, { force: true })])
  }

  /** Removes uploads older than the time limit, whether or not anyone comes back for them. */
  async function sweep() {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch {
      return
    }
    const cutoff = now() - maxAge
    await Promise.all(
      names.map(async (name) => {
        const path = join(dir, name)
        const info = await stat(path).catch(() => undefined)
        if (info && info.mtimeMs < cutoff) await rm(path, { force: true })
      }),
    )
  }

  async function save(meta: Omit<PendingImport, 'createdAt'>, content: Buffer): Promise<string> {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await sweep()
    const token = randomBytes(24).toString('hex')
    const f = files(token)
    await writeFile(f.content, content, { mode: 0o600 })
    await writeFile(f.meta, JSON.stringify({ ...meta, createdAt: now() }), { mode: 0o600 })
    return token
  }

  /** The upload for this token, if it exists, is this user's, and is not too old. */
  async function load(
    userId: number,
    token: unknown,
  ): Promise<{ meta: PendingImport; content: Buffer } | undefined> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return undefined
    const f = files(token)
    try {
      const meta = JSON.parse(await readFile(f.meta, 'utf8')) as PendingImport
      if (meta.userId !== userId) return undefined
      if (now() - meta.createdAt > maxAge) {
        await discard(token)
        return undefined
      }
      return { meta, content: await readFile(f.content) }
    } catch {
      return undefined
    }
  }

  return { save, load, discard, sweep }
}

export type PendingImports = ReturnType<typeof createPendingImports>
