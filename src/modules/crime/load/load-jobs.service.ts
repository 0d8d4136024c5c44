import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Actor, AuditService } from '../../audit/service.ts'
import type { IngestOptions, IngestReport } from '../ingest/ingest.service.ts'
import { type ArchivePlan, ArchiveRefusedError, planArchive, unpackArchive } from './archive.ts'

// Crime files loaded from the browser. The upload is saved to a folder of its own, then loaded by
// the server (the store's one writer) in the background, while the analyst watches its progress.

export interface UploadedCrimeFile {
  /** As the browser named it: shown, never used as a path. */
  name: string
  /** Where it was saved, inside the upload's folder. */
  path: string
}

export type LoadStatus = 'waiting' | 'unpacking' | 'loading' | 'done' | 'failed'

export interface LoadJob {
  id: number
  status: LoadStatus
  by: string
  userId: number | null
  startedAt: string
  finishedAt: string | null
  files: string[]
  forces: string[]
  filesDone: number
  filesTotal: number
  currentFile: string
  report: IngestReport | null
  /** Why the load stopped, when nothing could be loaded at all. */
  error: string | null
}

type Ingest = (actor: Actor, paths: string[], options?: IngestOptions) => Promise<IngestReport>

const KEEP_FINISHED = 100
export const LOAD_FOLDER = /^crime-load-[0-9a-f]{32}$/

export function createLoadJobs(audit: AuditService, ingest: Ingest, uploadsDir: string) {
  const jobs = new Map<number, LoadJob>()
  const running = new Map<number, Promise<void>>()
  let nextId = 1

  /** A new folder for one upload's files, readable by the server's account only. */
  function newUploadFolder(): string {
    const dir = join(uploadsDir, `crime-load-${randomBytes(16).toString('hex')}`)
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    return dir
  }

  /** Folders left by a server that stopped mid-load: their jobs went with it. */
  function removeLeftovers(): void {
    let names: string[] = []
    try {
      names = readdirSync(uploadsDir)
    } catch {
      return
    }
    for (const name of names)
      if (LOAD_FOLDER.test(name)) rmSync(join(uploadsDir, name), { recursive: true, force: true })
  }

  /** Checks each archive's directory now, so a refusal is shown on the form, not later. */
  function planArchives(files: UploadedCrimeFile[], forces: ReadonlySet<string>) {
    const plans = new Map<UploadedCrimeFile, ArchivePlan>()
    for (const f of files)
      if (/\.zip$/i.test(f.name)) plans.set(f, planArchive(readFileSync(f.path), f.name, forces))
    return plans
  }

  async function run(
    job: LoadJob,
    actor: Actor,
    folder: string,
    files: UploadedCrimeFile[],
    plans: Map<UploadedCrimeFile, ArchivePlan>,
    skipBadRows: boolean,
  ) {
    try {
      job.status = 'unpacking'
      const paths: string[] = []
      for (const f of files) {
        const plan = plans.get(f)
        if (!plan) {
          paths.push(f.path)
          continue
        }
        const into = join(folder, `archive-${paths.length}`)
        paths.push(...unpackArchive(readFileSync(f.path), f.name, plan, into))
        rmSync(f.path, { force: true })
      }
      job.status = 'loading'
      job.report = await ingest(actor, paths, {
        skipBadRows,
        onProgress: (done, total, file) => {
          job.filesDone = done
          job.filesTotal = total
          job.currentFile = file
        },
      })
      job.status = 'done'
    } catch (error) {
      job.status = 'failed'
      job.error =
        error instanceof ArchiveRefusedError ? error.message : `The load stopped: ${(error as Error).message}`
    } finally {
      job.finishedAt = new Date().toISOString()
      rmSync(folder, { recursive: true, force: true })
      forgetOldest()
    }
  }

  function forgetOldest() {
    const finished = [...jobs.values()].filter((j) => j.finishedAt)
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      jobs.delete(j.id)
      running.delete(j.id)
    }
  }

  /**
   * Starts loading the files saved in `folder`: archives are checked now (ArchiveRefusedError if
   * one is refused, and the folder is removed), then unpacked and ingested in the background.
   */
  async function start(
    actor: Actor,
    upload: {
      folder: string
      files: UploadedCrimeFile[]
      forces: ReadonlySet<string>
      skipBadRows?: boolean
    },
  ): Promise<LoadJob> {
    let plans: Map<UploadedCrimeFile, ArchivePlan>
    try {
      plans = planArchives(upload.files, upload.forces)
    } catch (error) {
      rmSync(upload.folder, { recursive: true, force: true })
      throw error
    }
    const job: LoadJob = {
      id: nextId++,
      status: 'waiting',
      by: actor.label,
      userId: actor.userId,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      files: upload.files.map((f) => f.name),
      forces: plans.size ? [...upload.forces] : [],
      filesDone: 0,
      filesTotal: upload.files.length,
      currentFile: '',
      report: null,
      error: null,
    }
    // Who loaded what: each file's ingest is audited too, as at the command line.
    await audit.log(actor, {
      action: 'crime.load',
      entityType: 'crime_load',
      entityId: job.id,
      detail: { files: job.files, forces: job.forces },
    })
    jobs.set(job.id, job)
    running.set(job.id, run(job, actor, upload.folder, upload.files, plans, upload.skipBadRows ?? false))
    return job
  }

  return {
    newUploadFolder,
    removeLeftovers,
    start,
    get: (id: number) => jobs.get(id) ?? null,
    /** Resolves once the job has finished (for the command line and tests; pages poll instead). */
    async finished(id: number): Promise<LoadJob | null> {
      await running.get(id)
      return jobs.get(id) ?? null
    },
  }
}

export type LoadJobs = ReturnType<typeof createLoadJobs>
