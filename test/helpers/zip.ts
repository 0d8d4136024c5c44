// Builds ZIP files by hand, so tests can make workbooks no spreadsheet program would: parts that
// unpack to hundreds of megabytes from a few hundred kilobytes, and directories that lie.
import { constants, crc32, deflateRawSync } from 'node:zlib'
import { inflateEntry, readDirectory } from '../../src/shared/zip.ts'

export interface Part {
  name: string
  /** Raw-deflated bytes. */
  deflated: Buffer
  /** The true unpacked size. */
  size: number
  crc: number
  /** What the directory claims, when it should lie. */
  declaredSize?: number
}

export const part = (name: string, data: Buffer | string): Part => {
  const bytes = Buffer.from(data)
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) }
}

/**
 * A part of `head`, then `middle` repeated `times`, then `tail`, made without ever holding the
 * unpacked whole: each piece is deflated once as a self-contained block (full flush) and the
 * middle block's bytes are repeated. The CRC is left at 0: nothing Safer uses checks it.
 */
export function repeatedPart(name: string, head: string, middle: string, times: number, tail: string): Part {
  const block = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH })
  const repeated = block(middle)
  const deflated = Buffer.concat([
    block(head),
    ...Array<Buffer>(times).fill(repeated),
    deflateRawSync(Buffer.from(tail)),
  ])
  return {
    name,
    deflated,
    size: Buffer.byteLength(head) + Buffer.byteLength(middle) * times + Buffer.byteLength(tail),
    crc: 0,
  }
}

export function writeZip(parts: Part[]): Buffer {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(p.crc >>> 0, 14)
    local.writeUInt32LE(p.deflated.length, 18)
    local.writeUInt32LE(p.declaredSize ?? p.size, 22)
    local.writeUInt16LE(name.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(8, 10)
    entry.writeUInt32LE(p.crc >>> 0, 16)
    entry.writeUInt32LE(p.deflated.length, 20)
    entry.writeUInt32LE(p.declaredSize ?? p.size, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    locals.push(local, name, p.deflated)
    directory.push(entry, name)
    offset += local.length + name.length + p.deflated.length
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directoryBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directoryBytes, end])
}

/** Every part of a (trusted, test-made) ZIP by name. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(readDirectory(zip).map((e) => [e.name, inflateEntry(zip, e, 1024 * 1024 * 1024)]))
}

/** A real workbook's parts, ready to have one swapped for something worse. */
export function partsOf(zip: Buffer): Part[] {
  return [...readZip(zip)].map(([name, data]) => part(name, data))
}
