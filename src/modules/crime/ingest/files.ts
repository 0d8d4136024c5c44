import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'

const DATA_FILE = /\.(csv|csv\.gz|geojson|json)$/i

/** Every data file under the paths given (files as they are, folders searched recursively). */
export function expandPaths(paths: string[], accept: RegExp = DATA_FILE): string[] {
  const found: string[] = []
  for (const given of paths) {
    const path = resolve(given)
    let stat: ReturnType<typeof statSync>
    try {
      stat = statSync(path)
    } catch {
      throw new Error(`${given}: no such file or folder`)
    }
    if (stat.isDirectory()) {
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
          a.name.localeCompare(b.name),
        )) {
          const full = join(dir, entry.name)
          if (entry.isDirectory()) walk(full)
          else if (accept.test(entry.name)) found.push(full)
        }
      }
      walk(path)
    } else found.push(path)
  }
  return [...new Set(found)]
}

const RELEASE = /(?:^|[^\d])(\d{4}-\d{2})(?:[^\d]|$)/

/**
 * The order to ingest police.uk files in, so that the newest copy of a month is loaded last and
 * wins. police.uk archives are named by release ("2024-06", "republished-2024-06"): a file under
 * such a folder is that release's copy; a file under no release folder counts as the newest.
 */
export function ingestOrder(files: string[], root?: string): string[] {
  const release = (file: string) => {
    const folders = relative(root ?? '/', dirname(file)).split(/[\\/]/)
    const found = folders.map((f) => f.match(RELEASE)?.[1]).filter((m): m is string => !!m)
    return found.sort().at(-1) ?? '9999-99'
  }
  return [...files].sort(
    (a, b) =>
      release(a).localeCompare(release(b)) || basename(a).localeCompare(basename(b)) || a.localeCompare(b),
  )
}

/** YYYY-MM from a police.uk file name ("2024-03-metropolitan-stop-and-search.csv"). */
export function monthFromFileName(file: string): string | null {
  return basename(file).match(/^(\d{4}-(0[1-9]|1[0-2]))-/)?.[1] ?? null
}
