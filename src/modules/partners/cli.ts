import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { ORGANISATION_TYPES } from '../../shared/organisation-types.ts'
import { command } from '../module.ts'
import { PeopleFileError, readPeopleFile } from './people-file.ts'
import type { PeopleImportReport } from './people-import.service.ts'

function printReport(report: PeopleImportReport, out: (line: string) => void, err: (line: string) => void) {
  for (const p of report.added) {
    out(
      `${report.saved ? 'Added' : 'Would add'}   row ${p.row}: ${p.name}${p.organisation ? ` (${p.organisation})` : ''}`,
    )
  }
  for (const p of report.alreadyHeld) out(`Left out    row ${p.row}: ${p.name} – already held: ${p.reason}`)
  for (const p of report.problems) err(`Row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`)
}

export const partnersCommands = [
  command({
    name: 'organisation add',
    usage: `safer organisation add --short-name SHORT --name NAME [--type ${ORGANISATION_TYPES.join('|')}]`,
    summary: 'Add a partner organisation',
    needs: ['partners'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({
        args,
        options: { 'short-name': { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } },
      })
      if (!values['short-name'] || !values.name)
        throw new UsageError('--short-name and --name are both required')
      const type = (values.type ?? 'other').toLowerCase()
      if (!(ORGANISATION_TYPES as readonly string[]).includes(type)) {
        throw new UsageError(`--type is one of ${ORGANISATION_TYPES.join(', ')}, not "${values.type}"`)
      }
      return withServices(async ({ partners }) => {
        const id = await partners.createOrganisation(CLI_ACTOR, {
          shortName: values['short-name'],
          name: values.name,
          type,
        })
        const org = await partners.getOrganisation(id)
        out(`Added ${org.shortName}: ${org.name} (${org.type}), organisation ${org.id}.`)
        return 0
      })
    },
  }),
  command({
    name: 'organisation list',
    usage: 'safer organisation list [--json]',
    summary: 'List partner organisations',
    help: '--json prints an array of {id, shortName, name, type}.',
    needs: ['partners'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
      return withServices(async ({ partners }) => {
        const organisations = await partners.listOrganisations()
        if (values.json) {
          out(
            JSON.stringify(
              organisations.map((o) => ({ id: o.id, shortName: o.shortName, name: o.name, type: o.type })),
            ),
          )
        } else if (!organisations.length)
          out('No organisations yet. Add one with: safer organisation add --short-name SHORT --name NAME')
        else for (const o of organisations) out(`${o.shortName.padEnd(12)} ${o.name.padEnd(48)} ${o.type}`)
        return 0
      })
    },
  }),
  command({
    name: 'people import',
    usage: 'safer people import FILE [--dry-run] [--json]',
    summary: 'Add the partnership’s named people from a .csv or .xlsx list (all or nothing)',
    help: [
      'The first row names the columns: Name (required), Organisation (short name), Job title (or Role), Email.',
      'Someone already held (the same name or email address) is left out and listed, never added twice.',
      'Any problem in any row saves nothing: each is named by row and column. --dry-run checks without saving.',
      '--json prints {fileName, saved, added, alreadyHeld, problems}.',
    ].join('\n'),
    needs: ['partners'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      })
      const path = positionals[0]
      if (!path || positionals.length > 1)
        throw new UsageError('Give one file: a .csv or .xlsx list of people')
      let buffer: Buffer
      try {
        buffer = readFileSync(path)
      } catch (error) {
        err(
          `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
        )
        return 1
      }
      let file: Awaited<ReturnType<typeof readPeopleFile>>
      try {
        file = await readPeopleFile(buffer, basename(path))
      } catch (error) {
        if (!(error instanceof PeopleFileError)) throw error
        err(error.message)
        return 1
      }
      return withServices(async ({ partners }) => {
        const report = await partners.importPeople(CLI_ACTOR, file, { dryRun: values['dry-run'] })
        if (values.json) out(JSON.stringify(report))
        else printReport(report, out, err)
        if (report.problems.length) {
          if (!values.json)
            err(
              `Nothing was saved: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} to put right in ${file.fileName}.`,
            )
          return 1
        }
        if (!values.json) {
          const held = report.alreadyHeld.length
            ? `; ${report.alreadyHeld.length} already held, left out`
            : ''
          out(
            report.saved
              ? `Added ${report.added.length} people${held}.`
              : `Dry run: ${report.added.length} people would be added${held}. Nothing was saved.`,
          )
        }
        return 0
      })
    },
  }),
]
