import { nearDuplicateNames, personKey } from '../../../shared/names.ts'
import { paths as mergePaths } from '../../merges/paths.ts'
import { nearDuplicateOrganisations } from '../import/organisation-checks.ts'
import type { ImportSummary } from '../import/summary.ts'

// Where the import saw one person or organisation written two ways and both are already records,
// the preview offers an administrator the merge. Names with no record yet are only reported.

export interface MergeOffer {
  kind: 'person' | 'organisation'
  names: [string, string]
  /** The merge page, with the second record merging into the first; null when either has no record yet. */
  href: string | null
}

interface Records {
  people: Array<{ id: number; name: string }>
  organisations: Array<{ id: number; name: string; shortName: string }>
}

export function mergeOffers(
  summary: ImportSummary,
  records: Records,
  may: { people: boolean; organisations: boolean },
): MergeOffer[] {
  const deliverables = summary.themes.flatMap((t) => t.actions.flatMap((a) => a.deliverables))
  const personNames = [...summary.leadership.map((l) => l.name), ...deliverables.flatMap((d) => d.leads)]
  const personByKey = new Map(records.people.map((p) => [personKey(p.name), p.id]))
  // Offered as the one to keep: the spelling in the leadership table, else the one the file uses
  // more often, else the one it uses first. The administrator can choose the other on the merge page.
  const leaders = new Set(summary.leadership.map((l) => personKey(l.name)))
  const uses = (key: string) => personNames.filter((n) => personKey(n) === key).length
  const first = (key: string) => personNames.findIndex((n) => personKey(n) === key)
  const rank = (key: string) => [leaders.has(key) ? 0 : 1, -uses(key), first(key)]
  const before = (x: string, y: string) => {
    const [rx, ry] = [rank(x), rank(y)]
    const i = rx.findIndex((v, n) => v !== ry[n])
    return i === -1 || (rx[i] as number) < (ry[i] as number)
  }
  const offers: MergeOffer[] = nearDuplicateNames(personNames).map((pair) => {
    const [a, b] = before(pair[0], pair[1]) ? pair : [pair[1], pair[0]]
    const [keep, merge] = [personByKey.get(a), personByKey.get(b)]
    return {
      kind: 'person',
      names: [written(personNames, a), written(personNames, b)],
      href: may.people && keep && merge ? `${mergePaths.merges.person(merge)}?into=${keep}` : null,
    }
  })
  const organisationByName = new Map<string, number>()
  for (const o of records.organisations)
    for (const n of [o.name, o.shortName]) organisationByName.set(n.toLowerCase(), o.id)
  for (const [a, b] of nearDuplicateOrganisations(deliverables.flatMap((d) => d.leadOrganisations))) {
    const [keep, merge] = [organisationByName.get(a.toLowerCase()), organisationByName.get(b.toLowerCase())]
    offers.push({
      kind: 'organisation',
      names: [a, b],
      href:
        may.organisations && keep && merge && keep !== merge
          ? `${mergePaths.merges.organisation(merge)}?into=${keep}`
          : null,
    })
  }
  return offers
}

/** The name as the file wrote it, for a key the near-name rule gives back. */
const written = (names: string[], key: string) => names.find((n) => personKey(n) === key) ?? key
