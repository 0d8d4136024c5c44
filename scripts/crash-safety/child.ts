// The process the crash-safety script kills: it works without pause at one kind of write until
// SIGKILL arrives. Usage: tsx child.ts plan|crime|progress DATA_DIR
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadConfig } from '../../src/config.ts'
import { createDeps } from '../../src/deps.ts'
import { asCurrentUser } from '../../src/access/current-user.ts'

const [scenario, dataDir] = process.argv.slice(2) as [string, string]
const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures')
const actor = { userId: null, label: 'crash-safety', ip: null }
const config = loadConfig({
  DATABASE_URL: `sqlite:${join(dataDir, 'safer.db')}`,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
  SESSION_SECRET: 'crash-'.padEnd(40, 'x'),
})
const deps = await createDeps(config)
const s = deps.services
const seed = readFileSync(join(FIXTURES, 'plans/seed-003.tsv'))
const ready = () => process.stdout.write('ready\n')

if (scenario === 'plan') {
  ready()
  for (let i = 0; ; i++)
    await s.planImport.importPlan(actor, {
      fileName: 'seed-003.tsv',
      content: seed,
      title: `Crash plan ${process.pid}-${i}`,
    })
} else if (scenario === 'crime') {
  const folder = join(FIXTURES, 'crime')
  const files = readdirSync(folder).map((f) => join(folder, f))
  ready()
  for (;;) await s.crime.ingest(actor, files)
} else if (scenario === 'progress') {
  const plans = await s.plans.listPlans()
  const planId =
    plans[0]?.id ?? (await s.planImport.importPlan(actor, { fileName: 'seed-003.tsv', content: seed })).planId
  if (!(await s.users.list()).some((u) => u.role === 'admin')) {
    const organisationId = await s.partners.createOrganisation(actor, {
      name: 'Crash Council',
      shortName: 'CC',
      type: 'council',
    })
    await s.users.create(actor, {
      email: 'admin@crash.example',
      name: 'Crash Admin',
      organisationId,
      role: 'admin',
      password: 'crash-safety-password-long',
    })
  }
  const admin = (await s.users.list()).find((u) => u.role === 'admin')
  if (!admin || !planId) throw new Error('set-up missing')
  const user = asCurrentUser(admin)
  const plan = await s.plans.getPlan(planId)
  const ids = plan.themes.flatMap((t) => t.actions.flatMap((a) => a.deliverables.map((d) => d.id)))
  const today = new Date().toISOString().slice(0, 10)
  ready()
  for (let i = 0; ; i++) {
    const id = ids[i % ids.length] as number
    await s.deliverables.addUpdate(actor, user, id, {
      updateOn: today,
      text: `Burst update ${i}`,
      rag: ['green', 'amber', 'red'][i % 3],
    })
  }
} else {
  throw new Error(`unknown scenario ${scenario}`)
}
