import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../shared/command-line.ts'
import { command } from '../module.ts'
import type { ReminderOutcome, ReminderRun } from './service.ts'

const what = (r: ReminderOutcome) =>
  r.kind === 'lead'
    ? `their ${r.deliverables} ${r.deliverables === 1 ? 'deliverable' : 'deliverables'}`
    : `summary of ${r.plans} ${r.plans === 1 ? 'plan' : 'plans'}`

function report(run: ReminderRun, out: (line: string) => void) {
  for (const r of run.reminders) out(`${r.status}\t${r.email}\t${what(r)}${r.error ? `\t${r.error}` : ''}`)
  for (const s of run.skipped) out(`skipped\t${s.email}\t${s.reason}`)
  const sent = run.reminders.filter((r) => r.status === 'sent').length
  const failed = run.reminders.filter((r) => r.status === 'failed').length
  const leads = run.reminders.filter((r) => r.kind === 'lead').length
  const summaries = run.reminders.length - leads
  const counts = `${leads} to leads and ${summaries} ${summaries === 1 ? 'summary' : 'summaries'} to partnership managers`
  out(
    run.dryRun
      ? `Dry run: ${run.reminders.length} reminders would be sent (${counts}); nothing was sent.`
      : `Sent ${sent} of ${run.reminders.length} reminders (${counts})${failed ? `; ${failed} failed` : ''}.`,
  )
  out(
    `${run.skipped.length} skipped; ${run.upToDate} linked leads have nothing overdue, red or due for an update.`,
  )
}

export const reminderCommands = [
  command({
    name: 'reminders send',
    usage: 'safer reminders send [--dry-run] [--json]',
    summary: 'E-mail each lead their overdue, red and stale deliverables, and managers a summary',
    help: [
      'Sends the weekly reminders now through SMTP_URL, with links to PUBLIC_URL (both required;',
      '--dry-run needs only PUBLIC_URL). Prints one line for each e-mail and each user skipped',
      '(disabled, no email address, or a lead not linked to a person in the plans), then the counts.',
      '--dry-run sends nothing and prints the text of each e-mail too.',
      '--json prints {dryRun, scheduledFor, reminders: [{userId, name, email, kind: "lead"|"summary",',
      '  deliverables?, plans?, status, error?, message? (dry run only)}], skipped: [{userId, name,',
      '  email, reason}], upToDate}. Exit 1 if any e-mail failed.',
    ].join('\n'),
    needs: ['reminders'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({
        args,
        options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      })
      const dryRun = values['dry-run'] ?? false
      return withServices(async ({ reminders }) => {
        const run = await reminders.send(CLI_ACTOR, { dryRun })
        if (values.json) out(JSON.stringify(run, null, 2))
        else {
          report(run, out)
          if (dryRun) {
            for (const r of run.reminders) {
              out('')
              out(`----- To: ${r.email}`)
              out(`Subject: ${r.message?.subject ?? ''}`)
              out('')
              out(r.message?.text.trimEnd() ?? '')
            }
          }
        }
        return run.reminders.some((r) => r.status === 'failed') ? 1 : 0
      })
    },
  }),
]
