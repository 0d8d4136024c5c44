import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { PageContext, Services } from '../../module.ts'
import { changeCommand } from '../change-command.ts'
import { crimeCommands } from '../cli.ts'
import { openOperatorChannel } from './channel.ts'

// Commands that need only the crime service: these the server runs for an operator while it holds
// the store. The assessment writes a file where it runs, so it is not among them.
const FORWARDED = new Set(['crime ingest', 'areas import', 'crime counts', 'crime rate', 'crime change'])

/** While the server listens, the command line works beside it through the operator channel (ADR 0019). */
export function operatorChannelRoutes(
  app: FastifyInstance,
  { crime }: Pick<Services, 'crime'>,
  { config }: PageContext,
) {
  let channel: { close(): Promise<void> } | null = null
  app.addHook('onListen', async () => {
    if (crime.storePath === ':memory:') return
    channel = await openOperatorChannel({
      storePath: crime.storePath,
      uploadsDir: join(config.dataDir, 'uploads'),
      commands: [...crimeCommands, changeCommand].filter((c) => FORWARDED.has(c.name)),
      services: { crime },
      log: app.log,
    })
  })
  app.addHook('onClose', async () => {
    await channel?.close()
    channel = null
  })
}
