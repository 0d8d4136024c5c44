import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'
import { loggerOptions } from './logging.ts'

/** A real Fastify app logging to a captured console, answering one route and 404 for the rest. */
async function appLoggingTo(logFormat: 'auto' | 'pretty' | 'json', isTTY: boolean) {
  const written: string[] = []
  const out = { isTTY, write: (text: string) => written.push(text) }
  const app = Fastify(loggerOptions({ logLevel: 'info', logFormat }, out))
  app.get('/plans/:id', async (request) => ({ id: (request.params as { id: string }).id }))
  app.get('/broken', async () => {
    throw new Error('disk full')
  })
  await app.ready()
  return { app, lines: () => written.join('').split('\n').filter(Boolean) }
}

describe('request logs', () => {
  it('on a terminal, prints one short line per request, in local time, without the query string', async () => {
    const { app, lines } = await appLoggingTo('auto', true)
    await app.inject({ url: '/plans/1?search=Jane+Smith' })
    await app.inject({ url: '/nowhere' })
    await app.close()
    const requests = lines().filter((line) => / (GET|POST) /.test(line))
    expect(requests).toHaveLength(2)
    expect(requests[0]).toMatch(/^\d\d:\d\d:\d\d GET \/plans\/1 200 \d+ ms$/)
    expect(requests[1]).toMatch(/^\d\d:\d\d:\d\d GET \/nowhere 404 \d+ ms$/)
    expect(lines().join('\n')).not.toContain('Jane')
  })

  it('prints an error with its level and stack, and the request it failed as one line', async () => {
    const { app, lines } = await appLoggingTo('pretty', false)
    await app.inject({ url: '/broken' })
    await app.close()
    const text = lines().join('\n')
    expect(text).toMatch(/^\d\d:\d\d:\d\d ERROR .*$/m)
    expect(text).toContain('disk full')
    expect(text).toMatch(/^ {2}Error: disk full$/m)
    expect(lines().filter((line) => line.includes('GET /broken 500'))).toHaveLength(1)
  })

  it('elsewhere, writes one JSON record per request with its id, path and time taken', async () => {
    const { app, lines } = await appLoggingTo('auto', false)
    await app.inject({ url: '/plans/7?lead=someone', headers: { cookie: 'safer_session=secret' } })
    await app.close()
    const records = lines().map((line) => JSON.parse(line))
    expect(records).toHaveLength(1)
    const [record] = records
    expect(record.msg).toBe('request completed')
    expect(record.req).toEqual({ id: record.reqId, method: 'GET', path: '/plans/7' })
    expect(record.res).toEqual({ statusCode: 200 })
    expect(record.responseTime).toBeGreaterThanOrEqual(0)
    expect(lines().join('\n')).not.toContain('secret')
    expect(lines().join('\n')).not.toContain('someone')
  })

  it('JSON when asked for, even on a terminal', async () => {
    const { app, lines } = await appLoggingTo('json', true)
    await app.inject({ url: '/plans/2' })
    await app.close()
    expect(JSON.parse(lines()[0] ?? '')).toMatchObject({
      req: { path: '/plans/2' },
      res: { statusCode: 200 },
    })
  })

  it('LOG_FORMAT chooses auto (the default), pretty or json, and nothing else', () => {
    expect(loadConfig({}).logFormat).toBe('auto')
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json')
    expect(() => loadConfig({ LOG_FORMAT: 'colour' })).toThrow(ConfigError)
  })
})
