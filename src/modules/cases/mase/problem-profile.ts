// The MASE panel's problem profile: the places linked to more than one child. Inside the panel its
// members read each place and the cases linked to it; what leaves the panel (the CSV, anything sent
// on) is a count by type of place only, and counts from 1 to 4 read "<5" (ADR 0028, ADR 0039).

import { countLeavingPanel, type Shown, SMALL_COUNT, WITHHELD } from '../../../shared/suppression.ts'
import { LOCATION_TYPE_LABELS, LOCATION_TYPES, type LocationType } from './schema.ts'

export interface LinkedPlace {
  placeIndex: string
  place: string
  locationType: LocationType
  caseId: number
  /** The children on the case (its subjects other than persons of concern). */
  childSubjectIds: readonly number[]
}

export interface SharedPlace {
  place: string
  locationType: LocationType
  locationTypeLabel: string
  children: number
  caseIds: number[]
}

/** Places linked to more than one child, most children first; a place is one by its index. */
export function sharedPlaces(links: readonly LinkedPlace[]): SharedPlace[] {
  const byPlace = new Map<string, { first: LinkedPlace; children: Set<number>; cases: Set<number> }>()
  for (const link of links) {
    const entry = byPlace.get(link.placeIndex) ?? { first: link, children: new Set(), cases: new Set() }
    for (const child of link.childSubjectIds) entry.children.add(child)
    entry.cases.add(link.caseId)
    byPlace.set(link.placeIndex, entry)
  }
  return [...byPlace.values()]
    .filter((e) => e.children.size > 1)
    .map((e) => ({
      place: e.first.place,
      locationType: e.first.locationType,
      locationTypeLabel: LOCATION_TYPE_LABELS[e.first.locationType],
      children: e.children.size,
      caseIds: [...e.cases].sort((a, b) => a - b),
    }))
    .sort((a, b) => b.children - a.children || a.place.localeCompare(b.place))
}

export interface ProfileLeavingPanel {
  rows: Array<{ locationType: LocationType; label: string; places: Shown; children: Shown }>
  total: { places: Shown; children: Shown }
}

/**
 * The profile as it may leave the panel: counts alone, by type of place, each from 1 to 4 as "<5".
 * A total beside a suppressed row would give the row back (total less the rest), so it is withheld.
 */
export function profileLeavingPanel(shared: readonly SharedPlace[]): ProfileLeavingPanel {
  const count = (list: readonly SharedPlace[]) => ({
    places: countLeavingPanel(list.length),
    children: countLeavingPanel(list.reduce((n, p) => n + p.children, 0)),
  })
  const rows = LOCATION_TYPES.map((t) => ({
    locationType: t,
    label: LOCATION_TYPE_LABELS[t],
    ...count(shared.filter((p) => p.locationType === t)),
  }))
  const total = count(shared)
  const hidden = (k: 'places' | 'children') => rows.some((r) => r[k] === SMALL_COUNT)
  return {
    rows,
    total: {
      places: hidden('places') ? WITHHELD : total.places,
      children: hidden('children') ? WITHHELD : total.children,
    },
  }
}

export function profileCsv(profile: ProfileLeavingPanel): string {
  const rows = [
    ['type of place', 'places linked to more than one child', 'links to children'],
    ...profile.rows.map((r) => [r.label, String(r.places), String(r.children)]),
    ['All places', String(profile.total.places), String(profile.total.children)],
    [],
    [
      'note',
      'Counts only: counts from 1 to 4 are shown as <5 and a total that would reveal one is suppressed. No place or person is named.',
    ],
  ]
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`
}
