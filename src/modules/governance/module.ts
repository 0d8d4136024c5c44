import { EVERYONE } from '../../access/roles.ts'
import { governance as governanceMigration } from '../../db/migrations/0016_governance.ts'
import { governanceDecisions } from '../../db/migrations/0018_governance_decisions.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { governanceApi } from './api.ts'
import { governanceCommands } from './cli.ts'
import { decisionsApi } from './decisions/api.ts'
import { decisionRoutes } from './decisions/pages/decisions.routes.ts'
import { decisionSamples } from './decisions/samples.ts'
import './decisions/tables.ts'
import { governanceDemoMissing, loadGovernanceDemo } from './demo.ts'
import { boardRoutes } from './pages/boards.routes.ts'
import { meetingRoutes } from './pages/meetings.routes.ts'
import { paths } from './paths.ts'
import { createGovernanceService, type GovernanceService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    governance: GovernanceService
  }
}

const permissions = {
  // Boards, agendas and minutes are the partnership's own business, read by everyone signed in.
  'governance:view': EVERYONE,
  'governance:manage': ['admin', 'partnership-manager'],
} as const

/** Boards and reporting lines, meetings, agendas with standing items and matters arising, minutes, resolutions and actions arising. */
export const governanceModule: SaferModule<typeof permissions> = {
  name: 'governance',
  permissions,
  migrations: { '0016_governance': governanceMigration, '0018_governance_decisions': governanceDecisions },
  services: provides(['audit', 'partners'], ({ db, config }, { audit, partners }) => ({
    governance: createGovernanceService(db, audit, partners, { callInWorkingDays: config.callInWorkingDays }),
  })),
  pages: [
    pages(['governance', 'partners'], boardRoutes),
    pages(['governance', 'partners', 'audit'], meetingRoutes),
    pages(['governance'], decisionRoutes),
  ],
  api: [api(['governance', 'audit'], governanceApi), api(['governance'], decisionsApi)],
  commands: governanceCommands,
  commandErrors: [NotFoundError],
  navigation: [
    { text: 'Boards', href: paths.governance.boards(), needs: 'governance:view', order: 27 },
    { text: 'Decisions', href: paths.governance.decisions(), needs: 'governance:view', order: 28 },
  ],
  home: [
    {
      title: 'Boards and meetings',
      text: 'The partnership’s boards and whom they report to, agendas with standing items and matters arising, minutes and resolutions.',
      href: paths.governance.boards(),
      needs: 'governance:view',
      order: 17,
    },
  ],
  paths,
  demo: demo(['governance', 'partners'], loadGovernanceDemo, governanceDemoMissing),
  // A board with a meeting already held, whose one item has an action arising: every route reaches a record.
  samples: samples(['governance'], async ({ governance }, made, actor) => {
    const who = { actor, user: null }
    const board = await governance.createBoard(who, {
      name: 'Sample board',
      purpose: 'A board for the permission matrix',
      frequency: 'quarterly',
      quorum: 1,
      standingItems: ['Sample standing item'],
    })
    const meeting = await governance.scheduleMeeting(who, board, { startsAt: '2020-01-15T10:00' })
    await governance.changeStatus(who, meeting, { status: 'agenda-published' })
    await governance.changeStatus(who, meeting, { status: 'held' })
    const item = await governance.addItem(who, meeting, { title: 'Sample item' })
    const actionArising = await governance.addAction(who, meeting, {
      itemId: item,
      description: 'Sample action',
      ownerPersonId: made.person,
    })
    return { board, meeting, actionArising, ...(await decisionSamples(governance, who, { board, meeting })) }
  }),
}
