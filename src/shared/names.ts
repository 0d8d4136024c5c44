// People as spreadsheets name them: "Det Supt Helen Lyons", "Professor Kevin Fenton (KF)",
// "Caroline Thwaites/Det Supt Helen Lyons".

// Ranks and honorifics that come before a name but are not part of it.
const TITLES = [
  'det chief supt',
  'detective chief superintendent',
  'det supt',
  'detective superintendent',
  'chief supt',
  'chief superintendent',
  'supt',
  'superintendent',
  'dci',
  'di',
  'ds',
  'det insp',
  'insp',
  'inspector',
  'chief inspector',
  'ch insp',
  'sgt',
  'sergeant',
  'pc',
  'professor',
  'prof',
  'councillor',
  'cllr',
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'sir',
  'dame',
].sort((a, b) => b.length - a.length)

/** Splits "A/B" into its parts; "A / B" and "A/ B" too. */
export function splitList(value: string): string[] {
  return value
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

/** The name as written, without the initials in brackets that plans add: "Kevin Fenton (KF)" → "Kevin Fenton". */
export function displayName(raw: string): string {
  return raw
    .replace(/\s*\([A-Z]{1,5}\)\s*$/, '')
    .trim()
    .replace(/\s+/g, ' ')
}

export function initialsOf(raw: string): string | undefined {
  return raw.match(/\(([A-Z]{1,5})\)\s*$/)?.[1]
}

/** Splits a leading rank or title off a name: "Det Supt Helen Lyons" → { title: "Det Supt", name: "Helen Lyons" }. */
export function splitTitle(raw: string): { title: string | null; name: string } {
  const name = displayName(raw)
  const lower = name.toLowerCase()
  for (const title of TITLES) {
    if (lower.startsWith(`${title} `) || lower.startsWith(`${title}. `)) {
      const rest = name.slice(title.length).replace(/^\.?\s+/, '')
      return { title: name.slice(0, name.length - rest.length).trim(), name: rest }
    }
  }
  return { title: null, name }
}

/** The key two spellings of the same person share: no title, no initials, lower case. */
export function personKey(raw: string): string {
  return splitTitle(raw).name.toLowerCase()
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      diagonal = above
    }
  }
  return previous[b.length] as number
}

/**
 * Pairs of names that are probably one person spelt two ways ("Simon Messinger"/"Simon Messenger"):
 * same first letter, one or two letters apart. Reported for a person to decide, never merged.
 */
export function nearDuplicateNames(names: Iterable<string>): Array<[string, string]> {
  const keys = [...new Set([...names].map(personKey))].sort()
  const pairs: Array<[string, string]> = []
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const [a, b] = [keys[i] as string, keys[j] as string]
      if (a[0] !== b[0] || Math.min(a.length, b.length) < 6) continue
      const distance = editDistance(a, b)
      if (distance > 0 && distance <= 2 && distance / Math.max(a.length, b.length) < 0.2) pairs.push([a, b])
    }
  }
  return pairs
}
