import type { DeclaredRoute } from '../../src/http/permissions.ts'
import type { SaferModule, Samples, Services } from '../../src/modules/module.ts'
import { TEST_ACTOR } from './app.ts'

/** Every module's sample records, made in the order the modules are listed. */
export async function makeSamples(modules: readonly SaferModule[], services: Services): Promise<Samples> {
  const made: Samples = {}
  for (const module of modules) {
    const samples = module.samples ? await module.samples.make(services, { ...made }, TEST_ACTOR) : {}
    for (const [name, id] of Object.entries(samples)) {
      if (name in made) throw new Error(`Two modules make a sample named ${name}`)
      made[name] = id
    }
  }
  return made
}

/**
 * The route's url with a real id for each parameter: the sample named by the route's `record` for
 * :id, or by the parameter's own name otherwise. A parameter with no sample is an error, so a new
 * route can never be called with a made-up id that answers 404 for every role.
 */
export function concreteUrl(route: DeclaredRoute, samples: Samples): string {
  if (route.url === '/assets/*') return '/assets/safer.css'
  return route.url.replace(/:(\w+)/g, (_match, parameter: string) => {
    const name = parameter === 'id' ? route.record : parameter
    const id = name === undefined ? undefined : samples[name]
    if (id === undefined) {
      throw new Error(
        `${route.method} ${route.url}: no sample id for :${parameter}` +
          (name ? ` (no module makes a "${name}" sample)` : ' (the route declares no record for it)'),
      )
    }
    return String(id)
  })
}
