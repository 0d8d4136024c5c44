import { EVERYONE } from '../../access/roles.ts'
import { crime as crimeMigration } from '../../db/migrations/0003_crime.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { crimeApi } from './api.ts'
import { assessmentRoutes } from './assessment/routes.ts'
import { changeCommand } from './change-command.ts'
import { crimeCommands } from './cli.ts'
import { loadCrimeDemo } from './demo.ts'
import { loadRoutes } from './load/load.routes.ts'
import { operatorChannelRoutes } from './operate/routes.ts'
import { paths } from './paths.ts'
import { crimeRoutes } from './routes.ts'
import { type CrimeService, createCrimeService } from './service.ts'
import { AnalyticsStoreBusyError } from './store/store.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    crime: CrimeService
  }
}

// Loading crime and area data, saving local definitions, and building the strategic assessment.
const ANALYSTS = ['admin', 'partnership-manager', 'analyst'] as const

const permissions = {
  // Crime figures are published data: everyone signed in may read the analyses.
  'crime:view': EVERYONE,
  'crime:ingest': ANALYSTS,
  // Loading files from the browser changes every figure: analysts and administrators only.
  'crime:load': ['admin', 'analyst'],
  'crime:define': ANALYSTS,
  'assessment:build': ANALYSTS,
} as const

/** Police.uk and recorded crime in the DuckDB analytics store, areas, analyses, maps and the strategic assessment. */
export const crimeModule: SaferModule<typeof permissions> = {
  name: 'crime',
  permissions,
  migrations: { '0003_crime': crimeMigration },
  services: provides(
    ['audit'],
    ({ db, config }, { audit }) => ({ crime: createCrimeService(db, audit, config) }),
    ({ crime }) => crime.close(),
  ),
  pages: [
    pages(['crime'], crimeRoutes),
    pages(['crime', 'audit'], assessmentRoutes),
    pages(['crime'], operatorChannelRoutes),
    pages(['crime'], loadRoutes),
  ],
  api: [api(['crime'], crimeApi)],
  commands: [...crimeCommands, changeCommand],
  // The analytics store takes one writer at a time: a second is told so, not shown a stack trace.
  commandErrors: [AnalyticsStoreBusyError],
  navigation: [{ text: 'Crime', href: paths.crime.overview(), needs: 'crime:view', order: 30 }],
  home: [
    {
      title: 'Crime and disorder',
      text: 'Crime by type, month and area, hotspot maps, serious violence, deprivation, and stop and search.',
      href: paths.crime.overview(),
      needs: 'crime:view',
      order: 20,
    },
    {
      title: 'Strategic assessment',
      text: 'Draft the annual strategic assessment from the published data, as a Word document.',
      href: paths.assessment.form(),
      needs: 'assessment:build',
      order: 21,
    },
  ],
  paths,
  // A database made before crime data existed still gets the Southwark extract.
  demo: demo(['crime'], loadCrimeDemo, ({ crime }) => crime.isEmpty()),
  // A finished load of no files, so the permission matrix reaches a real load's page.
  samples: samples(['crime'], async ({ crime }, _made, actor) => {
    const job = await crime.loads.start(actor, {
      folder: crime.loads.newUploadFolder(),
      files: [],
      forces: new Set(),
    })
    await crime.loads.finished(job.id)
    return { crimeLoad: job.id }
  }),
}
