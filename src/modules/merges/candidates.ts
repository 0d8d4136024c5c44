import { nearDuplicateNames, personKey } from '../../shared/names.ts'

// The records an administrator picks the survivor from: likely duplicates (the same near-name rule
// the import reports with) first, then everyone else by name.

export function survivorChoices<R extends { id: number; name: string }>(
  duplicate: R,
  records: R[],
  selected: number | null,
) {
  const others = records.filter((r) => r.id !== duplicate.id)
  const near = new Set(
    nearDuplicateNames([duplicate.name, ...others.map((r) => r.name)])
      .filter(([a, b]) => a === personKey(duplicate.name) || b === personKey(duplicate.name))
      .flat(),
  )
  const isNear = (r: R) => near.has(personKey(r.name)) && personKey(r.name) !== personKey(duplicate.name)
  const ordered = [...others.filter(isNear), ...others.filter((r) => !isNear(r))]
  return ordered.map((r) => ({
    value: r.id,
    text: isNear(r) ? `${r.name} (looks like the same name)` : r.name,
    selected: r.id === selected,
  }))
}
