// Child process started by app-server.ts: the real app, listening on loopback, on the database
// and configuration its parent passes in the environment. It creates one organisation and one
// user, tells the parent where it listens, and stops when the parent disconnects or asks it to.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createDeps } from '../../src/deps.ts'
import type { Role } from '../../src/access/roles.ts'
import { exportPlanCsv } from '../../src/modules/plans/export/index.ts'
import type { ServerReady } from './app-server.ts'
import { generatePlan } from './plan-generator.ts'

const ACTOR = { userId: null, label: 'benchmark setup', ip: null }
// Never more than this, whatever happens to the parent.
const HARD_LIMIT_MS = 15 * 60_000

async function main() {
  if (!process.send) throw new Error('serve.ts is started by bench/support/app-server.ts, not directly')
  const email = process.env.BENCH_USER_EMAIL ?? 'bench@bench.example'
  const password = process.env.BENCH_USER_PASSWORD ?? ''
  const role = (process.env.BENCH_USER_ROLE ?? 'admin') as Role

  const config = loadConfig(process.env)
  const deps = await createDeps(config)
  const organisationId = await deps.services.partners.createOrganisation(ACTOR, {
    name: 'Benchmark Council',
    shortName: 'BC',
    type: 'council',
  })
  await deps.services.users.create(ACTOR, { email, name: 'Bench Mark', organisationId, role, password })
  // Plan-page benchmark: a generated plan of the size asked for, and a folder served as static files
  // by this same app, where the benchmark puts a copy of the rendered page.
  const planSize = Number(process.env.BENCH_PLAN_DELIVERABLES ?? 0)
  let planId: number | undefined
  if (planSize > 0) {
    const content = Buffer.from(exportPlanCsv(generatePlan(planSize)), 'utf8')
    planId = (await deps.services.planImport.importPlan(ACTOR, { fileName: 'generated.csv', content })).planId ?? undefined
  }
  const staticDir = join(config.dataDir, 'bench-static')
  mkdirSync(staticDir, { recursive: true })
  const { app } = await createApp(deps, {
    // The same sendFile that serves /assets/, on a folder of the benchmark's own.
    extend: async (instance) => {
      instance.get('/bench-static/:file', { config: { permission: 'public' } }, (request, reply) =>
        reply.sendFile((request.params as { file: string }).file, staticDir),
      )
    },
  })
  // Port 0: the kernel picks a free one. Loopback only, whatever HOST says.
  const address = await app.listen({ host: '127.0.0.1', port: 0 })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await app.close()
    await deps.database.close()
    process.exit(0)
  }
  process.on('disconnect', () => void stop())
  process.on('message', (message) => {
    if (message === 'stop') void stop()
  })
  process.once('SIGTERM', () => void stop())
  setTimeout(() => process.exit(2), HARD_LIMIT_MS).unref()

  const ready: ServerReady = { type: 'ready', origin: address, email, password, planId, staticDir }
  process.send(ready)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
