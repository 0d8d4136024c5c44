import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { type CommandIO, command } from '../module.ts'
import { monthText } from './briefing/months.ts'
import { TASKING_STATUS_LABELS, TASKING_STATUSES, type TaskingStatus } from './rules/carry-over.ts'
import { MONTH } from './schema.ts'

const actorOf = (io: CommandIO) => io.actor ?? CLI_ACTOR

export const taskingCommands = [
  command({
    name: 'tasking briefing',
    usage: 'safer tasking briefing --month YYYY-MM --out FILE.docx [--area NAME_OR_CODE]',
    summary: 'Write a tasking meeting’s violence intelligence briefing as a Word document',
    help:
      'Uses the briefing kept with that month’s tasking meeting, with its commentary, when the meeting has one for the area; ' +
      'otherwise computes the figures from the crime data now (not kept). --area defaults to the partnership’s home area.',
    needs: ['tasking'],
    async run(ctx) {
      const { values } = parseArgs({
        args: ctx.args,
        options: { area: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } },
      })
      if (!values.month || !MONTH.test(values.month))
        throw new UsageError('Give the month with --month YYYY-MM')
      if (!values.out) throw new UsageError('Give the file to write with --out FILE.docx')
      const { month, out } = values
      return ctx.withServices(async ({ tasking }) => {
        const file = await tasking.exportBriefing(actorOf(ctx), { area: values.area ?? null, month })
        writeFileSync(out, file.content)
        ctx.out(
          `Wrote the briefing for ${file.figures.area.name}, ${monthText(month)} (${file.kept ? 'as kept with the meeting' : 'computed now; no meeting holds one'}) to ${out}`,
        )
        return 0
      })
    },
  }),
  command({
    name: 'tasking list',
    usage: `safer tasking list [--status ${TASKING_STATUSES.join('|')}] [--json]`,
    summary: 'List the taskings, by the month raised, with their organisation, place, due date and status',
    help: '--json prints an array of taskings as the API gives them (GET /api/v1/tasking/taskings).',
    needs: ['tasking'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({
        args,
        options: { status: { type: 'string' }, json: { type: 'boolean' } },
      })
      if (values.status && !(TASKING_STATUSES as readonly string[]).includes(values.status))
        throw new UsageError(`--status is one of ${TASKING_STATUSES.join(', ')}`)
      return withServices(async ({ tasking }) => {
        const rows = await tasking.listTaskings({ status: values.status })
        if (values.json) out(JSON.stringify(rows))
        else if (!rows.length) out('No taskings.')
        else
          for (const t of rows)
            out(
              `${String(t.id).padStart(4)}  ${t.raisedMonth}  ${t.organisationName.padEnd(30)} ${t.place.name.padEnd(30)} due ${t.dueDate}  ${TASKING_STATUS_LABELS[t.status as TaskingStatus]}`,
            )
        return 0
      })
    },
  }),
]
