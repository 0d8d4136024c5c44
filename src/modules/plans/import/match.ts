// How a re-imported spreadsheet is lined up with the plan already stored, so that a row keeps its
// id (and so its progress updates and the links people have sent round) when the plan comes back.
//
// The rule, level by level (ADR 0016):
// - Themes match on their title, normalised; failing that on a near title (SIMILAR or more).
// - Actions match within their matched theme on their action number as written ("3", "*3"). Where
//   a number is used twice, the pair whose texts are most alike wins. An unnumbered action matches
//   on its normalised text, or a near text.
// - Deliverables match within their matched action on their outcome, normalised; failing that on
//   the most alike outcome at SIMILAR or more, which the preview shows as a changed outcome, old
//   text beside new.
// - Whatever is left is added (in the file only) or archived (stored only).
// Stored rows already archived are candidates too, after the live ones: a row that comes back is
// restored with its old id.

/** Word overlap at which two texts are taken as one row reworded rather than two different rows. */
export const SIMILAR = 0.6

/** Lower case, punctuation and runs of white space made single spaces: "Dec-18 ,  review" → "dec 18 review". */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim()
}

const words = (text: string) => normaliseText(text).split(' ').filter(Boolean)

/**
 * How alike two texts are, from 0 to 1: the share of words they have in common (Dice's
 * coefficient over the words, counting repeats). Word order and punctuation do not count, so a
 * sentence added to or taken from an outcome keeps it recognisable.
 */
export function similarity(a: string, b: string): number {
  const left = words(a)
  const right = words(b)
  if (left.length === 0 && right.length === 0) return 1
  if (left.length === 0 || right.length === 0) return 0
  const counts = new Map<string, number>()
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1)
  let shared = 0
  for (const w of right) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      shared++
      counts.set(w, n - 1)
    }
  }
  return (2 * shared) / (left.length + right.length)
}

export interface Pairing<S, F> {
  /** Stored row and the file's row taken as the same; `near` when only alike, not equal. */
  matched: Array<{ stored: S; file: F; near: boolean }>
  /** In the file only. */
  added: F[]
  /** Stored only. */
  gone: S[]
}

interface PairRule<S, F> {
  /** Equal keys are the same row. */
  exactKey: (side: 'stored' | 'file', row: S | F) => string
  /** Rows that may pair as near matches; those with the highest score pair first. */
  nearScore: (stored: S, file: F) => number
  /** The lowest near score accepted. */
  threshold: number
}

/** Pairs two lists by the rule: exact keys first (in order), then the best near pairs. */
export function pairUp<S, F>(stored: S[], file: F[], rule: PairRule<S, F>): Pairing<S, F> {
  const matched: Pairing<S, F>['matched'] = []
  const freeStored = new Set(stored)
  const byKey = new Map<string, S[]>()
  for (const s of stored) {
    const key = rule.exactKey('stored', s)
    byKey.set(key, [...(byKey.get(key) ?? []), s])
  }
  const unmatchedFile: F[] = []
  for (const f of file) {
    const candidates = byKey.get(rule.exactKey('file', f))
    const s = candidates?.shift()
    if (s === undefined) unmatchedFile.push(f)
    else {
      freeStored.delete(s)
      matched.push({ stored: s, file: f, near: false })
    }
  }
  const scored: Array<{ s: S; f: F; score: number; order: number }> = []
  let order = 0
  for (const f of unmatchedFile) {
    for (const s of freeStored) {
      const score = rule.nearScore(s, f)
      if (score >= rule.threshold) scored.push({ s, f, score, order: order++ })
    }
  }
  // Highest score first; ties go to the earlier pair, so the result never depends on sort stability.
  scored.sort((a, b) => b.score - a.score || a.order - b.order)
  const freeFile = new Set(unmatchedFile)
  for (const { s, f } of scored) {
    if (!freeStored.has(s) || !freeFile.has(f)) continue
    freeStored.delete(s)
    freeFile.delete(f)
    matched.push({ stored: s, file: f, near: true })
  }
  return {
    matched,
    added: unmatchedFile.filter((f) => freeFile.has(f)),
    gone: stored.filter((s) => freeStored.has(s)),
  }
}

/** Stored rows say whether they are archived: live ones are offered first, so they win ties. */
const liveFirst = <S extends { archived: boolean }>(rows: S[]) => [
  ...rows.filter((r) => !r.archived),
  ...rows.filter((r) => r.archived),
]

export function matchThemes<S extends { title: string; archived: boolean }, F extends { title: string }>(
  stored: S[],
  file: F[],
) {
  return pairUp<S, F>(liveFirst(stored), file, {
    exactKey: (_side, row) => normaliseText(row.title),
    nearScore: (s, f) => similarity(s.title, f.title),
    threshold: SIMILAR,
  })
}

type Numbered = { number: string | null; text: string }

/** An action's number is who it is: a number used once on each side pairs whatever its text now says. */
export function matchActions<S extends Numbered & { archived: boolean }, F extends Numbered>(
  stored: S[],
  file: F[],
) {
  const exact = pairUp<S, F>(liveFirst(stored), file, {
    exactKey: (_side, row) => `${row.number ?? ''}\u0000${normaliseText(row.text)}`,
    nearScore: (s, f) => {
      if (s.number !== f.number) return -1
      // Same number: always a pair (text decides between duplicates); unnumbered: only alike texts.
      const score = similarity(s.text, f.text)
      return s.number === null ? score : 1 + score
    },
    threshold: SIMILAR,
  })
  return exact
}

export function matchDeliverables<
  S extends { outcome: string; archived: boolean },
  F extends { outcome: string },
>(stored: S[], file: F[]) {
  return pairUp<S, F>(liveFirst(stored), file, {
    exactKey: (_side, row) => normaliseText(row.outcome),
    nearScore: (s, f) => similarity(s.outcome, f.outcome),
    threshold: SIMILAR,
  })
}
