import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'
import { ROLE_LABELS } from '../access/roles.ts'
import { paths as corePaths } from './paths.ts'
import { errorSummary, fieldError, formatDateTime, selectItems } from './view-helpers.ts'

export const SRC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const ROOT_DIR = resolve(SRC_DIR, '..')
export const GOVUK_DIST = resolve(ROOT_DIR, 'node_modules/govuk-frontend/dist')

/** One Nunjucks environment: the layout, each module's views (as "module/views/name.njk") and the GOV.UK macros. */
export function createViews(
  options: { watch?: boolean; paths?: Record<string, unknown> } = {},
): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(
    [resolve(SRC_DIR, 'web/views'), resolve(SRC_DIR, 'modules'), GOVUK_DIST],
    {
      noCache: options.watch ?? false,
    },
  )
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false })
  env.addGlobal('paths', options.paths ?? corePaths)
  env.addGlobal('errorSummary', errorSummary)
  env.addGlobal('fieldError', fieldError)
  env.addGlobal('selectItems', selectItems)
  env.addGlobal('roleLabels', ROLE_LABELS)
  env.addFilter('dateTime', formatDateTime)
  return env
}
