// Police activity summed by month and by place. Weapons recovered are summed only over entries
// that counted them: an entry with no count says nothing, so a month of such entries has no total.

export interface Counted {
  activityOn: string
  tactic: string
  place: { kind: string; code: string | null; name: string }
  weaponsRecovered: number | null
}

export interface Summary {
  key: string
  label: string
  entries: number
  byTactic: Record<string, number>
  /** null when no entry in the group counted weapons. */
  weaponsRecovered: number | null
}

function add(groups: Map<string, Summary>, key: string, label: string, a: Counted) {
  const g = groups.get(key) ?? { key, label, entries: 0, byTactic: {}, weaponsRecovered: null }
  g.entries++
  g.byTactic[a.tactic] = (g.byTactic[a.tactic] ?? 0) + 1
  if (a.weaponsRecovered !== null) g.weaponsRecovered = (g.weaponsRecovered ?? 0) + a.weaponsRecovered
  groups.set(key, g)
}

/** Every month from `from` to `to` (YYYY-MM), each with its entries; months with none are kept, at 0 entries. */
export function byMonth(activities: Counted[], from: string, to: string): Summary[] {
  const groups = new Map<string, Summary>()
  for (const month of monthsFrom(from, to))
    groups.set(month, { key: month, label: month, entries: 0, byTactic: {}, weaponsRecovered: null })
  for (const a of activities) {
    const month = a.activityOn.slice(0, 7)
    if (groups.has(month)) add(groups, month, month, a)
  }
  return [...groups.values()]
}

/** Each place with its entries, most first; a ward or LSOA by its code, other places by their name. */
export function byPlace(activities: Counted[]): Summary[] {
  const groups = new Map<string, Summary>()
  for (const a of activities) {
    const key = a.place.code
      ? `${a.place.kind}:${a.place.code}`
      : `${a.place.kind}:${a.place.name.toLowerCase()}`
    add(groups, key, a.place.name, a)
  }
  return [...groups.values()].sort((a, b) => b.entries - a.entries || a.label.localeCompare(b.label))
}

/** The months from one YYYY-MM to another, both included. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return months
}
