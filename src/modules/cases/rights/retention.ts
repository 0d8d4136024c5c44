/** The day a case closed on `closed` is due for review under a retention of `years` (29 February → 28th). */
export function retentionDue(closed: string, years: number): string {
  const [y, m, d] = closed.split('-').map(Number) as [number, number, number]
  const year = y + years
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** A closed case due for review: no content, only what the list shows. */
export interface RetentionEntry {
  caseId: number
  panelId: number
  panelName: string
  closedOn: string
  dueOn: string
}
