import { EVERYONE } from '../../access/roles.ts'
import { governance as governanceMigration } from '../../db/migrations/0016_governance.ts'
import { governancePacks } from '../../db/migrations/0019_governance_packs.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { api, demo, pages, providesWithOptional, type SaferModule, samples } from '../module.ts'
import { governanceApi } from './api.ts'
import { governanceCommands } from './cli.ts'
import { governanceDemoMissing, loadGovernanceDemo } from './demo.ts'
import { packApi } from './pack/pack.api.ts'
import { packCommands } from './pack/pack.cli.ts'
import { packRoutes } from './pack/pack.routes.ts'
import { type BoardPackService, createBoardPackService } from './pack/pack.service.ts'
import { boardRoutes } from './pages/boards.routes.ts'
import { meetingRoutes } from './pages/meetings.routes.ts'
import { paths } from './paths.ts'
import { createGovernanceService, type GovernanceService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    governance: GovernanceService
    boardPacks: BoardPackService
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
  migrations: { '0016_governance': governanceMigration, '0019_governance_packs': governancePacks },
  // The board pack reads the performance module when it is installed, and says so when it is not.
  services: providesWithOptional(
    ['audit', 'partners', 'plans', 'strategies'],
    ['performanceReports'],
    ({ db }, { audit, partners, plans, strategies }, optional) => {
      const governance = createGovernanceService(db, audit, partners)
      const performance = () => optional().performanceReports
      const boardPacks = createBoardPackService(db, audit, { governance, plans, strategies, performance })
      return { governance, boardPacks }
    },
  ),
  pages: [
    pages(['governance', 'partners'], boardRoutes),
    pages(['governance', 'partners', 'audit', 'boardPacks'], meetingRoutes),
    pages(['boardPacks', 'audit'], packRoutes),
  ],
  api: [api(['governance', 'audit'], governanceApi), api(['boardPacks', 'audit'], packApi)],
  commands: [...governanceCommands, ...packCommands],
  commandErrors: [NotFoundError],
  navigation: [{ text: 'Boards', href: paths.governance.boards(), needs: 'governance:view', order: 27 }],
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
  samples: samples(['governance', 'boardPacks'], async ({ governance, boardPacks }, made, actor) => {
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
    const boardPack = (await boardPacks.build(who, meeting)).id
    return { board, meeting, actionArising, boardPack }
  }),
}
