// After a stale save (409): the fields where what is stored now differs from what this person sent.

export interface FieldPair {
  label: string
  theirs: string
  yours: string
}

const normalise = (s: string) => s.replace(/\r\n/g, '\n').trim()

export function changedFields(pairs: FieldPair[]): FieldPair[] {
  return pairs.filter((p) => normalise(p.theirs) !== normalise(p.yours))
}

/** A stored value that may be missing or null, as text. */
export const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value))

/** A list kept as one item a line. */
export const lines = (value: unknown): string => (Array.isArray(value) ? value.join('\n') : text(value))
