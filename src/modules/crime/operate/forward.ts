import { createReadStream } from 'node:fs'
import { dirname, relative, sep } from 'node:path'
import { Readable } from 'node:stream'
import { CLI_ACTOR_LABEL } from '../../../shared/command-line.ts'
import type { CommandIO } from '../../module.ts'
import { findServer, type ServerPresence } from './presence.ts'
import type { ForwardedResult } from './run-forwarded.ts'

// The command line's side of the operator channel: when a live server holds the analytics store,
// the command is sent to it (with the files to load, if any) and its output printed as if run here.

const OPERATOR = CLI_ACTOR_LABEL.replace(/[^\w.:@-]/g, '_').slice(0, 68)

/** Refused by the server: the channel's secret did not match, or the request was not understood. */
export class ForwardRefusedError extends Error {}

async function call(server: ServerPresence, method: string, path: string, body?: RequestInit['body']) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.secret}` },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
  const answer = (await response.json()) as Record<string, unknown>
  if (!response.ok)
    throw new ForwardRefusedError(
      `The web server refused the command (${response.status}): ${String(answer.error ?? '')}`,
    )
  return answer
}

/** The folder all the files share, so their relative paths keep any release folders (2024-06/…). */
function commonFolder(files: string[]): string {
  let root = dirname(files[0] ?? sep)
  while (!files.every((f) => f.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root)
  return root
}

/**
 * Sends the command to the server holding the store, and prints its answer. Null when no server
 * is running (no note, or one left by a process that has gone): the command then runs here.
 */
export async function forwardToServer(
  storePath: string,
  io: CommandIO,
  request: { command: string; args: string[]; files?: () => string[] },
): Promise<number | null> {
  // A command already being run by the server for someone is never sent on again.
  if (io.actor) return null
  const server = findServer(storePath)
  if (!server) return null
  let result: ForwardedResult
  try {
    let upload: string | undefined
    const files = request.files?.()
    if (files) {
      upload = String((await call(server, 'POST', '/uploads')).id)
      const root = commonFolder(files)
      for (const file of files) {
        const path = relative(root, file).split(sep).join('/')
        const body = Readable.toWeb(createReadStream(file)) as ReadableStream
        await call(server, 'PUT', `/uploads/${upload}/file?path=${encodeURIComponent(path)}`, body)
      }
    }
    result = (await call(
      server,
      'POST',
      '/commands',
      JSON.stringify({ command: request.command, args: request.args, operator: OPERATOR, upload }),
    )) as unknown as ForwardedResult
  } catch (error) {
    // The note outlived its server (the process id was taken by another): run here instead.
    if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return null
    throw error
  }
  for (const line of result.out) io.out(line)
  for (const line of result.err) io.err(line)
  return result.code
}
