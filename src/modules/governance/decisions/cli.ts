import { readFile, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../../shared/command-line.ts'
import { command } from '../../module.ts'
import { importRead } from './import/importer.ts'
import { importedShape, type ReadDocument, readGovernanceText, UnreadableText } from './import/parse.ts'

const asOperator = { actor: CLI_ACTOR, user: null }
const MAX_BYTES = 2 * 1024 * 1024

/** The file as text, or why it cannot be read, in words for the operator. */
async function readText(file: string): Promise<string> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) throw new UnreadableText(`Cannot read ${file}: there is no such file`)
  if (info.size > MAX_BYTES)
    throw new UnreadableText(`${file} is over 2 MB: paste just the decision or the minutes`)
  const bytes = await readFile(file)
  if (bytes.includes(0))
    throw new UnreadableText(`${file} is not text: save the page or minutes as plain text`)
  return bytes.toString('utf8')
}

function summary(read: ReadDocument): string[] {
  const lines = [
    `${read.kind === 'decision' ? 'Decision' : 'Minutes'}: ${read.title ?? '(no title)'}`,
    read.itemNumber !== null ? `Item ${read.itemNumber}` : null,
    read.body || read.meetingDate
      ? `Meeting: ${read.body ?? '(body not given)'} on ${read.meetingDate ?? '(date not given)'}`
      : null,
    read.decisionMaker ? `Decision maker: ${read.decisionMaker}` : null,
    read.dateOfDecision ? `Date of decision: ${read.dateOfDecision}` : null,
    ...read.resolutions.map((r) => `  ${r.number}. ${r.text.split('\n')[0]}`),
    ...read.documents.map((d) => `  Document: ${d.title}`),
  ]
  return lines.filter((l): l is string => l !== null)
}

export const decisionCommands = [
  command({
    name: 'decision import',
    usage:
      'safer decision import FILE [--json] [--dry-run] [--board BOARD] [--meeting ID] [--time HH:MM] [--create-board]',
    summary: 'Read the pasted text of a decision page or minutes, and record it',
    help:
      'A decision page (ModernGov "Decision details" or "Record of decision") becomes a decision record; minutes become ' +
      'the item, its minutes and its resolutions in the meeting of that board on that day (the meeting is added when ' +
      'there is none; the board must exist unless --create-board). --dry-run only reads and prints. --json prints ' +
      '{kind, title, meetingDate, itemNumber, decisionMaker, status, keyDecision, subjectToCallIn, dateOfDecision, ' +
      'publicationDate, resolutions: [{number, text}], documents: [{title, link}]}.',
    needs: ['governance', 'partners'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          json: { type: 'boolean' },
          'dry-run': { type: 'boolean' },
          board: { type: 'string' },
          meeting: { type: 'string' },
          time: { type: 'string' },
          'create-board': { type: 'boolean' },
        },
      })
      const [file, ...extra] = positionals
      if (!file || extra.length) throw new UsageError('Give one file: safer decision import FILE')
      if (values.meeting !== undefined && !/^\d{1,9}$/.test(values.meeting))
        throw new UsageError('--meeting takes a meeting id, such as 12')
      if (values.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time))
        throw new UsageError('--time takes a time such as 18:30')
      let read: ReadDocument
      try {
        read = readGovernanceText(await readText(file))
      } catch (error) {
        if (!(error instanceof UnreadableText)) throw error
        err(`${file}: ${error.message}. Nothing was recorded.`)
        return 1
      }
      if (values['dry-run']) {
        out(
          values.json
            ? JSON.stringify(importedShape(read))
            : [...summary(read), 'Dry run: nothing was recorded.'].join('\n'),
        )
        return 0
      }
      return withServices(async (services) => {
        const result = await importRead(services, asOperator, read, {
          board: values.board,
          meeting: values.meeting === undefined ? undefined : Number(values.meeting),
          time: values.time,
          createBoard: values['create-board'],
        })
        out(values.json ? JSON.stringify(importedShape(read)) : result.report.join('\n'))
        return 0
      })
    },
  }),
]
