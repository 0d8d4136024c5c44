import type { FastifyInstance } from 'fastify'
import type { Browser } from './session.ts'

/** A multipart form as a browser sends it when a file is chosen. */
export async function postMultipart(
  app: FastifyInstance,
  browser: Browser,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) form.append('file', new Blob([new Uint8Array(file.content)]), file.name)
  const encoded = new Response(form)
  const response = await app.inject({
    method: 'POST',
    url,
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { cookie: browser.jar.header(), 'content-type': encoded.headers.get('content-type') ?? '' },
  })
  browser.jar.take(response)
  return response
}

/**
 * Uploads a plan as the import form does and follows the redirect to its preview, as a browser
 * would (the upload answers 303, so Back never re-sends it).
 */
export async function uploadPlan(
  app: FastifyInstance,
  browser: Browser,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const posted = await postMultipart(app, browser, '/plans/import', fields, file)
  if (posted.statusCode !== 303) return posted
  return browser.get(String(posted.headers.location))
}
