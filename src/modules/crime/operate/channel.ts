import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Actor } from '../../audit/service.ts'
import type { ModuleCommand, Services } from '../../module.ts'
import { announceServer, newChannelSecret, withdrawServer } from './presence.ts'
import { runForwarded } from './run-forwarded.ts'

// The operator channel: a listener on 127.0.0.1 only, through which `safer` commands typed while the
// server holds the analytics store are run by the server itself. It is not part of the web app:
// no page, session or API token reaches it, and nothing but the per-start secret opens it.

const JSON_LIMIT = 1024 * 1024
const OPERATOR = /^cli:[\w.@-]{1,64}$/
const STAGING = /^crime-forward-[0-9a-f]{32}$/

export interface ChannelOptions {
  storePath: string
  /** Where files sent by the command line wait while they are ingested. */
  uploadsDir: string
  commands: readonly ModuleCommand[]
  services: Partial<Services>
  log: { info(o: object, m: string): void; warn(o: object, m: string): void }
}

const digest = (text: string) => createHash('sha256').update(text).digest()

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > JSON_LIMIT) throw new Error('request too large')
    chunks.push(chunk as Buffer)
  }
  const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  if (!value || typeof value !== 'object') throw new Error('not a JSON object')
  return value as Record<string, unknown>
}

/** A relative path as sent, checked to stay inside its folder. */
function safeRelative(root: string, path: string): string | null {
  const parts = path.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0')))
    return null
  const full = resolve(root, ...parts)
  return full.startsWith(root + sep) ? full : null
}

/** Opens the channel and announces it beside the store; the returned close undoes both. */
export async function openOperatorChannel(options: ChannelOptions): Promise<{ close(): Promise<void> }> {
  const secret = newChannelSecret()
  const expected = digest(`Bearer ${secret}`)
  mkdirSync(options.uploadsDir, { recursive: true })
  // Folders left by a server that stopped mid-ingest: their secret died with it.
  for (const name of readdirSync(options.uploadsDir))
    if (STAGING.test(name)) rmSync(join(options.uploadsDir, name), { recursive: true, force: true })

  const staging = (id: unknown) =>
    typeof id === 'string' && STAGING.test(id) ? join(options.uploadsDir, id) : null

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      options.log.warn({ url: request.url }, 'operator channel: refused a request without the secret')
      return send(response, 401, { error: 'Not the operator channel secret' })
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method === 'POST' && url.pathname === '/uploads') {
      const id = `crime-forward-${randomBytes(16).toString('hex')}`
      mkdirSync(join(options.uploadsDir, id), { mode: 0o700 })
      return send(response, 201, { id })
    }
    const upload = url.pathname.match(/^\/uploads\/([^/]+)\/file$/)
    if (request.method === 'PUT' && upload) {
      const root = staging(upload[1])
      const target = root && safeRelative(root, url.searchParams.get('path') ?? '')
      if (!target) return send(response, 400, { error: 'Bad upload folder or path' })
      mkdirSync(dirname(target), { recursive: true })
      await pipeline(request, createWriteStream(target, { mode: 0o600 }))
      return send(response, 201, { ok: true })
    }
    if (request.method === 'POST' && url.pathname === '/commands') {
      const body = await readJson(request)
      const command = options.commands.find((c) => c.name === body.command)
      const args =
        Array.isArray(body.args) && body.args.every((a) => typeof a === 'string') ? body.args : null
      const operator =
        typeof body.operator === 'string' && OPERATOR.test(body.operator) ? body.operator : null
      const root = body.upload === undefined ? undefined : staging(body.upload)
      if (!command || !args || !operator || root === null)
        return send(response, 400, { error: 'Unknown command, or bad arguments or operator' })
      // Whoever holds the secret can read the server's own files: an operator, as at the command line.
      const actor: Actor = { userId: null, label: operator, ip: '127.0.0.1' }
      options.log.info({ command: command.name, operator }, 'operator channel: running a command')
      try {
        const result = await runForwarded(command, root ? [...args, root] : args, actor, options.services)
        return send(response, 200, result)
      } finally {
        if (root) rmSync(root, { recursive: true, force: true })
      }
    }
    return send(response, 404, { error: 'No such operation' })
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      options.log.warn({ err: error.message }, 'operator channel: request failed')
      if (!response.headersSent) send(response, 400, { error: error.message })
      else response.destroy()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  announceServer(options.storePath, {
    url: `http://127.0.0.1:${port}`,
    pid: process.pid,
    secret,
    startedAt: new Date().toISOString(),
  })
  return {
    async close() {
      withdrawServer(options.storePath, secret)
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}
