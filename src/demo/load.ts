import type { Actor } from '../modules/audit/service.ts'
import { MODULES } from '../modules/index.ts'
import type { SaferModule, Services } from '../modules/module.ts'

export { DEMO_PASSWORD, type DemoLogin, demoLogins } from '../modules/auth/demo.ts'

export const DEMO_ACTOR: Actor = { userId: null, label: 'demo loader', ip: null }

/**
 * Loads the demo partnership through the services, exactly as a user would enter it: each module's
 * part in the order the modules are listed.
 */
export async function loadDemo(services: Services, modules: readonly SaferModule[] = MODULES) {
  for (const module of modules) await module.demo?.load(services, DEMO_ACTOR)
}

/** Loads the part of the demo each module finds missing: a database made before that module existed. */
export async function loadMissingDemo(services: Services, modules: readonly SaferModule[] = MODULES) {
  for (const module of modules) {
    if (module.demo && (await module.demo.missing?.(services))) await module.demo.load(services, DEMO_ACTOR)
  }
}
