import type { DecisionsSource, YearDecision } from '../pack/sources.ts'
import type { DecisionRecord } from './records.ts'
import type { DecisionStatus } from './rules/statuses.ts'

// The decision records of a calendar year, as the annual report lists them beside the minutes'
// resolutions: each numbered decision a line, under the record's reference and decision maker.

/** Not decisions taken: still to be decided, put off, or taken off the agenda. */
const NOT_TAKEN: readonly DecisionStatus[] = ['for-determination', 'deferred', 'withdrawn']

export const yearDecisionsOf = (records: DecisionRecord[]): YearDecision[] =>
  records
    .filter((d) => !NOT_TAKEN.includes(d.status))
    .flatMap((d) =>
      d.decisions.map((n) => ({
        date: d.decisionDate,
        madeBy: `${d.reference}, ${d.decisionMaker}: ${d.title}`,
        number: n.number,
        text: n.text,
      })),
    )

export function yearDecisionsFrom(decisions: {
  listDecisions: (filters: unknown) => Promise<DecisionRecord[]>
}): DecisionsSource {
  return async (year) =>
    yearDecisionsOf(await decisions.listDecisions({ from: `${year}-01-01`, to: `${year}-12-31` }))
}
