import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  inflateEntry,
  readDirectory,
  type ZipEntry,
  ZipEntryTooLargeError,
  ZipFormatError,
} from '../../../shared/zip.ts'
import { forceName } from '../ingest/detect.ts'

// A police.uk archive as downloaded: a ZIP of YYYY-MM/YYYY-MM-FORCE-street|outcomes|stop-and-search.csv
// for every force and month asked for. It is measured the way every uploaded workbook is (ADR 0012):
// its directory first, then each part inflated with a hard cap, because whoever made the file wrote
// the directory. Only the forces asked for are unpacked, to disk, never the whole archive.

export interface ArchiveLimits {
  /** Most bytes the parts kept may unpack to together. */
  maxUnpackedBytes: number
  /** Most times larger than its compressed size a part may unpack to. */
  maxRatio: number
}

// CSV parts go to disk, not into memory as a workbook's do, so the total may be larger than a
// workbook's 100 MB; the ratio is the same, since police.uk CSVs compress about 10 to 1.
export const ARCHIVE_LIMITS: ArchiveLimits = { maxUnpackedBytes: 1024 * 1024 * 1024, maxRatio: 100 }
const RATIO_FLOOR_BYTES = 1024 * 1024

const POLICE_UK_PART = /(?:^|\/)(\d{4}-\d{2})-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv$/i

/** Refused before anything is loaded: the message names the file and says why. */
export class ArchiveRefusedError extends Error {}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The force a police.uk part belongs to, by the name its street files use ("Metropolitan Police Service"). */
export function partForce(entryName: string): string | null {
  const slug = entryName.match(POLICE_UK_PART)?.[2]
  return slug ? forceName(slug.toLowerCase()) : null
}

export interface ArchivePlan {
  kept: ZipEntry[]
  /** Forces in the archive that were not asked for. */
  leftOut: string[]
}

/** Reads the directory and chooses the parts to keep; cheap (nothing is inflated), so it runs on upload. */
export function planArchive(
  zip: Buffer,
  name: string,
  forces: ReadonlySet<string>,
  limits = ARCHIVE_LIMITS,
): ArchivePlan {
  let entries: ZipEntry[]
  try {
    entries = readDirectory(zip, 100_000)
  } catch (error) {
    if (error instanceof ZipFormatError)
      throw new ArchiveRefusedError(
        `${name} could not be read as a police.uk archive: ${error.message.replace('workbook', 'police.uk archive')}. Download it again and retry.`,
      )
    throw error
  }
  const wanted = (force: string) => forces.has(force.toLowerCase())
  const kept = entries.filter((e) => {
    const force = partForce(e.name)
    return force !== null && wanted(force)
  })
  const leftOut = [
    ...new Set(entries.map((e) => partForce(e.name)).filter((f): f is string => f !== null && !wanted(f))),
  ].sort()
  if (kept.length === 0)
    throw new ArchiveRefusedError(
      `${name} holds no police.uk files for ${[...forces].join(', ') || 'the forces asked for'}` +
        (leftOut.length ? `; it has ${leftOut.join(', ')}` : '') +
        '. Check the forces to keep, or the file.',
    )
  const declared = kept.reduce((sum, e) => sum + e.declaredSize, 0)
  const compressed = kept.reduce((sum, e) => sum + e.compressedSize, 0)
  if (declared > limits.maxUnpackedBytes)
    throw new ArchiveRefusedError(
      `${name}: the files kept unpack to ${mb(declared)}; Safer loads up to ${mb(limits.maxUnpackedBytes)} from one archive. Keep fewer forces, or load the months in parts.`,
    )
  const tooCompressed = (ratio: number) =>
    new ArchiveRefusedError(
      `${name} unpacks to ${Math.round(ratio)} times its own size; no police.uk archive is over ${limits.maxRatio} times, so Safer does not open it. Download it again from data.police.uk.`,
    )
  if (declared / Math.max(1, compressed) > limits.maxRatio)
    throw tooCompressed(declared / Math.max(1, compressed))
  for (const e of kept)
    if (
      e.declaredSize > RATIO_FLOOR_BYTES &&
      e.declaredSize / Math.max(1, e.compressedSize) > limits.maxRatio
    )
      throw tooCompressed(e.declaredSize / Math.max(1, e.compressedSize))
  return { kept, leftOut }
}

/**
 * Unpacks the parts kept into `dir`, keeping their month folders (so a republished copy is loaded
 * after the first). Each part is capped at what it declares and at what is left of the limit.
 */
export function unpackArchive(
  zip: Buffer,
  name: string,
  plan: ArchivePlan,
  dir: string,
  limits = ARCHIVE_LIMITS,
): string[] {
  let left = limits.maxUnpackedBytes
  const written: string[] = []
  for (const entry of plan.kept) {
    let data: Buffer
    try {
      data = inflateEntry(zip, entry, Math.min(entry.declaredSize, left))
    } catch (error) {
      if (error instanceof ZipEntryTooLargeError)
        throw new ArchiveRefusedError(
          `${name} is damaged or made to harm: its part ${entry.name} unpacks to more than the file says it does. Safer stopped reading it and loaded nothing from the archive.`,
        )
      if (error instanceof ZipFormatError)
        throw new ArchiveRefusedError(`${name} could not be read: ${error.message}.`)
      throw error
    }
    left -= data.length
    // Only the month folder and file name are kept: never a path the archive chose.
    const parts = entry.name.split('/').filter(Boolean)
    const file = parts.at(-1) as string
    const folder = parts.at(-2)?.match(/^(republished-)?\d{4}-\d{2}$/) ? parts.at(-2) : undefined
    const target = folder ? join(dir, folder, file) : join(dir, file)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, data, { mode: 0o600 })
    written.push(target)
  }
  return written
}
