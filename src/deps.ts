import type { Config } from './config.ts'
import { type DatabaseHandle, checkDatabase, openDatabase } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { createAuditService } from './modules/audit/service.ts'
import { createAuthService } from './modules/auth/service.ts'
import { createUsersService } from './modules/auth/users.service.ts'
import { createCrimeService } from './modules/crime/service.ts'
import { createPartnersService } from './modules/partners/service.ts'
import { createDeliverablesService } from './modules/plans/deliverables.service.ts'
import { createPlanImportService } from './modules/plans/import.service.ts'
import { createPlansService } from './modules/plans/plans.service.ts'
import { createStrategiesService } from './modules/plans/strategies.service.ts'

/** The composition root: config → database → services. Adapters receive services, never the database. */
export function createServices(database: DatabaseHandle, config: Config) {
  const audit = createAuditService(database.db, database.dialect, config)
  const partners = createPartnersService(database.db, audit)
  const users = createUsersService(database.db, audit, partners)
  const auth = createAuthService(database.db, audit, config)
  const crime = createCrimeService(database.db, audit, config)
  const planOptions = { staleDays: config.planStaleDays }
  const plans = createPlansService(database.db, audit, planOptions)
  const planImport = createPlanImportService(database.db, audit, partners)
  const deliverables = createDeliverablesService(database.db, audit, planOptions)
  const strategies = createStrategiesService(database.db, audit)
  return { audit, partners, users, auth, plans, planImport, deliverables, strategies, crime, health: () => checkDatabase(database.db) }
}

export type Services = ReturnType<typeof createServices>

export interface Deps {
  config: Config
  database: DatabaseHandle
  services: Services
}

export async function createDeps(config: Config, options: { migrate?: boolean; schema?: string } = {}): Promise<Deps> {
  const database = openDatabase(config.databaseUrl, { schema: options.schema })
  if (options.migrate ?? true) await migrateToLatest(database.db, database.dialect)
  return { config, database, services: createServices(database, config) }
}
