import { inflateEntry, readDirectory, type ZipEntry, ZipEntryTooLargeError, ZipFormatError } from '../zip.ts'

// A workbook is a ZIP of XML. A few hundred kilobytes of it can unpack to gigabytes (a
// "decompression bomb"), and the spreadsheet library would build all of it in memory before any
// check on rows. So every uploaded workbook is measured here first, from its directory and then
// by inflating each part with a hard cap, because the directory is written by whoever made the file.

export interface SpreadsheetLimits {
  /** Most bytes all the parts may unpack to together. */
  maxUnpackedBytes: number
  /** Most times larger than the file its parts may unpack to. */
  maxRatio: number
}

export const SPREADSHEET_LIMITS: SpreadsheetLimits = { maxUnpackedBytes: 100 * 1024 * 1024, maxRatio: 100 }

// Small parts (styles, the content list) are too small to matter and can legitimately be very
// repetitive; the ratio is judged on the file as a whole and on parts past this size.
const RATIO_FLOOR_BYTES = 1024 * 1024

/** Refused before parsing: the message names the file and says why, in plain words. */
export class SpreadsheetRefusedError extends Error {}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function tooLarge(name: string, unpacked: string, limits: SpreadsheetLimits) {
  return new SpreadsheetRefusedError(
    `${name} unpacks to ${unpacked}; Safer reads workbooks of up to ${mb(limits.maxUnpackedBytes)} unpacked. Delete unused rows and sheets, or save it as .csv, and import that.`,
  )
}

function tooCompressed(name: string, ratio: number, limits: SpreadsheetLimits) {
  return new SpreadsheetRefusedError(
    `${name} unpacks to ${Math.round(ratio)} times its own size; no ordinary workbook is over ${limits.maxRatio} times, so Safer does not open it. Save it again from Excel, or as .csv, and import that.`,
  )
}

function unreadable(name: string, error: ZipFormatError) {
  return new SpreadsheetRefusedError(
    `${name} could not be read as an Excel workbook: ${error.message}. Save it again from Excel as .xlsx and retry.`,
  )
}

/**
 * Checks the directory of a workbook: the parts it lists, what they claim to unpack to and how
 * compressed they claim to be. Cheap (no inflating), so it runs before anything else.
 */
export function checkWorkbookDirectory(
  zip: Buffer,
  name: string,
  limits = SPREADSHEET_LIMITS,
): { entries: ZipEntry[]; declaredBytes: number } {
  let entries: ZipEntry[]
  try {
    entries = readDirectory(zip)
  } catch (error) {
    if (error instanceof ZipFormatError) throw unreadable(name, error)
    throw error
  }
  const declaredBytes = entries.reduce((sum, e) => sum + e.declaredSize, 0)
  if (declaredBytes > limits.maxUnpackedBytes) throw tooLarge(name, mb(declaredBytes), limits)
  if (declaredBytes / zip.length > limits.maxRatio)
    throw tooCompressed(name, declaredBytes / zip.length, limits)
  for (const e of entries) {
    if (
      e.declaredSize > RATIO_FLOOR_BYTES &&
      e.declaredSize / Math.max(1, e.compressedSize) > limits.maxRatio
    ) {
      throw tooCompressed(name, e.declaredSize / Math.max(1, e.compressedSize), limits)
    }
  }
  return { entries, declaredBytes }
}

/**
 * Inflates every part with its output capped at what the directory declared (and at what is left
 * of the limit), so a part that unpacks to more than it claims is stopped, not believed.
 */
export function checkWorkbookContents(zip: Buffer, name: string, limits = SPREADSHEET_LIMITS): void {
  const { entries } = checkWorkbookDirectory(zip, name, limits)
  let left = limits.maxUnpackedBytes
  for (const entry of entries) {
    try {
      left -= inflateEntry(zip, entry, Math.min(entry.declaredSize, left)).length
    } catch (error) {
      if (error instanceof ZipEntryTooLargeError) {
        throw new SpreadsheetRefusedError(
          `${name} is damaged or made to harm: its part ${entry.name} unpacks to more than the file says it does. Safer stopped reading it. Save it again from Excel, or as .csv, and import that.`,
        )
      }
      if (error instanceof ZipFormatError) throw unreadable(name, error)
      throw error
    }
  }
}
