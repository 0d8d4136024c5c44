// Runs workbookRows (rows.ts) on a worker thread. Plain JavaScript because a worker starts
// without the TypeScript loader the main thread has. Built (dist/), the compiled rows.js sits beside
// this file; run from src/, it registers tsx, then loads the TypeScript.
import { existsSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'

const compiled = new URL('./rows.js', import.meta.url)
let rows
if (existsSync(compiled)) rows = await import(compiled.href)
else {
  const { register } = await import('tsx/esm/api')
  register()
  rows = await import('./rows.ts')
}
const { workbookRows } = rows
try {
  const rows = await workbookRows(
    Buffer.from(workerData.buffer),
    workerData.name,
    workerData.limits,
    workerData.choice,
  )
  parentPort.postMessage({ rows })
} catch (error) {
  parentPort.postMessage({
    refused: error?.constructor?.name ?? 'Error',
    message: String(error?.message ?? error),
  })
}
