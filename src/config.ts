import { resolve } from 'node:path'

export type DatabaseDialect = 'sqlite' | 'postgres'
export type LogFormat = 'auto' | 'pretty' | 'json'

export interface Config {
  readonly production: boolean
  readonly host: string
  readonly port: number
  readonly databaseUrl: string
  readonly dialect: DatabaseDialect
  /** Absolute file path of the SQLite database; empty for PostgreSQL. */
  readonly sqlitePath: string
  readonly sessionSecret: string
  readonly sessionIdleMinutes: number
  readonly sessionAbsoluteHours: number
  readonly cookieSecure: boolean
  readonly trustProxy: boolean
  /** Sign-in attempts allowed per IP address per minute, before any account lockout. */
  readonly signInRateLimit: number
  /** A deliverable with no progress update for this many days is flagged as stale. */
  readonly planStaleDays: number
  readonly logLevel: string
  /** `pretty`: one short line per request, for a person; `json`: pino's records; `auto`: pretty on a terminal. */
  readonly logFormat: LogFormat
  readonly dataDir: string
  /** Re-read templates on every render: for editing pages locally (NODE_ENV=development). */
  readonly reloadTemplates: boolean
  /** Signs every audit entry and checkpoint (HMAC-SHA-256): without it a row cannot be forged. */
  readonly auditKey: string
  /** Keys the audit log was signed with before the last rotation, so that older entries still verify. */
  readonly auditPreviousKeys: readonly string[]
  /** Where signed checkpoints of the audit log's head are appended: best on another host's storage. */
  readonly auditCheckpointDir: string
}

export class ConfigError extends Error {}

// A fixed development secret keeps sign-ins alive across restarts of the demo;
// production refuses to start without a real one.
const DEVELOPMENT_SECRET = 'development-only-secret-never-use-in-production'
// The same for the audit key: a development log verifies across restarts, and production has its own.
export const DEVELOPMENT_AUDIT_KEY = 'development-only-audit-key-never-use-in-production'

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a whole number above 0 (got "${raw}")`)
  return value
}

function logFormat(raw: string | undefined): LogFormat {
  if (!raw) return 'auto'
  if (raw === 'auto' || raw === 'pretty' || raw === 'json') return raw
  throw new ConfigError(`LOG_FORMAT must be auto, pretty or json (got "${raw}")`)
}

export function dialectOf(databaseUrl: string): DatabaseDialect {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgres'
  if (databaseUrl.startsWith('sqlite:')) return 'sqlite'
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl.split(':')[0]}:…")`)
}

export function sqlitePathOf(databaseUrl: string, cwd = process.cwd()): string {
  const path = databaseUrl.slice('sqlite:'.length)
  return path === ':memory:' ? path : resolve(cwd, path)
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const dataDir = resolve(env.DATA_DIR || './data')
  const databaseUrl = env.DATABASE_URL || `sqlite:${resolve(dataDir, 'safer.db')}`
  const dialect = dialectOf(databaseUrl)
  const sessionSecret = env.SESSION_SECRET || ''
  if (production && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be set to at least 32 random characters when NODE_ENV=production')
  }
  const auditKey = env.AUDIT_KEY || ''
  if (production && auditKey.length < 32) {
    throw new ConfigError('AUDIT_KEY must be set to at least 32 random characters when NODE_ENV=production')
  }
  const auditPreviousKeys = (env.AUDIT_PREVIOUS_KEYS || '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
  return Object.freeze({
    production,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000),
    databaseUrl,
    dialect,
    sqlitePath: dialect === 'sqlite' ? sqlitePathOf(databaseUrl) : '',
    sessionSecret: sessionSecret || DEVELOPMENT_SECRET,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12),
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : production,
    trustProxy: env.TRUST_PROXY === 'true',
    signInRateLimit: integer(env, 'SIGN_IN_RATE_LIMIT', 20),
    planStaleDays: integer(env, 'PLAN_STALE_DAYS', 90),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: logFormat(env.LOG_FORMAT),
    dataDir,
    reloadTemplates: env.NODE_ENV === 'development',
    auditKey: auditKey || DEVELOPMENT_AUDIT_KEY,
    auditPreviousKeys: Object.freeze(auditPreviousKeys),
    auditCheckpointDir: resolve(env.AUDIT_CHECKPOINT_DIR || resolve(dataDir, 'audit-checkpoints')),
  })
}
