// Crime figures' own statistics. The test for a change in counts is shared with the performance
// module and lives in src/shared/statistics.ts; it is re-exported here for the crime module's files.
export { type Change, compareCounts, poissonComparisonPValue } from '../../../shared/statistics.ts'

/** Share of the total held by the top fraction of areas (areas with no crime count as areas). */
export function concentration(counts: number[], fraction: number): { areas: number; share: number } {
  const sorted = [...counts].sort((x, y) => y - x)
  const total = sorted.reduce((s, c) => s + c, 0)
  const areas = Math.max(1, Math.ceil(sorted.length * fraction))
  const top = sorted.slice(0, areas).reduce((s, c) => s + c, 0)
  return { areas, share: total === 0 ? 0 : (top * 100) / total }
}

export function ratePer1000(count: number, population: number): number | null {
  if (!population) return null
  return (count * 1000) / population
}
