import { nearDuplicateNames } from '../../../shared/names.ts'
import type { ParsedPlan } from './types.ts'

// Lead organisations written two ways in one plan: "LBS CS&P" and "LBS Community Safety &
// Partnerships (CS&P)", or a slip of the keyboard. Reported for a person to settle, never merged.

const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim()

/** "LBS Community Safety & Partnerships (CS&P)" is also written "CS&P" and "LBS CS&P". */
function shortForms(name: string): string[] {
  const match = name.match(/^(.*?)\s*\(([^()]+)\)\s*$/)
  if (!match) return []
  const [, long = '', abbreviation = ''] = match
  const first = long.split(/\s+/)[0] ?? ''
  return [abbreviation, `${first} ${abbreviation}`].map(key)
}

/** Pairs of organisation names that are probably one organisation, as written (first spelling seen first). */
export function nearDuplicateOrganisations(names: Iterable<string>): Array<[string, string]> {
  const written = new Map<string, string>()
  for (const name of names) if (!written.has(key(name))) written.set(key(name), name)
  const pairs: Array<[string, string]> = []
  const seen = new Set<string>()
  const add = (a: string, b: string) => {
    const id = [a, b].sort().join('\u0000')
    if (a === b || seen.has(id)) return
    seen.add(id)
    pairs.push([written.get(a) as string, written.get(b) as string])
  }
  for (const [k] of written) for (const short of shortForms(k)) if (written.has(short)) add(short, k)
  for (const [a, b] of nearDuplicateNames(written.keys())) if (written.has(a) && written.has(b)) add(a, b)
  return pairs
}

export function checkOrganisations(plan: ParsedPlan): void {
  const firstRow = new Map<string, number>()
  const names: string[] = []
  for (const theme of plan.themes) {
    for (const action of theme.actions) {
      for (const d of action.deliverables) {
        for (const name of d.leadOrganisations) {
          if (!firstRow.has(key(name))) {
            firstRow.set(key(name), d.row)
            names.push(name)
          }
        }
      }
    }
  }
  for (const [a, b] of nearDuplicateOrganisations(names)) {
    const [rowA, rowB] = [firstRow.get(key(a)) as number, firstRow.get(key(b)) as number]
    const [earlier, later] =
      rowA <= rowB
        ? [
            { name: a, row: rowA },
            { name: b, row: rowB },
          ]
        : [
            { name: b, row: rowB },
            { name: a, row: rowA },
          ]
    plan.warnings.push({
      row: later.row,
      message: `Lead organisation "${later.name}" (row ${later.row}) and "${earlier.name}" (row ${earlier.row}) look like one organisation written two ways; kept apart – write them one way if they are`,
    })
  }
}
