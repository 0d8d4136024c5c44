import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { command, type Services } from '../module.ts'
import type { ChangeEntry, PlanChanges } from './import/plan-diff.ts'
import { MAX_IMPORT_BYTES } from './import/table.ts'
import { PlanExistsError } from './import.service.ts'

const actor = CLI_ACTOR

/** What importing over the stored plan changed (or, on a dry run, would change). */
function changeLines(changes: PlanChanges, done: boolean): string[] {
  const head = `${done ? 'Changed' : 'Would change'}: ${changes.added.length} added, ${changes.changed.length} changed, ${changes.archived.length} archived, ${changes.unchanged} unchanged.`
  const line = (verb: string) => (e: ChangeEntry) =>
    `  ${verb} ${e.level}${e.id ? ` ${e.id}` : ''} (${e.where}): ${e.name.slice(0, 80)}`
  return [
    head,
    ...changes.added.map(line('added')),
    ...changes.changed.flatMap((e) => [
      line(e.restored ? 'restored' : 'changed')(e),
      ...e.changes.map((f) => `    ${f.field}: "${f.before.slice(0, 60)}" → "${f.after.slice(0, 60)}"`),
    ]),
    ...changes.archived.map(line('archived')),
  ]
}

/** A plan named on the command line by its id or its exact title. */
async function findPlanId(services: Pick<Services, 'plans'>, key: string): Promise<number | undefined> {
  const plans = await services.plans.listPlans()
  return plans.find((p) => String(p.id) === key || p.title === key)?.id
}

export const planCommands = [
  command({
    name: 'plan import',
    usage: 'safer plan import FILE [--title TITLE] [--strategy ID] [--dry-run] [--replace] [--json]',
    summary: 'Import an action plan from .xlsx, .csv or .tsv, with a data-quality report (all or nothing)',
    needs: ['planImport'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          title: { type: 'string' },
          strategy: { type: 'string' },
          'dry-run': { type: 'boolean' },
          replace: { type: 'boolean' },
          json: { type: 'boolean' },
        },
      })
      const file = positionals[0]
      if (!file) throw new UsageError('Give the spreadsheet file to import')
      if (values.strategy !== undefined && !/^\d+$/.test(values.strategy))
        throw new UsageError('--strategy takes the strategy’s number (its id)')
      let content: Buffer
      try {
        // Refuse an oversized file before reading it into memory.
        if (statSync(file).size > MAX_IMPORT_BYTES) content = Buffer.alloc(MAX_IMPORT_BYTES + 1)
        else content = readFileSync(file)
      } catch (error) {
        err(
          `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
        )
        return 1
      }
      return withServices(async (s) => {
        let outcome: Awaited<ReturnType<typeof s.planImport.importPlan>>
        try {
          outcome = await s.planImport.importPlan(actor, {
            fileName: basename(file),
            content,
            title: values.title,
            strategyId: values.strategy === undefined ? null : Number(values.strategy),
            dryRun: values['dry-run'],
            replace: values.replace,
          })
        } catch (error) {
          if (!(error instanceof PlanExistsError)) throw error
          if (values.json) out(JSON.stringify({ errors: [{ row: 0, message: error.message }] }))
          else err(error.message)
          return 1
        }
        const { summary, planId, replaced, changes } = outcome
        if (values.json) {
          out(
            JSON.stringify({
              ...summary,
              planId,
              replaced,
              dryRun: Boolean(values['dry-run']),
              ...(changes ? { changes } : {}),
            }),
          )
        } else {
          for (const e of summary.errors) err(e.row ? `row ${e.row}: ${e.message}` : e.message)
          if (summary.errors.length === 0) {
            const c = summary.counts
            const verb = values['dry-run']
              ? 'Read (dry run, nothing saved)'
              : replaced
                ? 'Replaced'
                : 'Imported'
            out(
              `${verb} "${summary.title}"${planId ? ` as plan ${planId}` : ''}: ${c.themes} themes, ${c.actions} actions (${c.locallyAdded} locally added), ${c.deliverables} deliverables, ${c.leads} leads, ${c.organisations} lead organisations.`,
            )
            if (changes) for (const line of changeLines(changes, !values['dry-run'])) out(line)
            if (summary.warnings.length) out(`\n${summary.warnings.length} things to check:`)
            for (const w of summary.warnings) out(`  row ${w.row}: ${w.message}`)
          }
        }
        return summary.errors.length ? 1 : 0
      })
    },
  }),
  command({
    name: 'plan list',
    usage: 'safer plan list [--json]',
    summary: 'List action plans',
    needs: ['plans'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
      return withServices(async (s) => {
        const plans = await s.plans.listPlans()
        if (values.json)
          out(
            JSON.stringify(
              plans.map((p) => ({ id: p.id, title: p.title, period: p.period, strategy: p.strategyTitle })),
            ),
          )
        else for (const p of plans) out(`${String(p.id).padStart(4)}  ${p.title}`)
        return 0
      })
    },
  }),
  command({
    name: 'plan export',
    usage: 'safer plan export PLAN --format xlsx|csv [--out FILE]',
    summary: 'Write a plan (by id or title) as a spreadsheet in the partnership’s layout',
    needs: ['plans'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { format: { type: 'string' }, out: { type: 'string' } },
      })
      const key = positionals[0]
      if (!key) throw new UsageError('Give the plan’s id or title')
      const format = values.format ?? 'xlsx'
      if (format !== 'xlsx' && format !== 'csv') throw new UsageError('--format is xlsx or csv')
      return withServices(async (s) => {
        const id = await findPlanId(s, key)
        if (id === undefined) {
          err(`No plan "${key}". Run "safer plan list" to see them.`)
          return 1
        }
        try {
          const file = await s.plans.exportPlan(actor, id, format)
          const target = resolve(values.out ?? file.fileName)
          writeFileSync(target, file.content)
          out(`Wrote ${target}`)
          return 0
        } catch (error) {
          if (error instanceof NotFoundError) {
            err(error.message)
            return 1
          }
          throw error
        }
      })
    },
  }),
]
