import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { command } from '../module.ts'
import type { MergeKind, MergePreview } from './merge.service.ts'

const id = (value: string | undefined, what: string) => {
  if (!value || !/^\d+$/.test(value)) throw new UsageError(`${what} takes a record's number (its id)`)
  return Number(value)
}

function describe(p: MergePreview, done: boolean): string[] {
  return [
    `${done ? 'Merged' : 'Would merge'} ${p.from.name} (${p.from.id}) into ${p.into.name} (${p.into.id}):`,
    ...p.moves.map((m) => `  ${m.count}  ${m.what}`),
    ...(p.refusal ? [`Refused: ${p.refusal}`] : []),
  ]
}

function mergeCommand(kind: MergeKind) {
  const noun = kind === 'person' ? 'person' : 'organisation'
  return command({
    name: `${noun} merge`,
    usage: `safer ${noun} merge ID --into ID [--dry-run] [--json]`,
    summary: `Merge a duplicate ${noun} into the one to keep: every reference moves (audited)`,
    needs: ['merges'],
    async run({ args, out, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { into: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      })
      const from = id(positionals[0], `safer ${noun} merge`)
      const into = id(values.into, '--into')
      return withServices(async ({ merges }) => {
        if (!merges) throw new Error('The merge service is missing')
        const result = values['dry-run']
          ? await merges.preview(kind, from, into)
          : await merges.merge(CLI_ACTOR, kind, from, into)
        if (values.json) out(JSON.stringify({ merged: !values['dry-run'], ...result }))
        else for (const line of describe(result, !values['dry-run'])) out(line)
        return values['dry-run'] && result.refusal ? 1 : 0
      })
    },
  })
}

export const mergeCommands = [mergeCommand('person'), mergeCommand('organisation')]
