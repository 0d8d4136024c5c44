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
  /** Memory for rendered plan pages, in MiB; 0 renders every view afresh. */
  readonly planPageCacheMb: number
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
  /** Where reminder e-mails are sent through (`smtp://user:pass@host:587`, `smtps://…`); none sends nothing. */
  readonly smtpUrl: string | null
  /** The From address of reminder e-mails. */
  readonly reminderFrom: string
  /** When the weekly reminders go out (`monday 08:00`, London time); none is no schedule. */
  readonly reminderSchedule: string | null
  /** Safer's own address as people reach it (`https://safer.example.gov.uk`), for links in e-mails. */
  readonly publicUrl: string | null
  /** Working days after publication that a decision subject to call-in may be called in. */
  readonly callInWorkingDays: number
  /** Encrypts case data and keys its blind index: 32 bytes as base64 or hex (a named development key outside production). */
  readonly caseDataKey: string
  /** Keys CASE_DATA_KEY replaced, still read until `safer cases rotate-key` has re-encrypted under the new one. */
  readonly caseDataKeyPrevious: readonly string[]
  /** How long a break-glass opening of a case lasts. */
  readonly breakGlassHours: number
  /** The ONS small area population estimates (by 2011 LSOA, with sex and age) the SafeLives return divides by; none leaves the rate out. */
  readonly maracPopulationFile: string | null
  /** The local authority (name or ONS code) whose adult women the return counts. */
  readonly maracArea: string | null
}

export class ConfigError extends Error {}

// A fixed development secret keeps sign-ins alive across restarts of the demo;
// production refuses to start without a real one.
const DEVELOPMENT_SECRET = 'development-only-secret-never-use-in-production'
// The same for the audit key: a development log verifies across restarts, and production has its own.
export const DEVELOPMENT_AUDIT_KEY = 'development-only-audit-key-never-use-in-production'
// And for case data: anything sealed under it is readable by anyone with this source code.
export const DEVELOPMENT_CASE_DATA_KEY = 'development-only-case-data-key-never-use-in-production'

/** 32 bytes written as hex (64 characters) or base64 / base64url (43 or 44). */
function isCaseDataKey(raw: string): boolean {
  const text = raw.trim()
  if (/^[0-9a-f]{64}$/i.test(text)) return true
  return /^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text) && Buffer.from(text, 'base64').length === 32
}

function caseDataKeyOf(raw: string | undefined, production: boolean): string {
  if (!raw) {
    if (production)
      throw new ConfigError(
        'CASE_DATA_KEY must be set to 32 random bytes (base64 or hex) when NODE_ENV=production: see docs/operator-guide.md',
      )
    return DEVELOPMENT_CASE_DATA_KEY
  }
  if (!isCaseDataKey(raw))
    throw new ConfigError(
      'CASE_DATA_KEY must be 32 random bytes written as base64 or hex (make one with: openssl rand -base64 32)',
    )
  return raw.trim()
}

// CASE_DATA_KEY_PREVIOUS: the keys being rotated away from, comma-separated. Outside production an
// old development key (any text) may be one, so a trial installation can move to a real key.
function previousCaseDataKeys(raw: string | undefined, production: boolean): string[] {
  const keys = (raw ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
  if (production && keys.some((k) => !isCaseDataKey(k)))
    throw new ConfigError(
      'Each key in CASE_DATA_KEY_PREVIOUS must be 32 random bytes written as base64 or hex',
    )
  return keys
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(
      `${name} must be a whole number ${min === 0 ? 'of 0 or more' : `above ${min - 1}`} (got "${raw}")`,
    )
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
  throw new ConfigError(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl.split(':')[0]}:…")`,
  )
}

export function sqlitePathOf(databaseUrl: string, cwd = process.cwd()): string {
  const path = databaseUrl.slice('sqlite:'.length)
  return path === ':memory:' ? path : resolve(cwd, path)
}

function smtpUrlOf(raw: string | undefined): string | null {
  if (!raw) return null
  if (!/^smtps?:\/\/[^/]/.test(raw))
    throw new ConfigError(
      'SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:password@mail.example:587)',
    )
  return raw
}

function publicUrlOf(raw: string | undefined): string | null {
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(
      `PUBLIC_URL must be a web address such as https://safer.example.gov.uk (got "${raw}")`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError('PUBLIC_URL must start with https:// or http://')
  // Links are made by appending a path: no trailing slash, query or fragment to get in the way.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const dataDir = resolve(env.DATA_DIR || './data')
  const databaseUrl = env.DATABASE_URL || `sqlite:${resolve(dataDir, 'safer.db')}`
  const dialect = dialectOf(databaseUrl)
  const sessionSecret = env.SESSION_SECRET || ''
  if (production && sessionSecret.length < 32) {
    throw new ConfigError(
      'SESSION_SECRET must be set to at least 32 random characters when NODE_ENV=production',
    )
  }
  const auditKey = env.AUDIT_KEY || ''
  if (production && auditKey.length < 32) {
    throw new ConfigError('AUDIT_KEY must be set to at least 32 random characters when NODE_ENV=production')
  }
  const caseDataKey = caseDataKeyOf(env.CASE_DATA_KEY, production)
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
    planPageCacheMb: integer(env, 'PLAN_PAGE_CACHE_MB', 32, 0),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: logFormat(env.LOG_FORMAT),
    dataDir,
    reloadTemplates: env.NODE_ENV === 'development',
    auditKey: auditKey || DEVELOPMENT_AUDIT_KEY,
    auditPreviousKeys: Object.freeze(auditPreviousKeys),
    auditCheckpointDir: resolve(env.AUDIT_CHECKPOINT_DIR || resolve(dataDir, 'audit-checkpoints')),
    smtpUrl: smtpUrlOf(env.SMTP_URL),
    reminderFrom: env.REMINDER_FROM || 'Safer <safer@localhost>',
    reminderSchedule: env.REMINDER_SCHEDULE?.trim() || null,
    publicUrl: publicUrlOf(env.PUBLIC_URL),
    callInWorkingDays: integer(env, 'CALL_IN_WORKING_DAYS', 5),
    caseDataKey,
    caseDataKeyPrevious: previousCaseDataKeys(env.CASE_DATA_KEY_PREVIOUS, production),
    breakGlassHours: integer(env, 'CASE_BREAK_GLASS_HOURS', 4),
    maracPopulationFile: env.MARAC_POPULATION_FILE?.trim() ? resolve(env.MARAC_POPULATION_FILE.trim()) : null,
    maracArea: env.MARAC_AREA?.trim() || null,
  })
}
