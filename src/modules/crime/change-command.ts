import { parseArgs } from 'node:util'
import { UsageError } from '../../shared/command-line.ts'
import { formatNumber } from '../../shared/svg.ts'
import { command } from '../module.ts'
import { AGAINST, type Against } from './analysis/comparison.ts'
import { periodLabel } from './analysis/months.ts'
import { BESIDE_SERVER } from './cli.ts'
import { forwardToServer } from './operate/forward.ts'
import { queryFrom, queryOptions } from './query-args.ts'
import { SOURCE_LABELS } from './sources.ts'

export const COMPARISON_JSON = `--json prints one object:
  {"against": "previous" | "last-year",
   "current":  {"from": "YYYY-MM", "to": "YYYY-MM", "total": N | null,
                "coverage": {"monthsLoaded": [...], "monthsMissing": [...],
                             "leavesOut": {"categories": [...], "reason": "..."} | null}},
   "previous": {...the same, for the period compared with},
   "comparable": true | false, "reason": "why not" | null,
   "changePercent": N | null, "significant": true | false | null,
   "test": {"name": "...", "pValue": N} | null}
total is null when no month of that period is loaded. Two periods are compared only when both
hold the same months, forces, crime types and (recorded crime) levels; otherwise comparable is
false and reason says why. Figures are exact.`

/** `safer crime change`: a period against the one before it, or a year earlier, like for like only. */
export const changeCommand = command({
  name: 'crime change',
  usage:
    'safer crime change --source police-uk|recorded --area NAME_OR_CODE [--area-type force|lad|ward|lsoa] --from YYYY-MM --to YYYY-MM [--crime-type T] [--against previous|last-year] [--json]',
  summary: 'Compare a period with the one just before it (or a year earlier), only like for like',
  help: `${COMPARISON_JSON}\n\n${BESIDE_SERVER}`,
  needs: ['crime'],
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { ...queryOptions, against: { type: 'string' } },
    })
    const against = (values.against ?? 'previous') as Against
    if (!AGAINST.includes(against)) throw new UsageError('--against must be previous or last-year')
    return ctx.withServices(async ({ crime }) => {
      const forwarded = await forwardToServer(crime.storePath, ctx, {
        command: 'crime change',
        args: ctx.args,
      })
      if (forwarded !== null) return forwarded
      const { query: q, ...c } = await crime.analysis.comparison(queryFrom(values), against)
      if (values.json) {
        ctx.out(JSON.stringify(c))
        return 0
      }
      const figure = (p: typeof c.current) =>
        `${periodLabel(p.from, p.to)}: ${p.total === null ? 'no data loaded' : formatNumber(p.total)}`
      ctx.out(`${q.categoryLabel}, ${q.area.name}, ${SOURCE_LABELS[q.source]}`)
      ctx.out(`  ${figure(c.current)}`)
      ctx.out(`  ${figure(c.previous)}`)
      if (!c.comparable) ctx.out(`No comparison: ${c.reason}`)
      else {
        const p = c.test?.pValue ?? 1
        ctx.out(
          `${c.changePercent === null ? 'No percentage (no crimes before)' : `${c.changePercent >= 0 ? 'Up' : 'Down'} ${formatNumber(Math.abs(c.changePercent))}%`}; ` +
            `${c.significant ? 'statistically significant' : 'not statistically significant'} (${p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`})`,
        )
      }
      return 0
    })
  },
})
