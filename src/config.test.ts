import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

const CASE_KEY = Buffer.alloc(32, 7).toString('base64')

describe('configuration', () => {
  it('defaults to an embedded SQLite database in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({})
    expect(config.dialect).toBe('sqlite')
    expect(config.sqlitePath).toMatch(/data[/\\]safer\.db$/)
    expect(config.port).toBe(3000)
    expect(config.host).toBe('127.0.0.1')
    expect(config.cookieSecure).toBe(false)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('chooses PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/safer' }).dialect).toBe('postgres')
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@localhost/safer' }).dialect).toBe('postgres')
  })

  it('refuses to start in production without a real SESSION_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'too-short' })).toThrow(
      /SESSION_SECRET/,
    )
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      AUDIT_KEY: 'k'.repeat(32),
      CASE_DATA_KEY: CASE_KEY,
    })
    expect(config.cookieSecure).toBe(true)
  })

  it('refuses to start in production without a real AUDIT_KEY, and names the development key as such', () => {
    const secret = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), CASE_DATA_KEY: CASE_KEY }
    expect(() => loadConfig(secret)).toThrow(
      'AUDIT_KEY must be set to at least 32 random characters when NODE_ENV=production',
    )
    expect(() => loadConfig({ ...secret, AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY/)
    expect(loadConfig({ ...secret, AUDIT_KEY: 'k'.repeat(32) }).auditKey).toBe('k'.repeat(32))
    expect(loadConfig({}).auditKey).toMatch(/^development-only-.*never-use-in-production$/)
  })

  it('reads previous audit keys and puts checkpoints under the data directory unless told otherwise', () => {
    const config = loadConfig({ DATA_DIR: '/srv/safer', AUDIT_PREVIOUS_KEYS: ' old-one , older-one ,' })
    expect(config.auditPreviousKeys).toEqual(['old-one', 'older-one'])
    expect(config.auditCheckpointDir).toBe(resolve('/srv/safer/audit-checkpoints'))
    expect(loadConfig({ AUDIT_CHECKPOINT_DIR: '/mnt/audit' }).auditCheckpointDir).toBe(resolve('/mnt/audit'))
  })

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number above 0 (got "eighty")')
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL must start with sqlite: or postgres:\/\//,
    )
  })

  it('reads the reminders’ mail server and public address, refusing ones it cannot use', () => {
    const off = loadConfig({})
    expect([off.smtpUrl, off.publicUrl, off.reminderSchedule]).toEqual([null, null, null])
    const on = loadConfig({
      SMTP_URL: 'smtp://u:p@mail.example:587',
      PUBLIC_URL: 'https://safer.example.gov.uk/',
      REMINDER_SCHEDULE: ' monday 08:00 ',
    })
    expect([on.smtpUrl, on.publicUrl, on.reminderSchedule]).toEqual([
      'smtp://u:p@mail.example:587',
      'https://safer.example.gov.uk',
      'monday 08:00',
    ])
    expect(() => loadConfig({ SMTP_URL: 'mail.example:25' })).toThrow(
      'SMTP_URL must start with smtp:// or smtps://',
    )
    expect(() => loadConfig({ PUBLIC_URL: 'safer.example' })).toThrow('PUBLIC_URL must be a web address')
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://safer.example' })).toThrow(
      'PUBLIC_URL must start with https:// or http://',
    )
  })

  it('gives rendered plan pages 32 MiB unless told otherwise, and takes 0 as no cache', () => {
    expect(loadConfig({}).planPageCacheMb).toBe(32)
    expect(loadConfig({ PLAN_PAGE_CACHE_MB: '0' }).planPageCacheMb).toBe(0)
    expect(() => loadConfig({ PLAN_PAGE_CACHE_MB: '-1' })).toThrow(
      'PLAN_PAGE_CACHE_MB must be a whole number of 0 or more (got "-1")',
    )
    expect(() => loadConfig({ PLAN_STALE_DAYS: '0' })).toThrow(
      'PLAN_STALE_DAYS must be a whole number above 0 (got "0")',
    )
  })

  it('refuses to start in production without CASE_DATA_KEY, and takes only 32 bytes as base64 or hex', () => {
    const keys = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), AUDIT_KEY: 'k'.repeat(32) }
    expect(() => loadConfig(keys)).toThrow(
      'CASE_DATA_KEY must be set to 32 random bytes (base64 or hex) when NODE_ENV=production',
    )
    expect(() => loadConfig({ ...keys, CASE_DATA_KEY: 'k'.repeat(40) })).toThrow(/CASE_DATA_KEY must be 32/)
    expect(() => loadConfig({ CASE_DATA_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/CASE_DATA_KEY/)
    expect(loadConfig({ ...keys, CASE_DATA_KEY: CASE_KEY }).caseDataKey).toBe(CASE_KEY)
    const hex = Buffer.alloc(32, 9).toString('hex')
    expect(loadConfig({ ...keys, CASE_DATA_KEY: hex }).caseDataKey).toBe(hex)
    expect(loadConfig({}).caseDataKey).toMatch(/^development-only-.*never-use-in-production$/)
  })

  it('takes the keys being rotated away from, comma-separated, and only real keys in production', () => {
    const keys = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      AUDIT_KEY: 'k'.repeat(32),
      CASE_DATA_KEY: CASE_KEY,
    }
    const hex = Buffer.alloc(32, 9).toString('hex')
    expect(loadConfig(keys).caseDataKeyPrevious).toEqual([])
    expect(
      loadConfig({ ...keys, CASE_DATA_KEY_PREVIOUS: ` ${hex} ,${CASE_KEY}` }).caseDataKeyPrevious,
    ).toEqual([hex, CASE_KEY])
    expect(() => loadConfig({ ...keys, CASE_DATA_KEY_PREVIOUS: 'an old development key' })).toThrow(
      /CASE_DATA_KEY_PREVIOUS/,
    )
    // Outside production a trial installation's development key may be rotated away from.
    expect(loadConfig({ CASE_DATA_KEY_PREVIOUS: 'an old development key' }).caseDataKeyPrevious).toEqual([
      'an old development key',
    ])
  })

  it('opens a case by break glass for 4 hours unless told otherwise', () => {
    expect(loadConfig({}).breakGlassHours).toBe(4)
    expect(loadConfig({ CASE_BREAK_GLASS_HOURS: '1' }).breakGlassHours).toBe(1)
    expect(() => loadConfig({ CASE_BREAK_GLASS_HOURS: '0' })).toThrow(/CASE_BREAK_GLASS_HOURS/)
  })
})
