import { auditModule } from './audit/module.ts'
import { authModule } from './auth/module.ts'
import { crimeModule } from './crime/module.ts'
import { homeModule } from './home/module.ts'
import { partnersModule } from './partners/module.ts'
import { performanceModule } from './performance/module.ts'
import { plansModule } from './plans/module.ts'

/**
 * Every module, in the order their demo data loads and their commands are listed (partners before
 * the users who belong to them, and users before the plans they lead). Adding a module is a folder
 * and a line here (docs/architecture.md).
 */
export const MODULES = [
  partnersModule,
  authModule,
  auditModule,
  homeModule,
  crimeModule,
  plansModule,
  performanceModule,
] as const
