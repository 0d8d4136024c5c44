import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { CLI_ACTOR, UsageError } from '../../../shared/command-line.ts'
import { type CommandIO, command } from '../../module.ts'
import { subjectAccessDocx } from './subject-access-docx.ts'
import { systemReader } from './system-read.ts'

// The operator's rights commands. Each reads through a system reader made for its one purpose
// (system-read.ts), so the command line reads case data only for these jobs, each audited.

const actorOf = (io: CommandIO) => io.actor ?? CLI_ACTOR

function wholeId(text: string | undefined, what: string): number {
  if (!text || !/^\d+$/.test(text)) throw new UsageError(`Give the ${what} number`)
  return Number(text)
}

export const rightsCommands = [
  command({
    name: 'cases retention',
    usage: 'safer cases retention [--json]',
    summary: 'List closed cases past their panel’s retention period, for review (no case content)',
    help:
      '--json prints [{caseId, panelId, panelName, closedOn, dueOn}] (dates YYYY-MM-DD), oldest closure first; ' +
      'dueOn is the closure date plus the panel’s retention years. Delete one with `safer cases retention-delete`.',
    needs: ['cases'],
    async run(io) {
      const { values } = parseArgs({ args: io.args, options: { json: { type: 'boolean' } } })
      return io.withServices(async ({ cases }) => {
        const due = await cases.retentionDue(systemReader(actorOf(io), 'retention'))
        if (values.json) io.out(JSON.stringify(due))
        else if (!due.length) io.out('No closed case is past its retention period.')
        else
          for (const e of due)
            io.out(`case ${e.caseId}  ${e.panelName}  closed ${e.closedOn}  due for deletion ${e.dueOn}`)
        return 0
      })
    },
  }),
  command({
    name: 'cases retention-delete',
    usage: 'safer cases retention-delete CASE --confirm CASE',
    summary: 'Delete a closed case past retention, leaving only its audit trail',
    help:
      'The case number is given twice (--confirm repeats it) so a mistyped number deletes nothing. ' +
      'The case, its links and every person no other case names are deleted; the audit log keeps the entry.',
    needs: ['cases'],
    async run(io) {
      const { values, positionals } = parseArgs({
        args: io.args,
        options: { confirm: { type: 'string' } },
        allowPositionals: true,
      })
      const id = wholeId(positionals[0], 'case')
      if (values.confirm !== String(id))
        throw new UsageError(`Confirm the deletion by repeating the case number: --confirm ${id}`)
      return io.withServices(async ({ cases }) => {
        const { subjectsDeleted } = await cases.deleteUnderRetention(
          systemReader(actorOf(io), 'retention'),
          id,
        )
        io.out(`Deleted case ${id} under retention, with ${subjectsDeleted} people no other case names.`)
        return 0
      })
    },
  }),
  command({
    name: 'cases export-subject',
    usage: 'safer cases export-subject SUBJECT --out FILE.json|FILE.docx [--request REFERENCE]',
    summary: 'Write everything held about one person, for a subject access request',
    help:
      'The file’s extension chooses JSON or a Word document. --request names the request (its reference), ' +
      'recorded in the audit log and on the export. The JSON is {request, generatedAt, subject, mergedRecords, ' +
      'referrals, sections, accessLog}: see docs/operator-guide.md.',
    needs: ['cases'],
    async run(io) {
      const { values, positionals } = parseArgs({
        args: io.args,
        options: { out: { type: 'string' }, request: { type: 'string' } },
        allowPositionals: true,
      })
      const id = wholeId(positionals[0], 'subject')
      const out = values.out
      if (!out || !/\.(json|docx)$/i.test(out))
        throw new UsageError('Give the file to write with --out FILE.json or FILE.docx')
      return io.withServices(async ({ cases }) => {
        const found = await cases.exportSubject(systemReader(actorOf(io), 'subject-access'), id, {
          request: values.request ?? 'given at the command line without a reference',
        })
        writeFileSync(
          out,
          /\.docx$/i.test(out) ? await subjectAccessDocx(found) : `${JSON.stringify(found, null, 2)}\n`,
        )
        io.out(
          `Wrote what is held about subject ${found.subject.id} (${found.referrals.length} referrals) to ${out}`,
        )
        return 0
      })
    },
  }),
  command({
    name: 'cases rotate-key',
    usage: 'safer cases rotate-key [--json]',
    summary: 'Re-encrypt all case data and its blind indexes under CASE_DATA_KEY',
    help:
      'Set CASE_DATA_KEY to the new key and CASE_DATA_KEY_PREVIOUS to the old one (comma-separated if more). ' +
      'One transaction: interrupted, nothing changes; run again, values already under the new key are skipped. ' +
      '--json prints {keyId, reencrypted: {"table.column": n}, alreadyCurrent, blindIndexesChanged}.',
    needs: ['cases'],
    async run(io) {
      const { values } = parseArgs({ args: io.args, options: { json: { type: 'boolean' } } })
      return io.withServices(async ({ cases }) => {
        const result = await cases.rotateKey(systemReader(actorOf(io), 'key-rotation'))
        const total = Object.values(result.reencrypted).reduce((a, b) => a + b, 0)
        if (values.json) io.out(JSON.stringify(result))
        else
          io.out(
            `Re-encrypted ${total} values under key ${result.keyId} (${result.alreadyCurrent} were already under it); ${result.blindIndexesChanged} blind indexes recomputed.`,
          )
        return 0
      })
    },
  }),
]
