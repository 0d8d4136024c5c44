import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import SqliteDatabase from 'better-sqlite3'
import { openDatabase } from '../db/database.ts'
import { migrateToLatest, migrateToNothing } from '../db/migrate.ts'
import { DEMO_PASSWORD, demoLogins, loadDemo } from '../demo/load.ts'
import { createServices } from '../deps.ts'
import { startServer } from '../server.ts'
import { CLI_ACTOR_LABEL, type Command, UsageError } from './command.ts'

const REQUIRED_TABLES = ['users', 'organisations', 'audit_log']

export const systemCommands: Command[] = [
  {
    name: 'serve',
    usage: 'safer serve [--demo]',
    summary: 'Start the web server (--demo loads the demo partnership into an empty database)',
    async run({ config, args }) {
      const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } })
      await startServer(config, { demo: values.demo })
      return new Promise<number>(() => {}) // runs until stopped
    },
  },
  {
    name: 'migrate',
    usage: 'safer migrate',
    summary: 'Bring the database schema up to date',
    async run({ config, out }) {
      const database = openDatabase(config.databaseUrl)
      try {
        const applied = await migrateToLatest(database.db, database.dialect)
        out(applied.length ? applied.join('\n') : 'The database is up to date.')
        return 0
      } finally {
        await database.close()
      }
    },
  },
  {
    name: 'demo',
    usage: 'safer demo',
    summary: 'Empty the database and load the demo partnership',
    async run({ config, out }) {
      if (config.production) throw new UsageError('The demo cannot be loaded with NODE_ENV=production')
      const database = openDatabase(config.databaseUrl)
      try {
        await migrateToNothing(database.db, database.dialect)
        await migrateToLatest(database.db, database.dialect)
        const services = createServices(database, config)
        // The old log is gone: its checkpoints would only report the new one as rewritten.
        await services.audit.retireCheckpoints()
        await loadDemo(services)
        out(`Demo partnership loaded. Password for every demo user: ${DEMO_PASSWORD}`)
        for (const login of demoLogins()) out(`  ${login.role.padEnd(20)} ${login.email}`)
        return 0
      } finally {
        await database.close()
      }
    },
  },
  {
    name: 'backup',
    usage: 'safer backup FILE',
    summary: 'Copy the SQLite database while it is in use (PostgreSQL: prints the pg_dump command)',
    async run({ config, args, out }) {
      const file = args[0]
      if (!file) throw new UsageError('Give the file to write the backup to')
      if (config.dialect === 'postgres') {
        out(
          `Safer uses PostgreSQL here. Back it up with:\n  pg_dump --format=custom --file="${file}" "$DATABASE_URL"`,
        )
        return 0
      }
      const database = openDatabase(config.databaseUrl)
      try {
        // A backup is the whole database leaving Safer's hands: it is an export like any other. Recorded
        // first, so that the copy holds its own entry and a restored log ends where the checkpoints say.
        await createServices(database, config).audit.log(
          { userId: null, label: CLI_ACTOR_LABEL, ip: null },
          { action: 'database.backup', entityType: 'database', detail: { file: resolve(file) } },
        )
        await database.sqlite?.backup(resolve(file))
        out(`Backed up ${config.sqlitePath} to ${resolve(file)}`)
        return 0
      } finally {
        await database.close()
      }
    },
  },
  {
    name: 'restore',
    usage: 'safer restore FILE',
    summary:
      'Replace the SQLite database with a backup (stop the server first; PostgreSQL: prints the pg_restore command)',
    async run({ config, args, out, err }) {
      const file = args[0]
      if (!file) throw new UsageError('Give the backup file to restore')
      if (config.dialect === 'postgres') {
        out(
          `Safer uses PostgreSQL here. Restore with:\n  pg_restore --clean --if-exists --dbname="$DATABASE_URL" "${file}"`,
        )
        return 0
      }
      const source = resolve(file)
      if (!existsSync(source)) {
        err(`${file}: no such file`)
        return 1
      }
      // Check before overwriting anything: a wrong file must leave the current database as it was.
      try {
        const check = new SqliteDatabase(source, { readonly: true, fileMustExist: true })
        const names = check
          .prepare("select name from sqlite_master where type = 'table'")
          .pluck()
          .all() as string[]
        check.close()
        const missing = REQUIRED_TABLES.filter((t) => !names.includes(t))
        if (missing.length) {
          err(`${file} is not a Safer backup: it has no ${missing.join(', ')} table`)
          return 1
        }
      } catch (error) {
        err(`${file} is not a SQLite database (${(error as Error).message})`)
        return 1
      }
      for (const suffix of ['-wal', '-shm']) rmSync(config.sqlitePath + suffix, { force: true })
      copyFileSync(source, config.sqlitePath)
      out(`Restored ${config.sqlitePath} from ${source}. Run "safer audit verify" to check the audit log.`)
      return 0
    },
  },
]
