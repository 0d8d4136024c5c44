import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { Migration } from 'kysely'
import type { Role } from '../access/roles.ts'
import type { Config, DatabaseDialect } from '../config.ts'
import type { Db } from '../db/database.ts'
import type { ApiRegistry } from '../http/api.ts'
import type { Actor } from './audit/service.ts'

// The one shape every module has (docs/architecture.md). A module exports a SaferModule from its
// module.ts; src/modules/index.ts lists them, and the app, the command line, migrations,
// navigation, the permission table, the demo and the permission-matrix test are built from that list.

/**
 * Every module's services by name. Each module adds its own here, in its module.ts
 * (`declare module '../module.ts' { interface Services { … } }`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module through declaration merging
export interface Services {}
export type ServiceName = keyof Services

/** Each action the module declares, and the roles that hold it. */
export type Grants = Readonly<Record<string, readonly Role[]>>

/** What every service may be made from, besides other modules' services. */
export interface ServiceBase {
  db: Db
  dialect: DatabaseDialect
  config: Config
}

interface Needs {
  /** The other modules' services this part uses: it is given those and no others. */
  needs: readonly ServiceName[]
}

export interface ServiceProvider extends Needs {
  make(base: ServiceBase, services: Partial<Services>): Partial<Services>
  /** Releases what the services hold open besides the database (run by the command line). */
  close?(services: Partial<Services>): void | Promise<void>
}

export interface PageContext {
  config: Config
  modules: readonly SaferModule[]
}

export interface PageAdapter extends Needs {
  register(app: FastifyInstance, services: Partial<Services>, context: PageContext): void | Promise<void>
}

export interface ApiAdapter extends Needs {
  register(api: ApiRegistry, services: Partial<Services>): void
}

export interface CommandIO {
  args: string[]
  out: (line: string) => void
  err: (line: string) => void
  /** Who the command acts for when the web server runs it for an operator; unset at the command line. */
  actor?: Actor
}

export interface ModuleCommand extends Needs {
  /** Words typed after `safer`, e.g. "plan import". */
  name: string
  usage: string
  summary: string
  /** Longer help shown by --help: options and the --json answer's shape. */
  help?: string
  /**
   * Returns the exit code. `withServices` opens the database, gives fn the services the command
   * needs, reports expected errors as a message (exit 1) and closes everything after.
   */
  run(
    io: CommandIO,
    withServices: (fn: (services: Partial<Services>) => Promise<number>) => Promise<number>,
  ): Promise<number>
}

/** An entry in the service navigation or on the home page, shown to roles holding `needs`. */
export interface Link {
  text: string
  href: string
  needs: string
  /** Where it sits among every module's entries, lowest first. */
  order: number
}

export interface HomeCard extends Link {
  title: string
}

/** Sample ids by the name a route gives its :id (`{ plan: 12, deliverable: 40 }`). */
export type Samples = Record<string, number>

export interface SampleMaker extends Needs {
  /** `made` holds the samples of the modules listed before this one. */
  make(services: Partial<Services>, made: Samples, actor: Actor): Promise<Samples>
}

export interface DemoLoader extends Needs {
  load(services: Partial<Services>, actor: Actor): Promise<unknown>
  /** True when an existing database lacks this module's demo data, so it is loaded on its own. */
  missing?(services: Partial<Services>): Promise<boolean>
}

export interface ServerContext {
  config: Config
  log: FastifyBaseLogger
}

/** Work the web server does beside its pages (a schedule): how to stop it, or nothing when it is off. */
export interface ServerTask extends Needs {
  start(services: Partial<Services>, context: ServerContext): { stop(): void | Promise<void> } | undefined
}

export type ErrorClass = abstract new (...args: never[]) => Error

export interface SaferModule<P extends Grants = Grants> {
  name: string
  permissions: P
  /** By migration name; names are global and sorted, so a new one takes the next free number. */
  migrations?: Readonly<Record<string, (dialect: DatabaseDialect) => Migration>>
  services?: ServiceProvider
  pages?: readonly PageAdapter[]
  api?: readonly ApiAdapter[]
  commands?: readonly ModuleCommand[]
  /** Errors the module's commands report as their message with exit 1 (field errors always are). */
  commandErrors?: readonly ErrorClass[]
  navigation?: readonly Link[]
  home?: readonly HomeCard[]
  /** Typed URL builders, as `{ group: { name: (id) => url } }`; pages see them all as `paths`. */
  paths?: Readonly<Record<string, Readonly<Record<string, (...ids: Array<number | string>) => string>>>>
  demo?: DemoLoader
  samples?: SampleMaker
  /** Started with the web server (never by a command), stopped when it closes. */
  server?: readonly ServerTask[]
}

function pick(services: Partial<Services>, needs: readonly ServiceName[]): Partial<Services> {
  const picked: Partial<Services> = {}
  for (const name of needs) {
    if (!(name in services)) throw new Error(`No service named ${name}: no module provides it`)
    Object.assign(picked, { [name]: services[name] })
  }
  return picked
}

/** Only the services an adapter names reach it, whatever it is called with. */
export function only<K extends ServiceName>(
  services: Partial<Services>,
  needs: readonly K[],
): Pick<Services, K> {
  return pick(services, needs) as Pick<Services, K>
}

export function provides<K extends ServiceName, R extends Partial<Services>>(
  needs: readonly K[],
  make: (base: ServiceBase, services: Pick<Services, K>) => R,
  close?: (services: R) => void | Promise<void>,
): ServiceProvider {
  return {
    needs,
    make: (base, services) => make(base, only(services, needs)),
    close: close ? (services) => close(services as R) : undefined,
  }
}

/**
 * As `provides`, for a part that also uses services of modules an installation may leave out
 * (`optional`): it works without them. They are looked up each time `optional()` is called, not
 * when the part is made, since the module providing one may be made after this one.
 */
export function providesWithOptional<
  K extends ServiceName,
  O extends ServiceName,
  R extends Partial<Services>,
>(
  needs: readonly K[],
  optional: readonly O[],
  make: (base: ServiceBase, services: Pick<Services, K>, optional: () => Partial<Pick<Services, O>>) => R,
): ServiceProvider {
  return {
    needs,
    make: (base, services) =>
      make(base, only(services, needs), () => {
        const present: Partial<Pick<Services, O>> = {}
        for (const name of optional) if (name in services) Object.assign(present, { [name]: services[name] })
        return present
      }),
  }
}

export function pages<K extends ServiceName>(
  needs: readonly K[],
  register: (app: FastifyInstance, services: Pick<Services, K>, context: PageContext) => void | Promise<void>,
): PageAdapter {
  return { needs, register: (app, services, context) => register(app, only(services, needs), context) }
}

export function api<K extends ServiceName>(
  needs: readonly K[],
  register: (api: ApiRegistry, services: Pick<Services, K>) => void,
): ApiAdapter {
  return { needs, register: (registry, services) => register(registry, only(services, needs)) }
}

export function command<K extends ServiceName>(spec: {
  name: string
  usage: string
  summary: string
  help?: string
  needs: readonly K[]
  run(
    io: CommandIO & { withServices(fn: (services: Pick<Services, K>) => Promise<number>): Promise<number> },
  ): Promise<number>
}): ModuleCommand {
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    help: spec.help,
    needs: spec.needs,
    run: (io, withServices) =>
      spec.run({ ...io, withServices: (fn) => withServices((services) => fn(only(services, spec.needs))) }),
  }
}

export function serverTask<K extends ServiceName>(
  needs: readonly K[],
  start: (
    services: Pick<Services, K>,
    context: ServerContext,
  ) => { stop(): void | Promise<void> } | undefined,
): ServerTask {
  return { needs, start: (services, context) => start(only(services, needs), context) }
}

export function samples<K extends ServiceName>(
  needs: readonly K[],
  make: (services: Pick<Services, K>, made: Samples, actor: Actor) => Promise<Samples>,
): SampleMaker {
  return { needs, make: (services, made, actor) => make(only(services, needs), made, actor) }
}

export function demo<K extends ServiceName>(
  needs: readonly K[],
  load: (services: Pick<Services, K>, actor: Actor) => Promise<unknown>,
  missing?: (services: Pick<Services, K>) => Promise<boolean>,
): DemoLoader {
  return {
    needs,
    load: (services, actor) => load(only(services, needs), actor),
    missing: missing ? (services) => missing(only(services, needs)) : undefined,
  }
}
