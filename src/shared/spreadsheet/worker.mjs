// Runs workbookRows (rows.ts) on a worker thread. Plain JavaScript because a worker starts
// without the TypeScript loader the main thread has: it registers tsx, then loads the real code.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { workbookRows } = await import('./rows.ts')
try {
  const rows = await workbookRows(Buffer.from(workerData.buffer), workerData.name, workerData.limits)
  parentPort.postMessage({ rows })
} catch (error) {
  parentPort.postMessage({
    refused: error?.constructor?.name ?? 'Error',
    message: String(error?.message ?? error),
  })
}
