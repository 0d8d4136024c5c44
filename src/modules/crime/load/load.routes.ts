import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cleanFileName } from '../../../http/uploads.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { ArchiveRefusedError } from './archive.ts'
import { parseForces } from './forces.ts'
import { loadJobView } from './load.view.ts'

const FORM = 'crime/views/load.njk'
const JOB = 'crime/views/load-job.njk'

/** Most bytes one uploaded file may have (an archive of a few forces and months, or a year of CSVs). */
export const MAX_LOAD_FILE_BYTES = 100 * 1024 * 1024
const MAX_FILES = 50
const UPLOAD_LIMITS = {
  fileSize: MAX_LOAD_FILE_BYTES,
  files: MAX_FILES,
  fields: 10,
  fieldSize: 10_000,
  parts: MAX_FILES + 10,
}
const ACCEPTED = /\.(csv|zip)$/i

interface SavedFile {
  name: string
  path: string
  tooLarge: boolean
}

/** The name as a file name on disk: letters, digits, dots, dashes and underscores only, never a path. */
const safeFileName = (name: string) => name.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_') || 'upload'

/** Loading police.uk and Met files from the browser: the upload form, and each load's progress and report. */
export async function loadRoutes(app: FastifyInstance, { crime }: Pick<Services, 'crime'>) {
  const load = { permission: 'crime:load' as const }
  // Each upload's folder, so that one refused (bad CSRF token, bad form) is removed after its answer.
  const folders = new WeakMap<FastifyRequest, { dir: string; count: number; claimed: boolean }>()

  app.addHook('onListen', async () => crime.loads.removeLeftovers())

  async function defaultForces(): Promise<string> {
    const loaded = (await crime.coverage().catch(() => []))
      .filter((c) => c.source !== 'recorded')
      .map((c) => c.area)
    return [...new Set(loaded)].join(', ')
  }

  async function renderForm(
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown>,
    errors?: FieldErrors,
  ) {
    return reply.code(status).page(FORM, {
      pageTitle: 'Load crime data',
      values: { forces: await defaultForces(), ...values },
      errors,
      maxMegabytes: MAX_LOAD_FILE_BYTES / 1024 / 1024,
      maxFiles: MAX_FILES,
      backLink: paths.crime.data(),
    })
  }

  /** Streams each file to the upload's folder on disk as it arrives: a large upload is never held in memory. */
  async function saveFile(this: FastifyRequest, part: MultipartFile) {
    let upload = folders.get(this)
    if (!upload) {
      upload = { dir: crime.loads.newUploadFolder(), count: 0, claimed: false }
      folders.set(this, upload)
    }
    const name = cleanFileName(part.filename)
    // A folder per file, so each keeps its own name (reports and the history name files by it).
    const folder = join(upload.dir, String(upload.count++))
    mkdirSync(folder)
    const path = join(folder, safeFileName(name))
    await pipeline(part.file, createWriteStream(path, { mode: 0o600 }))
    ;(part as unknown as { value: SavedFile }).value = { name, path, tooLarge: part.file.truncated }
  }

  app.get(paths.crime.load(), { config: load }, async (_request, reply) => renderForm(reply, 200, {}))

  // Only the upload takes multipart bodies; the CSRF token travels in the multipart body.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile: saveFile,
      throwFileSizeLimit: false,
      limits: UPLOAD_LIMITS,
    })
    scope.addHook('onResponse', async (request) => {
      const upload = folders.get(request)
      if (upload && !upload.claimed) rmSync(upload.dir, { recursive: true, force: true })
    })
    scope.post(paths.crime.load(), { config: load }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const forcesText = typeof body.forces === 'string' ? body.forces.trim() : ''
      const skipBadRows = body.skipBadRows === 'yes'
      const values = { forces: forcesText, skipBadRows }
      const files = [body.files ?? []]
        .flat()
        .filter((f): f is SavedFile => !!f && typeof f === 'object' && 'path' in f)
      const chosen = files.filter((f) => f.name !== '')
      const errors: FieldErrors = {}
      if (chosen.length === 0) errors.files = 'Select the police.uk or Met recorded-crime files to load'
      const wrong = chosen.find((f) => !ACCEPTED.test(f.name))
      if (wrong) errors.files = `${wrong.name} is not a .csv file or a police.uk .zip archive`
      const large = chosen.find((f) => f.tooLarge)
      if (large)
        errors.files = `${large.name} is over ${MAX_LOAD_FILE_BYTES / 1024 / 1024} MB: load it at the command line (safer crime ingest)`
      const forces = parseForces(forcesText)
      if (chosen.some((f) => /\.zip$/i.test(f.name)) && forces.size === 0)
        errors.forces = 'Enter the forces to keep from the archive'
      if (Object.keys(errors).length) return renderForm(reply, 400, values, errors)
      const upload = folders.get(request)
      if (!upload) return renderForm(reply, 400, values, { files: 'Select the files to load' })
      try {
        const job = await crime.loads.start(request.actor, {
          folder: upload.dir,
          files: chosen,
          forces,
          skipBadRows,
        })
        // The load has the folder now, and removes it when done.
        upload.claimed = true
        return reply.redirect(paths.crime.loadJob(job.id), 303)
      } catch (error) {
        if (!(error instanceof ArchiveRefusedError)) throw error
        return renderForm(reply, 400, values, { files: error.message })
      }
    })
  })

  app.get(
    paths.crime.loadJob(':id'),
    { config: { ...load, record: 'crimeLoad' } },
    async (request, reply) => {
      const id = Number((request.params as { id: string }).id)
      const job = Number.isSafeInteger(id) ? crime.loads.get(id) : null
      if (!job)
        return reply.code(404).page('error.njk', {
          pageTitle: 'Load not found',
          paragraphs: [
            'Safer keeps the last 100 loads until it restarts. The data page lists every file loaded.',
          ],
        })
      return reply.page(JOB, {
        pageTitle: 'Loading crime data',
        backLink: paths.crime.data(),
        ...loadJobView(job),
      })
    },
  )
}
