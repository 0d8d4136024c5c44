import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { GOVUK_DIST, SRC_DIR } from '../web/nunjucks.ts'

export const ASSETS_PREFIX = '/assets/'
// Page assets only: not GOV.UK Frontend's Nunjucks sources, fixtures or macro descriptions, and not
// its GDS Transport fonts, which are licensed for GOV.UK services alone (Safer uses Arial).
const SERVED = /(\.(css|js|mjs|png|svg|ico)|\/manifest\.json)$/

/** GOV.UK Frontend's compiled CSS, JS, fonts and images, and Safer's own few assets, under /assets/. */
export async function registerStaticAssets(app: FastifyInstance, production: boolean) {
  await app.register(fastifyStatic, {
    // Most-requested first: the CSS and JS bundles, then fonts and images, then Safer's own files.
    root: [resolve(GOVUK_DIST, 'govuk'), resolve(GOVUK_DIST, 'govuk/assets'), resolve(SRC_DIR, 'web/assets')],
    prefix: ASSETS_PREFIX,
    allowedPath: (pathName) => SERVED.test(pathName),
    maxAge: production ? '1d' : 0,
    index: false,
  })
}
