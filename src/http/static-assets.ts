import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { GOVUK_DIST, SRC_DIR } from '../web/nunjucks.ts'

export const ASSETS_PREFIX = '/assets/'
// Page assets only: not GOV.UK Frontend's Nunjucks sources, fixtures or macro descriptions, and not
// its GDS Transport fonts, which are licensed for GOV.UK services alone (Safer uses Arial).
const SERVED = /(\.(css|js|mjs|png|svg|ico)|\/manifest\.json)$/

// Most-requested first: the CSS and JS bundles, then images, then Safer's own files.
const ROOTS = [
  resolve(GOVUK_DIST, 'govuk'),
  resolve(GOVUK_DIST, 'govuk/assets'),
  resolve(SRC_DIR, 'web/assets'),
]

/** GOV.UK Frontend's compiled JS and images, and Safer's own assets (its CSS among them), under /assets/. */
export async function registerStaticAssets(app: FastifyInstance, production: boolean) {
  await app.register(fastifyStatic, {
    root: ROOTS,
    prefix: ASSETS_PREFIX,
    // The filter is for these folders; reply.sendFile with a folder of its own is that caller's business.
    allowedPath: (pathName, root) => (root !== undefined && !ROOTS.includes(root)) || SERVED.test(pathName),
    maxAge: production ? '1d' : 0,
    index: false,
  })
}
