import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../../shared/command-line.ts'
import { command } from '../../module.ts'

const wholeNumber = (value: string | undefined, option: string) => {
  if (!value || !/^\d{1,9}$/.test(value)) throw new UsageError(`${option} needs an id, a whole number`)
  return Number(value)
}

const docxPath = (value: string | undefined) => {
  if (!value) throw new UsageError('--out FILE.docx is required')
  if (!value.toLowerCase().endsWith('.docx')) throw new UsageError('--out must name a .docx file')
  return value
}

export const packCommands = [
  command({
    name: 'pack build',
    usage: 'safer pack build --meeting ID --out FILE.docx [--json]',
    summary:
      'Make the next version of a meeting’s board pack from live data, keep it, and write it to a file',
    help: 'The version is kept on the meeting (see its page). --json prints {id, meetingId, number, madeAt, madeBy, fileName, bytes, out}.',
    needs: ['boardPacks'],
    async run({ args, out, actor, withServices }) {
      const { values } = parseArgs({
        args,
        options: { meeting: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
      })
      const meetingId = wholeNumber(values.meeting, '--meeting')
      const path = docxPath(values.out)
      return withServices(async ({ boardPacks }) => {
        const version = await boardPacks.build({ actor: actor ?? CLI_ACTOR, user: null }, meetingId)
        writeFileSync(path, (await boardPacks.packFile(version.id)).content)
        if (values.json) out(JSON.stringify({ ...version, out: path }))
        else
          out(
            `Made version ${version.number} of the board pack (${Math.round(version.bytes / 1024)} KB) and wrote it to ${path}.`,
          )
        return 0
      })
    },
  }),
  command({
    name: 'pack list',
    usage: 'safer pack list --meeting ID [--json]',
    summary: 'List the versions of a meeting’s board pack and which was circulated',
    help: '--json prints {versions: [{id, number, madeAt, madeBy, fileName, bytes, circulatedAt, circulatedBy}], circulated}.',
    needs: ['boardPacks'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({
        args,
        options: { meeting: { type: 'string' }, json: { type: 'boolean' } },
      })
      const meetingId = wholeNumber(values.meeting, '--meeting')
      return withServices(async ({ boardPacks }) => {
        const packs = await boardPacks.meetingPacks(meetingId)
        if (values.json) out(JSON.stringify(packs))
        else if (!packs.versions.length) out('No board pack made for this meeting yet.')
        else
          for (const v of packs.versions)
            out(
              `${String(v.number).padStart(3)}  ${v.madeAt.slice(0, 16).replace('T', ' ')}  ${v.madeBy.padEnd(24)} ${v.circulatedAt ? `circulated ${v.circulatedAt.slice(0, 10)}` : 'not circulated'}`,
            )
        return 0
      })
    },
  }),
  command({
    name: 'report annual',
    usage: 'safer report annual --strategy ID --year YYYY --out FILE.docx',
    summary:
      'Write the annual report on a strategy for a calendar year: priorities and indicators, plans’ RAG, the year’s decisions',
    help: 'Made from live data; not kept (make it again to see today’s figures). Every one made is in the audit log.',
    needs: ['boardPacks'],
    async run({ args, out, actor, withServices }) {
      const { values } = parseArgs({
        args,
        options: { strategy: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
      })
      const strategyId = wholeNumber(values.strategy, '--strategy')
      if (!values.year) throw new UsageError('--year YYYY is required')
      const path = docxPath(values.out)
      return withServices(async ({ boardPacks }) => {
        const file = await boardPacks.annualReport(actor ?? CLI_ACTOR, strategyId, values.year)
        writeFileSync(path, file.content)
        out(
          `Wrote the annual report for ${values.year} (${Math.round(file.content.length / 1024)} KB) to ${path}.`,
        )
        return 0
      })
    },
  }),
]
