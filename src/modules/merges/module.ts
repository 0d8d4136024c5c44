import { merges as mergesMigration } from '../../db/migrations/0011_merges.ts'
import { api, pages, provides, type SaferModule } from '../module.ts'
import { mergesApi } from './api.ts'
import { mergeCommands } from './cli.ts'
import { createMergeService, type MergeService } from './merge.service.ts'
import { paths } from './paths.ts'
import { mergeRoutes } from './routes.ts'

declare module '../module.ts' {
  interface Services {
    merges: MergeService
  }
}

const permissions = {
  'people:merge': ['admin'],
  'organisations:merge': ['admin'],
} as const

/**
 * Merging duplicate people and organisations: the references in plans, leadership and accounts
 * move to the survivor. Its own module because it reaches across partners, auth and plans, which
 * must not depend on each other in a circle.
 */
export const mergesModule: SaferModule<typeof permissions> = {
  name: 'merges',
  permissions,
  // Adds the merged-into columns to the partners' tables (which came with 0001_foundation).
  migrations: { '0011_merges': mergesMigration },
  services: provides(
    ['audit', 'partners', 'userMergeReferences', 'planMergeReferences'],
    ({ db }, { audit, partners, userMergeReferences, planMergeReferences }) => ({
      merges: createMergeService(db, audit, partners, userMergeReferences, planMergeReferences),
    }),
  ),
  pages: [pages(['merges', 'partners', 'audit'], mergeRoutes)],
  api: [api(['merges'], mergesApi)],
  commands: mergeCommands,
  paths,
}
