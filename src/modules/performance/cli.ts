import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { command } from '../module.ts'
import { MAX_UPLOAD_BYTES } from './import/read.ts'
import { UNITS } from './indicator.ts'
import { FREQUENCIES } from './rules/periods.ts'
import { DIRECTION_WORDS, POLARITIES, RATING_LABELS } from './rules/rules.ts'

// `safer indicator add|import|status` and `safer report exceptions`. The command line acts as the
// operator: the policy's partnership-manager rights (who: user null).

const who = { actor: CLI_ACTOR, user: null }
// The command line takes the issue's short unit names; "percent" is the stored one.
const UNIT_WORDS = UNITS.join('|')

export const performanceCommands = [
  command({
    name: 'indicator add',
    usage: `safer indicator add --key K --name N --unit ${UNIT_WORDS} --polarity ${POLARITIES.join('|')} --frequency ${FREQUENCIES.join('|')} [--tolerance PCT] [--owner ORG]`,
    summary: 'Define a performance indicator (entered by hand or uploaded)',
    help: 'ORG is the owner organisation’s short name (or id). --tolerance is the amber band, a percentage of the target (default 5).',
    needs: ['indicators', 'partners'],
    async run({ args, out, err, withServices }) {
      const { values } = parseArgs({
        args,
        options: {
          key: { type: 'string' },
          name: { type: 'string' },
          definition: { type: 'string' },
          unit: { type: 'string' },
          polarity: { type: 'string' },
          frequency: { type: 'string' },
          tolerance: { type: 'string' },
          owner: { type: 'string' },
        },
      })
      for (const required of ['key', 'name', 'unit', 'polarity', 'frequency'] as const)
        if (!values[required]) throw new UsageError(`Give --${required}`)
      return withServices(async (s) => {
        let ownerOrganisationId: number | null = null
        if (values.owner) {
          const key = values.owner.toLowerCase()
          const orgs = await s.partners.listOrganisations()
          const org = orgs.find(
            (o) => String(o.id) === key || o.shortName.toLowerCase() === key || o.name.toLowerCase() === key,
          )
          if (!org) {
            err(
              `No organisation "${values.owner}". Known: ${orgs.map((o) => o.shortName).join(', ') || 'none'}`,
            )
            return 1
          }
          ownerOrganisationId = org.id
        }
        const id = await s.indicators.define(who, { ...values, ownerOrganisationId })
        out(`Defined ${values.key} (indicator ${id}).`)
        return 0
      })
    },
  }),
  command({
    name: 'indicator import',
    usage: 'safer indicator import FILE [--dry-run] [--json]',
    summary: 'Import values from a long .csv, .tsv or .xlsx (indicator, period, value …); all or nothing',
    help: 'Columns: indicator, period, value, and optionally target, numerator, denominator, comparator, note. --json prints {fileName, dryRun, written, counts, rows, errors, warnings}; each error names its row and column.',
    needs: ['indicatorImport'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      })
      const file = positionals[0]
      if (!file) throw new UsageError('Give the file of values to import')
      let content: Buffer
      try {
        content =
          statSync(file).size > MAX_UPLOAD_BYTES ? Buffer.alloc(MAX_UPLOAD_BYTES + 1) : readFileSync(file)
      } catch (error) {
        err(
          `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
        )
        return 1
      }
      return withServices(async (s) => {
        const outcome = await s.indicatorImport.importValues(who, {
          fileName: basename(file),
          content,
          dryRun: values['dry-run'],
        })
        if (values.json) out(JSON.stringify(outcome))
        else {
          for (const e of outcome.errors)
            err(e.row ? `row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}` : e.message)
          for (const w of outcome.warnings) out(`row ${w.row}: ${w.message}`)
          if (outcome.errors.length === 0) {
            const c = outcome.counts
            const verb = outcome.written ? 'Imported' : 'Read (dry run, nothing saved)'
            out(
              `${verb} ${c.rows} values for ${c.indicators} indicators: ${c.new} new, ${c.corrections} corrections, ${c.unchanged} unchanged.`,
            )
          } else err('Nothing was saved: correct these rows and import the file again.')
        }
        return outcome.errors.length ? 1 : 0
      })
    },
  }),
  command({
    name: 'indicator status',
    usage: 'safer indicator status KEY [--period P] [--json]',
    summary: 'An indicator’s value, target, RAG and direction of travel for a period (by default its latest)',
    help: '--json prints {key, period, value, target, rag, previous, direction, sameLastYear, significant}: rag is green, amber, red, no-target or monitor; direction improving, worsening, no-change or none; significant is null when not tested.',
    needs: ['indicators'],
    async run({ args, out, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { period: { type: 'string' }, json: { type: 'boolean' } },
      })
      const key = positionals[0]
      if (!key) throw new UsageError('Give the indicator’s key')
      return withServices(async (s) => {
        const { indicator, status } = await s.indicators.get(key, values.period)
        const { period, value, target, rag, previous, direction, sameLastYear, significant } = status
        if (values.json) {
          out(
            JSON.stringify({
              key: indicator.key,
              period,
              value,
              target,
              rag,
              previous,
              direction,
              sameLastYear,
              significant,
            }),
          )
          return 0
        }
        out(`${indicator.name} (${indicator.key}), ${period ?? 'no value yet'}`)
        out(`  value ${value ?? 'none'}, target ${target ?? 'none'}: ${RATING_LABELS[rag]}`)
        out(`  against the previous period (${previous ?? 'none'}): ${DIRECTION_WORDS[direction]}`)
        out(
          `  against the same period last year (${sameLastYear ?? 'none'}): ${DIRECTION_WORDS[status.directionLastYear]}; ${status.significance.explanation}`,
        )
        return 0
      })
    },
  }),
  command({
    name: 'report exceptions',
    usage: 'safer report exceptions [--json]',
    summary:
      'The exception report: indicators and plan deliverables that need the board’s attention, each with why',
    help: '--json prints {indicators: [{key, name, period, value, display, rag, reasons}], deliverables: [{id, plan, theme, action, outcome, rag, reasons}]}.',
    needs: ['performanceReports'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
      return withServices(async (s) => {
        const report = await s.performanceReports.exceptions()
        if (values.json) {
          out(JSON.stringify(report))
          return 0
        }
        out(`Indicators (${report.indicators.length}):`)
        for (const i of report.indicators)
          out(`  ${i.key} ${i.period}: ${i.display}. ${i.reasons.join('. ')}.`)
        out(`Plan deliverables (${report.deliverables.length}):`)
        for (const d of report.deliverables)
          out(`  ${d.plan.title}, ${d.action}: ${d.outcome.slice(0, 80)}. ${d.reasons.join('. ')}.`)
        return 0
      })
    },
  }),
]
