import { basename } from 'node:path'

/** A line of a file that could not be read, as DuckDB's reader reported it. */
export interface BadLine {
  line: number
  problems: string[]
}

/**
 * A file Safer will not load, and why, in words an analyst can act on. Thrown before anything of
 * the file is written (or inside its transaction, which then rolls back).
 */
export class CrimeFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly badLines: BadLine[] = [],
  ) {
    super(`${basename(file)}: ${reason}${describeLines(badLines)}`)
  }
}

const SHOWN_LINES = 20

export function describeLines(lines: BadLine[]): string {
  if (lines.length === 0) return ''
  const shown = lines.slice(0, SHOWN_LINES).map((l) => `\n  line ${l.line}: ${l.problems.join('; ')}`)
  const more = lines.length > SHOWN_LINES ? `\n  … and ${lines.length - SHOWN_LINES} more lines` : ''
  return shown.join('') + more
}
