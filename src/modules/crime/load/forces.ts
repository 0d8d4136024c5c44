import { forceName } from '../ingest/detect.ts'

// Which forces to keep from a police.uk archive, as an analyst types them: names as police.uk
// writes them ("Metropolitan Police Service") or its short ids ("metropolitan"), a line or a comma apart.

/** The forces typed, lower-cased full names; an id becomes the name police.uk gives it. */
export function parseForces(text: string): Set<string> {
  return new Set(
    text
      .split(/[\n,]/)
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => (/^[a-z0-9-]+$/.test(f) ? forceName(f) : f).toLowerCase()),
  )
}
