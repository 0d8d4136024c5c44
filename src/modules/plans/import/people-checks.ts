import { nearDuplicateNames, personKey } from '../../../shared/names.ts'
import type { ParsedPlan } from './types.ts'

/** Names spelt two ways and initials used twice: reported for a person to settle, never merged. */
export function checkPeople(plan: ParsedPlan): void {
  const firstSeen = new Map<string, { name: string; row: number }>()
  const see = (name: string, row: number) => {
    const key = personKey(name)
    if (!firstSeen.has(key)) firstSeen.set(key, { name, row })
  }
  for (const leader of plan.leadership) see(leader.name, leader.row)
  for (const theme of plan.themes) {
    for (const action of theme.actions)
      for (const d of action.deliverables) for (const lead of d.leads) see(lead, d.row)
  }
  for (const [a, b] of nearDuplicateNames(firstSeen.keys())) {
    const first = firstSeen.get(a) as { name: string; row: number }
    const second = firstSeen.get(b) as { name: string; row: number }
    const [earlier, later] = first.row <= second.row ? [first, second] : [second, first]
    plan.warnings.push({
      row: later.row,
      message: `"${later.name}" (row ${later.row}) and "${earlier.name}" (row ${earlier.row}) look like one person spelt two ways; kept apart – correct the spelling if they are`,
    })
  }

  const byInitials = new Map<string, { name: string; row: number }>()
  for (const leader of plan.leadership) {
    if (!leader.initials) continue
    const other = byInitials.get(leader.initials)
    if (other && personKey(other.name) !== personKey(leader.name)) {
      plan.warnings.push({
        row: leader.row,
        message: `Initials ${leader.initials} are used for both ${other.name} (row ${other.row}) and ${leader.name} (row ${leader.row})`,
      })
    } else if (!other) byInitials.set(leader.initials, { name: leader.name, row: leader.row })
  }
}
