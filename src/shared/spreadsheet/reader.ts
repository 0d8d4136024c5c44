import { Worker } from 'node:worker_threads'
import {
  checkWorkbookDirectory,
  SPREADSHEET_LIMITS,
  type SpreadsheetLimits,
  SpreadsheetRefusedError,
} from './guard.ts'
import { type SheetChoice, type SheetRows, UnusableWorkbookError, workbookRows } from './rows.ts'

// Reading a workbook is CPU work for the whole of it: on the server's one thread a large one would
// hold up every other request. Workbooks past this size are read on a worker thread instead;
// smaller ones (every real plan so far) are quicker read here than a worker takes to start.
export const OFF_THREAD_BYTES = 2 * 1024 * 1024

// A worker gets a heap of its own with a ceiling, so a workbook that is legal but still too much
// for the spreadsheet library fails that one upload, not the server.
const WORKER_HEAP_MB = 1024
// At most this many workbooks are read at once; the rest wait their turn.
const MAX_WORKERS = 2

let running = 0
const waiting: Array<() => void> = []

async function turn(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  return () => {
    running--
    waiting.shift()?.()
  }
}

interface WorkerAnswer {
  rows?: SheetRows
  refused?: string
  message?: string
}

async function rowsOffThread(
  buffer: Buffer,
  name: string,
  limits: SpreadsheetLimits,
  choice: SheetChoice,
): Promise<SheetRows> {
  const done = await turn()
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: { buffer: new Uint8Array(buffer), name, limits, choice },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      })
      worker.once('message', (message: WorkerAnswer) => {
        resolve(message)
        void worker.terminate()
      })
      worker.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          resolve({
            refused: 'SpreadsheetRefusedError',
            message: `${name} is too large for Safer to read. Delete unused rows and sheets, or save it as .csv, and import that.`,
          })
        } else reject(error)
      })
      worker.once('exit', (code) =>
        reject(new Error(`Reading ${name} stopped unexpectedly (worker exit ${code})`)),
      )
    })
    if (answer.rows) return answer.rows
    if (answer.refused === 'SpreadsheetRefusedError') throw new SpreadsheetRefusedError(answer.message)
    if (answer.refused === 'UnusableWorkbookError') throw new UnusableWorkbookError(answer.message)
    throw new Error(answer.message)
  } finally {
    done()
  }
}

/**
 * The one way an uploaded .xlsx is read, for every module that takes spreadsheets: the directory
 * is checked at once, then the parts are measured and the sheet read, off the event loop when large.
 * Throws SpreadsheetRefusedError or UnusableWorkbookError, each naming the file.
 */
export async function readWorkbook(
  buffer: Buffer,
  name: string,
  limits = SPREADSHEET_LIMITS,
  choice: SheetChoice = {},
): Promise<SheetRows> {
  const { declaredBytes } = checkWorkbookDirectory(buffer, name, limits)
  if (declaredBytes <= OFF_THREAD_BYTES) return workbookRows(buffer, name, limits, choice)
  return rowsOffThread(buffer, name, limits, choice)
}

export { SPREADSHEET_LIMITS, type SpreadsheetLimits, SpreadsheetRefusedError } from './guard.ts'
export { type SheetChoice, type SheetRows, UnusableWorkbookError } from './rows.ts'
