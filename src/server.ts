import { createApp } from './app.ts'
import type { Config } from './config.ts'
import { DEMO_PASSWORD, demoLogins, loadDemo, loadMissingDemo } from './demo/load.ts'
import { createDeps } from './deps.ts'
import { anchorAuditLogAtStart } from './modules/audit/anchor.ts'

const PURGE_INTERVAL_MS = 15 * 60_000

/** The only place that listens. With demo, an empty database is filled with the demo partnership first. */
export async function startServer(config: Config, options: { demo?: boolean } = {}) {
  if (options.demo && config.production) throw new Error('The demo cannot run with NODE_ENV=production')
  const deps = await createDeps(config)
  if (options.demo && (await deps.services.users.count()) === 0) await loadDemo(deps.services)
  // A database made before a module existed still gets that module's part of the demo.
  if (options.demo) await loadMissingDemo(deps.services)
  const { app } = await createApp(deps)
  await anchorAuditLogAtStart(app, deps.services.audit)
  const purge = setInterval(() => void deps.services.auth.purgeExpiredSessions(), PURGE_INTERVAL_MS)
  purge.unref()

  const shutdown = async () => {
    clearInterval(purge)
    await app.close()
    await deps.database.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  const address = await app.listen({ host: config.host, port: config.port })
  const where = config.dialect === 'sqlite' ? config.sqlitePath : 'PostgreSQL'
  console.log(`\nSafer is running at ${address.replace('127.0.0.1', 'localhost')} (database: ${where})`)
  if (options.demo) {
    console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`)
    for (const login of demoLogins()) console.log(`  ${login.role.padEnd(20)} ${login.email}`)
    console.log('\nThese accounts are for the demo only. Press Ctrl+C to stop.\n')
  }
  return { app, deps }
}
