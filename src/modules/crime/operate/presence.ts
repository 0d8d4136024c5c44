import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'

// The running web server is the analytics store's one writer (DuckDB lets one process open a file
// for writing). While it runs it leaves a note beside the store saying where its operator channel
// listens and the secret that opens it, readable by the account the server runs as and no other.

export interface ServerPresence {
  /** The operator channel, always on 127.0.0.1. */
  url: string
  pid: number
  /** Made afresh at each start; whoever can read this file may act as an operator. */
  secret: string
  startedAt: string
}

export const presencePath = (storePath: string) => `${storePath}.server.json`

export const newChannelSecret = () => randomBytes(32).toString('base64url')

/** Writes the note (mode 0600) all at once, so a reader never sees half of it. */
export function announceServer(storePath: string, presence: ServerPresence): void {
  const path = presencePath(storePath)
  const partial = `${path}.${process.pid}.tmp`
  writeFileSync(partial, JSON.stringify(presence), { mode: 0o600 })
  renameSync(partial, path)
}

/** Removes the note if it is still this server's (a newer server may have replaced it). */
export function withdrawServer(storePath: string, secret: string): void {
  if (readPresence(storePath)?.secret === secret) rmSync(presencePath(storePath), { force: true })
}

function readPresence(storePath: string): ServerPresence | null {
  try {
    const value = JSON.parse(readFileSync(presencePath(storePath), 'utf8')) as Partial<ServerPresence>
    if (
      typeof value.url !== 'string' ||
      typeof value.pid !== 'number' ||
      typeof value.secret !== 'string' ||
      !value.url.startsWith('http://127.0.0.1:')
    )
      return null
    return value as ServerPresence
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The server holding the store, if one is running: a note left by a server that has since died
 * (its process is gone) is ignored, as is one this account cannot read.
 */
export function findServer(storePath: string): ServerPresence | null {
  if (storePath === ':memory:') return null
  const presence = readPresence(storePath)
  if (!presence || presence.pid === process.pid || !isAlive(presence.pid)) return null
  return presence
}
