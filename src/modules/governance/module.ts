import { EVERYONE } from '../../access/roles.ts'
import { governance as governanceMigration } from '../../db/migrations/0016_governance.ts'
import { governancePapers as governancePapersMigration } from '../../db/migrations/0017_governance_papers.ts'
import { governanceDecisions } from '../../db/migrations/0018_governance_decisions.ts'
import { governancePacks } from '../../db/migrations/0019_governance_packs.ts'
import { governanceDutiesPublishing } from '../../db/migrations/0020_governance_duties_publishing.ts'
import { governanceJoins } from '../../db/migrations/0027_governance_joins.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { api, demo, pages, providesWithOptional, type SaferModule, samples } from '../module.ts'
import { governanceApi } from './api.ts'
import { governanceCommands } from './cli.ts'
import { decisionsApi } from './decisions/api.ts'
import { decisionRoutes } from './decisions/pages/decisions.routes.ts'
import { decisionSamples } from './decisions/samples.ts'
import { yearDecisionsFrom } from './decisions/year-decisions.ts'
import './decisions/tables.ts'
import { governanceDemoMissing, loadGovernanceDemoYear } from './demo.ts'
import { dutiesApi } from './duties/api.ts'
import { dutiesCommands } from './duties/cli.ts'
import { dutiesRoutes } from './duties/duties.routes.ts'
import { packApi } from './pack/pack.api.ts'
import { packCommands } from './pack/pack.cli.ts'
import { packRoutes } from './pack/pack.routes.ts'
import { type BoardPackService, createBoardPackService } from './pack/pack.service.ts'
import { boardRoutes } from './pages/boards.routes.ts'
import { meetingRoutes } from './pages/meetings.routes.ts'
import { papersApi } from './papers/api.ts'
import { myActionsArisingRoutes } from './papers/my-actions.routes.ts'
import { packPapersFrom } from './papers/pack-papers.ts'
import { paperRoutes } from './papers/papers.routes.ts'
import { planLinkRoutes } from './papers/plan-links.routes.ts'
import { createGovernancePapersService, type GovernancePapersService } from './papers/service.ts'
import { paths } from './paths.ts'
import { publishingApi } from './publishing/api.ts'
import { publicRoutes } from './publishing/public.routes.ts'
import { publishingRoutes } from './publishing/publishing.routes.ts'
import { createGovernanceService, type GovernanceService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    governance: GovernanceService
    governancePapers: GovernancePapersService
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
  migrations: {
    '0016_governance': governanceMigration,
    '0017_governance_papers': governancePapersMigration,
    '0018_governance_decisions': governanceDecisions,
    '0019_governance_packs': governancePacks,
    '0020_governance_duties_publishing': governanceDutiesPublishing,
    '0027_governance_joins': governanceJoins,
  },
  // The board pack reads the performance module when it is installed, and says so when it is not.
  services: providesWithOptional(
    ['audit', 'partners', 'plans', 'planStructure', 'deliverables', 'strategies'],
    ['performanceReports'],
    ({ db, config }, { audit, partners, ...planServices }, optional) => {
      const governance = createGovernanceService(db, audit, partners, {
        callInWorkingDays: config.callInWorkingDays,
      })
      const governancePapers = createGovernancePapersService(db, audit, planServices)
      const performance = () => optional().performanceReports
      const boardPacks = createBoardPackService(db, audit, {
        governance,
        plans: planServices.plans,
        strategies: planServices.strategies,
        performance,
        papers: packPapersFrom(governancePapers),
        decisions: yearDecisionsFrom(governance),
      })
      return { governance, governancePapers, boardPacks }
    },
  ),
  pages: [
    pages(['governance', 'partners'], boardRoutes),
    pages(['governance', 'partners', 'audit', 'governancePapers', 'boardPacks'], meetingRoutes),
    pages(['governance', 'governancePapers', 'plans', 'strategies', 'audit'], paperRoutes),
    pages(['governance', 'governancePapers'], planLinkRoutes),
    pages(['governance', 'governancePapers'], myActionsArisingRoutes),
    pages(['governance'], dutiesRoutes),
    pages(['governance'], publishingRoutes),
    pages(['governance'], publicRoutes),
    pages(['governance'], decisionRoutes),
    pages(['boardPacks', 'audit'], packRoutes),
  ],
  api: [
    api(['governance', 'audit'], governanceApi),
    api(['governance', 'governancePapers', 'audit'], papersApi),
    api(['governance'], dutiesApi),
    api(['governance'], publishingApi),
    api(['governance'], decisionsApi),
    api(['boardPacks', 'audit'], packApi),
  ],
  commands: [...governanceCommands, ...dutiesCommands, ...packCommands],
  commandErrors: [NotFoundError],
  navigation: [
    { text: 'Boards', href: paths.governance.boards(), needs: 'governance:view', order: 27 },
    { text: 'Decisions', href: paths.governance.decisions(), needs: 'governance:view', order: 28 },
    {
      // Not "My actions arising": beside the plans' "My actions", the two names would read alike.
      text: 'Actions arising',
      href: paths.governance.myActionsArising(),
      needs: 'governance:view',
      order: 23,
    },
  ],
  home: [
    {
      title: 'Boards and meetings',
      text: 'The partnership’s boards and whom they report to, agendas with standing items and matters arising, minutes and resolutions.',
      href: paths.governance.boards(),
      needs: 'governance:view',
      order: 17,
    },
    {
      title: 'Statutory duties',
      text: 'This partnership year’s statutory duties, their due dates and evidence, green, amber or red.',
      href: paths.governance.duties(),
      needs: 'governance:view',
      order: 18,
    },
    {
      title: 'My actions arising',
      text: 'The actions boards have given you, with those overdue flagged, and the plan deliverable each follows.',
      href: paths.governance.myActionsArising(),
      needs: 'governance:view',
      order: 12,
    },
  ],
  paths,
  demo: demo(['governance', 'partners'], loadGovernanceDemoYear, governanceDemoMissing),
  // A board with a meeting already held, whose one item has an action arising: every route reaches a record.
  samples: samples(
    ['governance', 'governancePapers', 'boardPacks'],
    async ({ governance, ...s }, made, actor) => {
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
      await governance.publishMeeting(who, meeting, { confirm: 'yes' })
      const dutyEvidence = await governance.recordDutyEvidence(who, {
        duty: 'public-meeting',
        kind: 'decision',
        decisionReference: 'Sample decision',
        evidencedOn: '2020-01-15',
      })
      const paper = await s.governancePapers.addPaperLink(who, meeting, {
        itemId: item,
        target: 'exception-report',
      })
      return {
        board,
        meeting,
        actionArising,
        dutyEvidence,
        paper,
        boardPack: (await s.boardPacks.build(who, meeting)).id,
        ...(await decisionSamples(governance, who, { board, meeting })),
      }
    },
  ),
}
