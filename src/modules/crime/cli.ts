import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { type CommandIO, command } from '../module.ts'
import { monthsText } from './analysis/comparison.ts'
import { loadedTotal } from './analysis/coverage.service.ts'
import { exportAssessment } from './assessment/export.ts'
import { describeLines } from './ingest/file-errors.ts'
import { expandPaths } from './ingest/files.ts'
import type { IngestReport } from './ingest/ingest.service.ts'
import { forwardToServer } from './operate/forward.ts'
import { formatRate } from './pages/page-data.ts'
import { queryFrom, queryOptions } from './query-args.ts'
import { SOURCE_LABELS } from './sources.ts'

/** Who a command acts for: the operator at this terminal, or the one the server runs it for. */
const actorOf = (io: CommandIO) => io.actor ?? CLI_ACTOR

/** Said in the help of every command the server runs for the command line while it holds the store. */
export const BESIDE_SERVER =
  'While the web server runs it holds the analytics store: the command is sent to it (files are streamed to it) and prints the same output and exit code. Run it as the account the server runs as.'

/** The options given, as typed, for sending the command on to the server. */
const flagsOf = (values: Record<string, string | boolean | undefined>) =>
  Object.entries(values).flatMap(([name, value]) =>
    value === undefined || value === false ? [] : value === true ? [`--${name}`] : [`--${name}`, value],
  )

/** A one-line progress bar on a terminal; nothing when output is piped or in tests. */
function progressBar() {
  if (!process.stderr.isTTY) return undefined
  return (done: number, total: number, file: string) => {
    const width = 24
    const filled = total === 0 ? width : Math.round((done / total) * width)
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file}`
    process.stderr.write(
      `\r${line.slice(0, (process.stderr.columns || 80) - 1).padEnd((process.stderr.columns || 80) - 1)}`,
    )
    if (done === total) process.stderr.write('\n')
  }
}

/** "2010-04 to 2024-02 (167 months)" for a long run of months, the list for a short one. */
export function describeMonths(months: string[]): string {
  if (months.length === 0) return 'no months'
  if (months.length <= 3) return months.join(', ')
  return `${months[0]} to ${months.at(-1)} (${months.length} months)`
}

function printIngest(report: IngestReport, out: (line: string) => void, err: (line: string) => void) {
  for (const f of report.files) {
    const extra = [
      f.duplicates
        ? `${f.duplicates} ${f.kind === 'outcomes' ? 'exact duplicate rows removed' : 'repeated'}`
        : '',
      f.noLocation ? `${f.noLocation} without location` : '',
      f.rejected ? `${f.rejected} bad lines skipped` : '',
    ].filter(Boolean)
    out(
      `${f.file}: ${f.kind}, ${f.rows.toLocaleString('en-GB')} rows, ${describeMonths(f.months)}${extra.length ? ` (${extra.join(', ')})` : ''}`,
    )
    if (f.badLines.length) out(describeLines(f.badLines).replace(/^\n/, ''))
  }
  for (const r of report.replacedMonths) {
    out(
      `Replaced ${r.kind} ${r.month} for ${r.area} from ${r.previousFiles.join(', ')}` +
        (r.kind === 'street' || r.kind === 'outcomes'
          ? `: ${r.previousRows} rows now ${r.rows}, ${r.changedOutcomes} outcomes changed`
          : ''),
    )
  }
  out(
    `Loaded ${report.files.length} files: ${report.rows.toLocaleString('en-GB')} rows, ${report.rejected} rejected, ` +
      `${report.duplicates} duplicates, ${report.noLocation} without location, ${report.replacedMonths.length} months replaced.`,
  )
  for (const f of report.failed) err(`NOT LOADED ${f.error}${describeLines(f.badLines)}`)
}

export const crimeCommands = [
  command({
    name: 'crime ingest',
    usage: 'safer crime ingest PATH... [--json] [--skip-bad-rows]',
    summary:
      'Load police.uk street, outcomes and stop-and-search CSVs and Met recorded-crime files (files or folders)',
    help: `--json prints {"files": [{"file", "kind", "rows", "rejected", "months", "duplicates", "noLocation"}], "rows", "rejected", "duplicates", "noLocation", "replacedMonths", "failed"}; exit 1 if any file was not loaded.\n\n${BESIDE_SERVER}`,
    needs: ['crime'],
    async run(ctx) {
      const { values, positionals } = parseArgs({
        args: ctx.args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, 'skip-bad-rows': { type: 'boolean' } },
      })
      if (positionals.length === 0) throw new UsageError('Give at least one file or folder to ingest')
      return ctx.withServices(async ({ crime }) => {
        let report: IngestReport
        try {
          // While the web server holds the store, it loads the files, sent to it from here.
          const forwarded = await forwardToServer(crime.storePath, ctx, {
            command: 'crime ingest',
            args: flagsOf(values),
            files: () => expandPaths(positionals),
          })
          if (forwarded !== null) return forwarded
          report = await crime.ingest(actorOf(ctx), positionals, {
            skipBadRows: values['skip-bad-rows'],
            onProgress: values.json ? undefined : progressBar(),
          })
        } catch (error) {
          if ((error as Error).message.endsWith('no such file or folder')) {
            ctx.err((error as Error).message)
            return 1
          }
          throw error
        }
        if (values.json) {
          const files = report.files.map(({ badLines, ...f }) =>
            values['skip-bad-rows'] ? { ...f, badLines } : f,
          )
          ctx.out(JSON.stringify({ ...report, files }))
        } else printIngest(report, ctx.out, ctx.err)
        return report.failed.length > 0 ? 1 : 0
      })
    },
  }),
  command({
    name: 'areas import',
    usage: 'safer areas import PATH... [--json]',
    summary: 'Import ONS lookups, population estimates, IMD 2019 and GeoJSON boundaries (files or folders)',
    help: BESIDE_SERVER,
    needs: ['crime'],
    async run(ctx) {
      const { values, positionals } = parseArgs({
        args: ctx.args,
        allowPositionals: true,
        options: { json: { type: 'boolean' } },
      })
      if (positionals.length === 0) throw new UsageError('Give at least one file or folder to import')
      return ctx.withServices(async ({ crime }) => {
        const forwarded = await forwardToServer(crime.storePath, ctx, {
          command: 'areas import',
          args: flagsOf(values),
          files: () => expandPaths(positionals),
        })
        if (forwarded !== null) return forwarded
        const report = await crime.importAreas(actorOf(ctx), positionals)
        if (values.json) ctx.out(JSON.stringify(report))
        else {
          for (const f of report.files)
            ctx.out(`${f.file}: ${f.kind}, ${f.rows.toLocaleString('en-GB')} areas`)
          if (report.placedPoints)
            ctx.out(`Placed ${report.placedPoints} stop-and-search locations in their LSOAs.`)
          for (const f of report.failed) ctx.err(`NOT IMPORTED ${f.error}${describeLines(f.badLines)}`)
        }
        return report.failed.length > 0 ? 1 : 0
      })
    },
  }),
  command({
    name: 'crime counts',
    usage:
      'safer crime counts --source police-uk|recorded --area NAME_OR_CODE [--area-type force|lad|ward|lsoa] --from YYYY-MM --to YYYY-MM [--crime-type T] [--by crime_type|month|ward|lsoa|location|outcome] [--json]',
    summary: 'Count crimes in an area and period, optionally broken down',
    help: `--json prints {"total": N | null, "rows": [{"key", "label", "count"}], "coverage": {"monthsLoaded": [...], "monthsMissing": [...], "leavesOut": {"categories": [...], "reason": "..."} | null}, "area", "from", "to", "source", "crimeType"}; total is null when no month of the period is loaded. With no --source: recorded crime where any is loaded, else police-uk.\n\n${BESIDE_SERVER}`,
    needs: ['crime'],
    async run(ctx) {
      const { values } = parseArgs({ args: ctx.args, options: { ...queryOptions, by: { type: 'string' } } })
      return ctx.withServices(async ({ crime }) => {
        const forwarded = await forwardToServer(crime.storePath, ctx, {
          command: 'crime counts',
          args: ctx.args,
        })
        if (forwarded !== null) return forwarded
        const result = await crime.analysis.counts({ ...queryFrom(values), by: values.by })
        const q = result.query
        if (values.json) {
          ctx.out(
            JSON.stringify({
              total: loadedTotal(result.total, result.coverage),
              rows: result.rows,
              coverage: result.coverage,
              area: q.area,
              from: q.from,
              to: q.to,
              source: q.source,
              crimeType: q.categoryLabel,
            }),
          )
        } else if (result.coverage.monthsLoaded.length === 0) {
          ctx.out(
            `${q.categoryLabel}, ${q.area.name} (${q.area.code}), ${q.from} to ${q.to}, ${SOURCE_LABELS[q.source]}: no data loaded`,
          )
        } else {
          ctx.out(
            `${q.categoryLabel}, ${q.area.name} (${q.area.code}), ${q.from} to ${q.to}, ${SOURCE_LABELS[q.source]}: ${result.total.toLocaleString('en-GB')}`,
          )
          if (result.coverage.monthsMissing.length)
            ctx.out(`  Not loaded (not counted): ${monthsText(result.coverage.monthsMissing)}`)
          if (result.coverage.leavesOut)
            ctx.out(
              `  Not including ${result.coverage.leavesOut.categories.join(', ')}: ${result.coverage.leavesOut.reason}`,
            )
          const width = Math.max(0, ...result.rows.map((r) => r.label.length))
          for (const r of result.rows) ctx.out(`  ${r.label.padEnd(width)}  ${String(r.count).padStart(8)}`)
        }
        return 0
      })
    },
  }),
  command({
    name: 'crime rate',
    usage:
      'safer crime rate --area NAME_OR_CODE [--area-type lad|ward|lsoa] --from YYYY-MM --to YYYY-MM [--crime-type T] [--source police-uk|recorded] [--population-year YYYY] [--json]',
    summary: 'Crimes per 1,000 residents (ONS mid-year population estimates)',
    help: BESIDE_SERVER,
    needs: ['crime'],
    async run(ctx) {
      const { values } = parseArgs({
        args: ctx.args,
        options: { ...queryOptions, 'population-year': { type: 'string' } },
      })
      return ctx.withServices(async ({ crime }) => {
        const forwarded = await forwardToServer(crime.storePath, ctx, {
          command: 'crime rate',
          args: ctx.args,
        })
        if (forwarded !== null) return forwarded
        const r = await crime.analysis.rate({
          ...queryFrom(values),
          populationYear: values['population-year'],
        })
        if (values.json) {
          ctx.out(
            JSON.stringify({
              count: r.count,
              population: r.population,
              ratePer1000: r.ratePer1000,
              populationYear: r.populationYear,
              area: r.query.area,
              from: r.query.from,
              to: r.query.to,
            }),
          )
        } else {
          ctx.out(
            `${r.query.categoryLabel}, ${r.query.area.name}, ${r.query.from} to ${r.query.to}: ${r.count.toLocaleString('en-GB')} crimes, ` +
              `population ${r.population.toLocaleString('en-GB')} (mid-${r.populationYear}), ${formatRate(r.ratePer1000)} per 1,000 residents (to two decimal places; --json gives it exact)`,
          )
        }
        return 0
      })
    },
  }),
  command({
    name: 'assessment build',
    usage: 'safer assessment build --area NAME_OR_CODE --from YYYY-MM --to YYYY-MM --out FILE.docx',
    summary: 'Write the strategic assessment for an area and period as a Word document',
    needs: ['crime', 'audit'],
    async run(ctx) {
      const { values } = parseArgs({
        args: ctx.args,
        options: {
          area: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          out: { type: 'string' },
        },
      })
      if (!values.out) throw new UsageError('Give the file to write with --out FILE.docx')
      const out = values.out
      return ctx.withServices(async ({ crime, audit }) => {
        const { assessment, content } = await exportAssessment(crime, audit, actorOf(ctx), {
          area: values.area,
          from: values.from,
          to: values.to,
        })
        writeFileSync(out, content)
        ctx.out(
          `Wrote ${assessment.title}, ${assessment.period} (${assessment.sections.length} sections) to ${out}`,
        )
        return 0
      })
    },
  }),
]
