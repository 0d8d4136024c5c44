import type { Config } from './config.ts'
import { type DatabaseHandle, openDatabase } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { MODULES } from './modules/index.ts'
import type { SaferModule, Services } from './modules/module.ts'

export type { Services } from './modules/module.ts'

/**
 * The composition root: config → database → every module's services. Each module makes its own
 * from the database, the config and the other services it names; adapters receive services, never
 * the database.
 */
export function createServices(
  database: DatabaseHandle,
  config: Config,
  modules: readonly SaferModule[] = MODULES,
): Services {
  const made: Partial<Services> = {}
  const base = { db: database.db, dialect: database.dialect, config }
  let waiting = modules.filter((m) => m.services)
  // A module is made once every service it needs exists, whatever order the modules are listed in.
  while (waiting.length > 0) {
    const ready = waiting.filter((m) => m.services?.needs.every((name) => name in made))
    if (ready.length === 0) {
      const names = waiting.map((m) => `${m.name} (needs ${m.services?.needs.join(', ')})`).join('; ')
      throw new Error(`These modules need services no module provides, or each other's: ${names}`)
    }
    for (const module of ready) Object.assign(made, module.services?.make(base, made))
    waiting = waiting.filter((m) => !ready.includes(m))
  }
  return made as Services
}

export interface Deps {
  config: Config
  database: DatabaseHandle
  services: Services
  modules: readonly SaferModule[]
  /** Releases what the services hold open (the crime analytics store) and closes the database. */
  close(): Promise<void>
}

export interface DepsOptions {
  migrate?: boolean
  schema?: string
  modules?: readonly SaferModule[]
}

export async function createDeps(config: Config, options: DepsOptions = {}): Promise<Deps> {
  const modules = options.modules ?? MODULES
  const database = openDatabase(config.databaseUrl, { schema: options.schema })
  if (options.migrate ?? true) await migrateToLatest(database.db, database.dialect, modules)
  const services = createServices(database, config, modules)
  return {
    config,
    database,
    services,
    modules,
    async close() {
      for (const module of modules) await module.services?.close?.(services)
      await database.close()
    },
  }
}
