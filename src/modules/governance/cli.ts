import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../shared/command-line.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { command } from '../module.ts'
import { decisionCommands } from './decisions/cli.ts'
import { MEETING_STATUS_LABELS } from './rules/meeting-status.ts'
import { FREQUENCIES } from './schema.ts'

const asOperator = { actor: CLI_ACTOR, user: null }

export const governanceCommands = [
  command({
    name: 'board list',
    usage: 'safer board list [--json]',
    summary: 'List the partnership’s boards and whom each reports to',
    help: '--json prints an array of {id, name, frequency, quorum, chair, reportsTo: [names], standingItems}.',
    needs: ['governance'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
      return withServices(async ({ governance }) => {
        const boards = await governance.listBoards()
        const lines = await governance.reportingLines()
        const rows = boards.map((b) => ({
          id: b.id,
          name: b.name,
          frequency: b.frequency,
          quorum: b.quorum,
          chair: b.chairName,
          reportsTo: lines.filter((l) => l.board.id === b.id).map((l) => l.reportsTo.name),
          standingItems: b.standingItems,
        }))
        if (values.json) out(JSON.stringify(rows))
        else if (!rows.length) out('No boards yet. Add one with: safer board add --name NAME --purpose TEXT')
        else
          for (const b of rows)
            out(
              `${String(b.id).padStart(4)}  ${b.name.padEnd(40)} ${b.frequency.padEnd(12)} reports to ${b.reportsTo.join(', ') || 'no one'}`,
            )
        return 0
      })
    },
  }),
  command({
    name: 'board add',
    usage: `safer board add --name NAME --purpose TEXT [--frequency ${FREQUENCIES.join('|')}] [--quorum N] [--standing-item TITLE]... [--reports-to BOARD]...`,
    summary: 'Add a board, its standing items and the boards it reports to',
    help: '--reports-to names a board already held (by name or id); give it again for each. --standing-item likewise.',
    needs: ['governance'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({
        args,
        options: {
          name: { type: 'string' },
          purpose: { type: 'string' },
          frequency: { type: 'string' },
          quorum: { type: 'string' },
          'standing-item': { type: 'string', multiple: true },
          'reports-to': { type: 'string', multiple: true },
        },
      })
      if (!values.name || !values.purpose) throw new UsageError('--name and --purpose are both required')
      return withServices(async ({ governance }) => {
        const above: number[] = []
        for (const ref of values['reports-to'] ?? []) {
          const id = /^\d+$/.test(ref) ? Number(ref) : await governance.findBoardByName(ref)
          if (id === null) throw new NotFoundError(`The board "${ref}"`)
          above.push((await governance.getBoard(id)).id)
        }
        const id = await governance.createBoard(asOperator, {
          name: values.name,
          purpose: values.purpose,
          frequency: values.frequency ?? 'quarterly',
          quorum: values.quorum ?? '3',
          standingItems: values['standing-item'] ?? [],
        })
        for (const reportsToBoardId of above)
          await governance.addReportingLine(asOperator, id, { reportsToBoardId })
        const board = await governance.getBoard(id)
        out(
          `Added ${board.name}, board ${board.id}${board.reportsTo.length ? `, reporting to ${board.reportsTo.map((b) => b.name).join(' and ')}` : ''}.`,
        )
        return 0
      })
    },
  }),
  command({
    name: 'meeting list',
    usage: 'safer meeting list [--board BOARD] [--json]',
    summary: 'List meetings, latest first, with their status',
    help: '--board gives one board’s, by name or id. --json prints an array of {id, board, startsAt, place, status}.',
    needs: ['governance'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({
        args,
        options: { board: { type: 'string' }, json: { type: 'boolean' } },
      })
      return withServices(async ({ governance }) => {
        let boardId: number | null = null
        if (values.board) {
          boardId = /^\d+$/.test(values.board)
            ? Number(values.board)
            : await governance.findBoardByName(values.board)
          if (boardId === null) throw new NotFoundError(`The board "${values.board}"`)
        }
        const meetings = await governance.listMeetings(boardId)
        if (values.json)
          out(
            JSON.stringify(
              meetings.map((m) => ({
                id: m.id,
                board: m.boardName,
                startsAt: m.startsAt,
                place: m.place,
                status: m.status,
              })),
            ),
          )
        else if (!meetings.length) out('No meetings yet.')
        else
          for (const m of meetings)
            out(
              `${String(m.id).padStart(4)}  ${m.startsAt.replace('T', ' ')}  ${m.boardName.padEnd(40)} ${MEETING_STATUS_LABELS[m.status]}`,
            )
        return 0
      })
    },
  }),
  ...decisionCommands,
]
