import { join } from 'node:path'
import { ROOT_DIR } from '../../web/nunjucks.ts'
import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'

/** The Southwark extract shipped in the repository (see demo-data/README.md for sources and licences). */
export const DEMO_DATA = join(ROOT_DIR, 'demo-data')

/** Empties the analytics store and loads the Southwark extract through the same import and ingest as real data. */
export async function loadCrimeDemo(services: Pick<Services, 'crime'>, actor: Actor) {
  await services.crime.reset()
  const areas = await services.crime.importAreas(actor, [join(DEMO_DATA, 'areas')])
  const crime = await services.crime.ingest(actor, [
    join(DEMO_DATA, 'police-uk'),
    join(DEMO_DATA, 'mps-recorded-crime'),
  ])
  const failed = [...areas.failed, ...crime.failed]
  if (failed.length)
    throw new Error(`The demo crime data did not load: ${failed.map((f) => f.error).join('; ')}`)
  return { files: areas.files.length + crime.files.length, rows: crime.rows }
}
