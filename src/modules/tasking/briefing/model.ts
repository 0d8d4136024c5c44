// The intelligence briefing as kept with its meeting: every figure exactly as computed when it was
// generated (pages and the Word document round them for display), and the data it rests on.

export interface HotspotRow {
  code: string
  name: string
  /** The ward an LSOA lies in; null for a ward. */
  wardName: string | null
  count: number
  population: number | null
  /** Crimes per 1,000 residents; null where no population estimate is loaded. */
  ratePer1000: number | null
}

export interface AreaCount {
  code: string
  count: number
}

export const CHANGE_AGAINST = ['previous-three-months', 'last-year'] as const
export type ChangeAgainst = (typeof CHANGE_AGAINST)[number]

export interface PeriodTotal {
  from: string
  to: string
  /** null when no month of the period is loaded: no data is not zero crimes. */
  total: number | null
}

export interface ChangeRow {
  /** What is compared, in words: "All crime", "Serious violence", a crime type, "Ward: …". */
  subject: string
  against: ChangeAgainst
  current: PeriodTotal
  previous: PeriodTotal
  /** False where the two periods' coverage differs: then there is no change figure, only `reason`. */
  comparable: boolean
  reason: string | null
  changePercent: number | null
  significant: boolean | null
  pValue: number | null
}

export interface BriefingFigures {
  month: string
  area: { type: string; code: string; name: string }
  source: 'police-uk' | 'recorded'
  sourceLabel: string
  generatedAt: string
  /** The crime data as at: its latest load, and the latest month held for the area. */
  dataAsAt: { loadedAt: string | null; latestMonth: string | null }
  hotspotCount: number
  /** Every crime in the area in the month; null when the month is not loaded. */
  total: number | null
  populationYear: number | null
  hotspots: { lsoas: HotspotRow[]; wards: HotspotRow[] }
  /**
   * Every ward's and LSOA's count in the month, for the hotspot map's shading (the tables list the
   * hotspots alone). Absent from briefings kept before the map: theirs shades the hotspots only.
   */
  areaCounts?: { wards: AreaCount[]; lsoas: AreaCount[] }
  /** The name of the crime module's test behind `significant`; null when nothing was comparable. */
  changeTest: string | null
  changes: ChangeRow[]
  violence: {
    /** The crime types the partnership's serious violence definition names, in the source's words. */
    types: string[]
    total: number | null
    byType: Array<{ type: string; count: number | null }>
    lsoas: HotspotRow[]
  }
}
