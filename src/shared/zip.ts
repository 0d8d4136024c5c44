import { inflateRawSync } from 'node:zlib'

// Just enough of the ZIP format (APPNOTE.TXT) to look inside a spreadsheet before anything trusts
// it: the central directory, and each entry's data inflated with a hard cap on its output.

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  /** As the directory declares it: a bomb may lie, so inflateEntry never believes it. */
  declaredSize: number
  localHeaderOffset: number
}

/** The bytes are not a ZIP archive this reader can follow; the message says why. */
export class ZipFormatError extends Error {}

/** An entry inflates to more than it may: its declared size, or what remains of a budget. */
export class ZipEntryTooLargeError extends Error {
  constructor(readonly entry: string) {
    super(`${entry} inflates to more than it declares`)
  }
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
// ZIP64 marks sizes and counts it cannot fit in 32 or 16 bits with all ones.
const ZIP64_32 = 0xffffffff
const ZIP64_16 = 0xffff

function endOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535: search no further back than that.
  const floor = Math.max(0, zip.length - 22 - 0xffff)
  for (let at = zip.length - 22; at >= floor; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at
  }
  throw new ZipFormatError('it has no ZIP directory (the file is cut short or is not a workbook)')
}

/** The archive's entries as its central directory lists them; at most maxEntries. */
export function readDirectory(zip: Buffer, maxEntries = 10_000): ZipEntry[] {
  if (zip.length < 22) throw new ZipFormatError('it is too short to be a workbook')
  const end = endOfDirectory(zip)
  const count = zip.readUInt16LE(end + 10)
  const size = zip.readUInt32LE(end + 12)
  const offset = zip.readUInt32LE(end + 16)
  if (count === ZIP64_16 || size === ZIP64_32 || offset === ZIP64_32)
    throw new ZipFormatError('it uses ZIP64, which no ordinary workbook needs')
  if (count > maxEntries) throw new ZipFormatError(`it holds ${count} parts; a workbook has tens`)
  if (offset + size > end) throw new ZipFormatError('its ZIP directory points outside the file')
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new ZipFormatError('its ZIP directory is damaged')
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, Math.min(end, at + 46 + nameLength)),
    }
    if (
      entry.compressedSize === ZIP64_32 ||
      entry.declaredSize === ZIP64_32 ||
      entry.localHeaderOffset === ZIP64_32
    ) {
      throw new ZipFormatError('it uses ZIP64, which no ordinary workbook needs')
    }
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Where the entry's compressed bytes lie, from its local header (whose extra field may differ from the directory's). */
function dataOf(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER)
    throw new ZipFormatError(`its part ${entry.name} is missing`)
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  if (start + entry.compressedSize > zip.length)
    throw new ZipFormatError(`its part ${entry.name} runs past the end of the file`)
  return zip.subarray(start, start + entry.compressedSize)
}

/**
 * The entry's contents, never more than `cap` bytes: zlib stops inflating at the cap, so a
 * lying directory costs at most the cap in memory and time.
 */
export function inflateEntry(zip: Buffer, entry: ZipEntry, cap: number): Buffer {
  const data = dataOf(zip, entry)
  if (entry.method === 0) {
    if (data.length > cap) throw new ZipEntryTooLargeError(entry.name)
    return data
  }
  if (entry.method !== 8)
    throw new ZipFormatError(
      `its part ${entry.name} uses a compression method workbooks do not use (${entry.method})`,
    )
  try {
    // One byte over the cap is enough to know it is over.
    const out = inflateRawSync(data, { maxOutputLength: cap + 1 })
    if (out.length > cap) throw new ZipEntryTooLargeError(entry.name)
    return out
  } catch (error) {
    if (error instanceof ZipEntryTooLargeError) throw error
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipEntryTooLargeError(entry.name)
    throw new ZipFormatError(`its part ${entry.name} is damaged (${(error as Error).message})`)
  }
}
