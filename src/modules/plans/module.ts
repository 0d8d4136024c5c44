import { readFileSync } from 'node:fs'
import { EVERYONE } from '../../access/roles.ts'
import { plans as plansMigration } from '../../db/migrations/0004_plans.ts'
import { planArchive } from '../../db/migrations/0008_plan_archive.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { deliverablesApi } from './api/deliverables.api.ts'
import { plansApi } from './api/plans.api.ts'
import { strategiesApi } from './api/strategies.api.ts'
import { structureApi } from './api/structure.api.ts'
import { planCommands } from './cli.ts'
import { createDeliverablesService, type DeliverablesService } from './deliverables.service.ts'
import { DEMO_PLAN_FILE, loadPlansDemo } from './demo.ts'
import { createPlanImportService, type PlanImportService } from './import.service.ts'
import { createPlanMergeReferences, type PlanMergeReferences } from './merge-references.ts'
import { paths } from './paths.ts'
import { createPlansService, type PlansService } from './plans.service.ts'
import { deliverableRoutes } from './routes/deliverables.routes.ts'
import { importRoutes } from './routes/import.routes.ts'
import { myActionsRoutes } from './routes/my-actions.routes.ts'
import { planRoutes } from './routes/plans.routes.ts'
import { strategyRoutes } from './routes/strategies.routes.ts'
import { structureRoutes } from './routes/structure.routes.ts'
import { structurePartRoutes } from './routes/structure-parts.routes.ts'
import { createStrategiesService, type StrategiesService } from './strategies.service.ts'
import { createPlanStructureService, type PlanStructureService } from './structure.service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    plans: PlansService
    planImport: PlanImportService
    deliverables: DeliverablesService
    strategies: StrategiesService
    planStructure: PlanStructureService
    planMergeReferences: PlanMergeReferences
  }
}

const permissions = {
  // Strategies and action plans are the partnership's shared work: everyone signed in reads them.
  'plans:view': EVERYONE,
  'plans:export': EVERYONE,
  'plans:manage': ['admin', 'partnership-manager'],
  // Opens the deliverable update routes; the service checks which deliverables are the person's own
  // (a lead's), and lets plans:manage update any.
  'plans:update-own': ['admin', 'partnership-manager', 'lead'],
} as const

// The demo's lead user is Helen Lyons: a deliverable she leads lets the permission matrix reach the
// checks past "is it theirs".
const SAMPLE_LEAD = 'Det Supt Helen Lyons'

/** Strategies, priorities, action plans, deliverables and progress updates; spreadsheet import and export. */
export const plansModule: SaferModule<typeof permissions> = {
  name: 'plans',
  permissions,
  migrations: { '0004_plans': plansMigration, '0008_plan_archive': planArchive },
  services: provides(['audit', 'partners'], ({ db, config }, { audit, partners }) => {
    const options = { staleDays: config.planStaleDays }
    return {
      plans: createPlansService(db, audit, options),
      planImport: createPlanImportService(db, audit, partners),
      deliverables: createDeliverablesService(db, audit, options, partners),
      strategies: createStrategiesService(db, audit),
      planStructure: createPlanStructureService(db, audit, partners),
      planMergeReferences: createPlanMergeReferences(db),
    }
  }),
  pages: [
    pages(['strategies'], strategyRoutes),
    pages(['plans', 'strategies'], (app, services, { config }) => planRoutes(app, services, config)),
    pages(['deliverables', 'plans', 'partners', 'audit'], deliverableRoutes),
    pages(['plans', 'planStructure', 'strategies'], structureRoutes),
    pages(['plans', 'planStructure', 'partners', 'audit'], structurePartRoutes),
    pages(['deliverables'], myActionsRoutes),
    pages(['plans', 'planImport', 'strategies', 'partners'], (app, services, { config }) =>
      importRoutes(app, services, config),
    ),
  ],
  api: [
    api(['strategies'], strategiesApi),
    api(['plans', 'planImport', 'strategies'], plansApi),
    api(['deliverables'], deliverablesApi),
    api(['plans', 'planStructure', 'deliverables'], structureApi),
  ],
  commands: planCommands,
  navigation: [
    { text: 'Strategies', href: paths.plans.strategies(), needs: 'plans:view', order: 18 },
    { text: 'Plans', href: paths.plans.list(), needs: 'plans:view', order: 20 },
    { text: 'My actions', href: paths.plans.myActions(), needs: 'plans:update-own', order: 22 },
  ],
  home: [
    {
      title: 'Delivery plans',
      text: 'Strategies and action plans: who is doing what, by when, and how it is going.',
      href: paths.plans.list(),
      needs: 'plans:view',
      order: 10,
    },
    {
      title: 'My actions',
      text: 'The deliverables you lead, with a progress update for each.',
      href: paths.plans.myActions(),
      needs: 'plans:update-own',
      order: 11,
    },
  ],
  paths,
  demo: demo(['strategies', 'planImport', 'users', 'plans', 'deliverables'], loadPlansDemo),
  samples: samples(
    ['planImport', 'plans', 'strategies'],
    async ({ planImport, plans, strategies }, _made, actor) => {
      const imported = await planImport.importPlan(actor, {
        fileName: 'sample-plan.tsv',
        content: readFileSync(DEMO_PLAN_FILE),
      })
      if (!imported.planId) throw new Error('The sample plan did not import')
      const plan = await plans.getPlan(imported.planId)
      const deliverable = plan.themes
        .flatMap((theme) => theme.actions.flatMap((a) => a.deliverables))
        .find((d) => d.leads.includes(SAMPLE_LEAD))
      if (!deliverable) throw new Error(`The sample plan has no deliverable led by ${SAMPLE_LEAD}`)
      const theme = plan.themes.find((th) => th.actions.length > 0)
      const action = theme?.actions[0]
      if (!theme || !action) throw new Error('The sample plan has no actions')
      const strategy = await strategies.create(actor, { title: 'Sample Strategy', status: 'draft' })
      const priority = await strategies.addPriority(actor, strategy, { title: 'Sample Priority' })
      return {
        plan: imported.planId,
        deliverable: deliverable.id,
        strategy,
        priority,
        theme: theme.id,
        action: action.id,
      }
    },
  ),
}
