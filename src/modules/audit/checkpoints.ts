import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import { sameDigest, sign } from './hash.ts'
import type { AuditKey, Keyring } from './keyring.ts'

/** A signed note of the log's head, kept outside the database: what verify holds the chain to. */
export interface Checkpoint {
  at: string
  database: string
  entryId: number
  hash: string
  entries: number
  reason: string
  key: string
  signature: string
}

export type CheckpointFields = Omit<Checkpoint, 'key' | 'signature'>

function signedText(c: Omit<Checkpoint, 'signature'>): string {
  return JSON.stringify([
    'safer audit checkpoint',
    c.at,
    c.database,
    c.entryId,
    c.hash,
    c.entries,
    c.reason,
    c.key,
  ])
}

export function signCheckpoint(fields: CheckpointFields, key: AuditKey): Checkpoint {
  const unsigned = { ...fields, key: key.id }
  return { ...unsigned, signature: sign(key.secret, signedText(unsigned)) }
}

/** One file per database, so that a second database (a test, a copy) never meets another's checkpoints. */
export function checkpointFile(dir: string, database: string): string {
  const slug = basename(database.replace(/\?.*$/, '')).replace(/[^A-Za-z0-9_.-]+/g, '-') || 'database'
  const digest = createHash('sha256').update(database).digest('hex').slice(0, 12)
  return join(dir, `${slug}-${digest}.checkpoints.jsonl`)
}

/** Appends one line; the directory and file are the service account's alone. */
export function appendCheckpoint(file: string, dir: string, checkpoint: Checkpoint): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 })
}

export type CheckpointReading = { ok: true; checkpoints: Checkpoint[] } | { ok: false; reason: string }

const when = (c: { at?: unknown }) => String(c.at)

/** Reads every checkpoint of the file and checks each signature; any line that fails is named. */
export function readCheckpoints(file: string, database: string, keys: Keyring): CheckpointReading {
  if (!existsSync(file)) return { ok: true, checkpoints: [] }
  const checkpoints: Checkpoint[] = []
  const lines = readFileSync(file, 'utf8').split('\n')
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue
    let c: Checkpoint
    try {
      c = JSON.parse(line)
    } catch {
      return { ok: false, reason: `line ${i + 1} of ${file} is not a checkpoint` }
    }
    const key = keys.byId(c.key)
    if (!key)
      return {
        ok: false,
        reason: `the checkpoint of ${when(c)} is signed with key ${String(c.key)}, which is neither AUDIT_KEY nor in AUDIT_PREVIOUS_KEYS`,
      }
    const expected = signCheckpoint(
      {
        at: c.at,
        database: c.database,
        entryId: c.entryId,
        hash: c.hash,
        entries: c.entries,
        reason: c.reason,
      },
      key,
    )
    if (typeof c.signature !== 'string' || !sameDigest(c.signature, expected.signature)) {
      return {
        ok: false,
        reason: `the checkpoint of ${when(c)} (line ${i + 1} of ${file}) does not match its signature: it was altered`,
      }
    }
    if (c.database !== database)
      return {
        ok: false,
        reason: `the checkpoint of ${when(c)} in ${file} is of another database (${c.database})`,
      }
    checkpoints.push(c)
  }
  return { ok: true, checkpoints }
}

/** Moves a database's checkpoints aside when its log is started again from nothing (the demo, a fresh install). */
export function retireCheckpoints(file: string, at: string): string | null {
  if (!existsSync(file)) return null
  const retired = `${file}.retired-${at.replace(/[:.]/g, '-')}`
  renameSync(file, retired)
  return retired
}
