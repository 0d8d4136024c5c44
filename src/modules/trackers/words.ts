// The trackers' vocabularies, each with the words a page shows. Keys are stored; labels are shown.

export const EVENT_TYPES = {
  anniversary: 'Anniversary',
  funeral: 'Funeral',
  festival: 'Festival',
  football: 'Football',
  protest: 'Protest',
  school: 'School event',
  other: 'Other',
} as const
export type EventType = keyof typeof EVENT_TYPES

export const RISK_LEVELS = { low: 'Low', medium: 'Medium', high: 'High' } as const
export type RiskLevel = keyof typeof RISK_LEVELS

export const TACTICS = {
  'weapon-sweep': 'Weapon sweep',
  'knife-bin': 'Knife bin',
  'knife-amnesty': 'Knife amnesty',
  'test-purchase': 'Test purchase',
  'section-60': 'Section 60 authorisation',
  'stop-search-operation': 'Stop and search operation',
  'dispersal-order': 'Dispersal order',
  other: 'Other',
} as const
export type Tactic = keyof typeof TACTICS

export const INDICATORS = {
  incidents: 'Incidents',
  'social-media': 'Social media',
  intelligence: 'Intelligence',
  'community-feedback': 'Community feedback',
} as const
export type Indicator = keyof typeof INDICATORS

/** Tension levels as the partnership's assessments word them. */
export const TENSION_LEVELS: Record<number, string> = {
  1: '1 – No tension',
  2: '2 – Low',
  3: '3 – Moderate',
  4: '4 – High',
  5: '5 – Critical',
}

/** The post-incident community response every critical incident starts with, in this order. */
export const CHECKLIST = {
  communications: 'Communications',
  'reassurance-patrols': 'Reassurance patrols',
  'tension-assessment': 'Tension assessment',
  'community-leaders': 'Community leaders contacted',
  'victim-support': 'Victim support',
} as const
export type ChecklistItem = keyof typeof CHECKLIST

export const PLACE_KINDS = {
  ward: 'Ward',
  lsoa: 'LSOA',
  point: 'A point (latitude and longitude)',
  text: 'Described in words',
} as const
export type PlaceKind = keyof typeof PLACE_KINDS

export const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...Array<keyof T & string>]
