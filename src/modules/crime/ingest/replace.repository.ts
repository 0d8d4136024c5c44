import type { StoreConnection } from '../store/store.ts'
import { literal } from './csv.repository.ts'
import { FORCE_COLUMN, type PoliceUkTable } from './ingest.repository.ts'

// SQL for republished months, set-wise over a whole ingest: every copy of a force's month, in load
// order, is compared with the copy before it, and only the last copy's rows are kept.

/** One step in a force-month's copies: `next` (loaded now) replaces `previous` (loaded earlier, now or before). */
export interface Replacement {
  force: string
  month: string
  previous: number
  next: number
}

export interface ReplacedMonth {
  force: string
  month: string
  previous: number
  next: number
  previousRows: number
  rows: number
  changedOutcomes: number
}

const OUTCOME_COLUMN: Record<PoliceUkTable, string | null> = {
  street_crimes: 'last_outcome',
  outcomes: 'outcome_type',
  stop_searches: null,
}

/**
 * Compares each replacement's two copies and then deletes every copy but the last. A crime's
 * outcome changed when the newer copy gives its Crime ID an outcome the older did not (Crime IDs
 * can repeat within a month, so this compares sets, counting each crime once).
 */
export async function replaceOlderCopies(
  tx: StoreConnection,
  table: PoliceUkTable,
  steps: Replacement[],
): Promise<ReplacedMonth[]> {
  if (steps.length === 0) return []
  const force = `coalesce(t.${FORCE_COLUMN[table]}, '')`
  const chain = `(VALUES ${steps
    .map((s) => `(${literal(s.force)}, DATE ${literal(`${s.month}-01`)}, ${s.previous}, ${s.next})`)
    .join(', ')}) AS c(force, month, previous, next)`
  const outcome = OUTCOME_COLUMN[table]
  // NUL cannot occur in a CSV field DuckDB reads, so it stands for "no outcome" in the comparison.
  const changed = outcome
    ? `, before AS (
         SELECT c.next, c.force, c.month, t.crime_id, list(DISTINCT coalesce(t.${outcome}, chr(0))) AS outcomes
         FROM ${table} t JOIN ${chain} ON t.file_id = c.previous AND t.month = c.month AND ${force} = c.force
         WHERE t.crime_id IS NOT NULL GROUP BY ALL),
       changed AS (
         SELECT c.next, c.force, c.month, count(DISTINCT t.crime_id) AS n
         FROM ${table} t JOIN ${chain} ON t.file_id = c.next AND t.month = c.month AND ${force} = c.force
         JOIN before b ON b.next = c.next AND b.force = c.force AND b.month = c.month AND b.crime_id = t.crime_id
         WHERE NOT list_contains(b.outcomes, coalesce(t.${outcome}, chr(0)))
         GROUP BY ALL)`
    : ''
  const rows = await tx.all<{
    force: string
    month: string
    previous: number
    next: number
    previous_rows: number
    rows: number
    changed: number | null
  }>(
    `WITH counted AS (
       SELECT t.file_id, ${force} AS force, t.month, count(*) AS n
       FROM ${table} t JOIN (SELECT DISTINCT force, month FROM ${chain}) k ON t.month = k.month AND ${force} = k.force
       GROUP BY ALL)${changed}
     SELECT c.force, strftime(c.month, '%Y-%m') AS month, c.previous, c.next,
       coalesce(p.n, 0) AS previous_rows, coalesce(x.n, 0) AS rows, ${outcome ? 'coalesce(ch.n, 0)' : '0'} AS changed
     FROM ${chain}
     LEFT JOIN counted p ON p.file_id = c.previous AND p.force = c.force AND p.month = c.month
     LEFT JOIN counted x ON x.file_id = c.next AND x.force = c.force AND x.month = c.month
     ${outcome ? 'LEFT JOIN changed ch ON ch.next = c.next AND ch.force = c.force AND ch.month = c.month' : ''}
     ORDER BY c.next, 2, 1`,
  )
  await tx.run(
    `DELETE FROM ${table} t USING (SELECT force, month, max(next) AS keep FROM ${chain} GROUP BY ALL) w
     WHERE t.month = w.month AND ${force} = w.force AND t.file_id <> w.keep`,
  )
  return rows.map((r) => ({
    force: r.force,
    month: r.month,
    previous: r.previous,
    next: r.next,
    previousRows: r.previous_rows,
    rows: r.rows,
    changedOutcomes: r.changed ?? 0,
  }))
}
