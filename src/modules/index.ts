import { auditModule } from './audit/module.ts'
import { authModule } from './auth/module.ts'
import { casesModule } from './cases/module.ts'
import { crimeModule } from './crime/module.ts'
import { governanceModule } from './governance/module.ts'
import { homeModule } from './home/module.ts'
import { mergesModule } from './merges/module.ts'
import { partnersModule } from './partners/module.ts'
import { performanceModule } from './performance/module.ts'
import { plansModule } from './plans/module.ts'
import { remindersModule } from './reminders/module.ts'
import { setupModule } from './setup/module.ts'
import { taskingModule } from './tasking/module.ts'
import { trackersModule } from './trackers/module.ts'

/**
 * Every module, in the order their demo data loads and their commands are listed (setup first, as an
 * installation starts there; partners before the users who belong to them, and users before the
 * plans they lead). Adding a module is a folder and a line here (docs/architecture.md).
 */
export const MODULES = [
  setupModule,
  partnersModule,
  authModule,
  auditModule,
  homeModule,
  crimeModule,
  plansModule,
  performanceModule,
  governanceModule,
  casesModule,
  remindersModule,
  mergesModule,
  taskingModule,
  trackersModule,
] as const
