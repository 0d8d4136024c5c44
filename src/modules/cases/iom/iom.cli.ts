import { parseArgs } from 'node:util'
import { can } from '../../../access/permissions.ts'
import { CLI_ACTOR_LABEL, UsageError } from '../../../shared/command-line.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { command } from '../../module.ts'

const WHOLE = /^\d+$/

/**
 * `safer iom score`: one person's selection score and its breakdown. The command line has no
 * signed-in user, and the case module offers no system read of case data, so the operator names a
 * member of the IOM panel with --as: need to know is asked for that user, exactly as on the page, and
 * the read is audited under their account, labelled as coming from the command line.
 */
export const iomScoreCommand = command({
  name: 'iom score',
  usage: 'safer iom score --subject ID --as EMAIL [--panel ID] [--json]',
  summary: 'A person’s IOM selection score with its breakdown, read as a member of their IOM panel',
  help: [
    '--as is the email of a member of the IOM panel holding the person: their need to know is checked',
    'and the read is recorded in the audit log under their name. --panel chooses the panel when the person',
    'is on more than one of theirs. --json prints {panelId, panelName, subjectId, score: {asOf, total,',
    ' components: {recency, frequency, gravity}, offencesInWindow, latestOffence, offences: [...], notes}}.',
  ].join('\n'),
  needs: ['cases', 'users'],
  async run({ args, out, withServices }) {
    const { values } = parseArgs({
      args,
      options: {
        subject: { type: 'string' },
        as: { type: 'string' },
        panel: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    if (!values.subject || !WHOLE.test(values.subject))
      throw new UsageError('Give the person with --subject ID (a whole number)')
    if (!values.as) throw new UsageError('Give the email of a member of their IOM panel with --as EMAIL')
    if (values.panel !== undefined && !WHOLE.test(values.panel))
      throw new UsageError('--panel takes a panel id (a whole number)')
    const email = values.as
    return withServices(async ({ cases, users }) => {
      const user = await users.findByEmail(email)
      // Whether the account exists is not told apart from a refusal: both are "not found".
      if (!user || user.disabledAt || !can(user.role, 'cases:view')) throw new NotFoundError('Subject')
      const found = await cases.iomScoreOfSubject(
        {
          actor: { userId: user.id, label: `${CLI_ACTOR_LABEL} as ${user.email}`, ip: null },
          user: { id: user.id, role: user.role },
          via: 'safer iom score',
        },
        Number(values.subject),
        values.panel === undefined ? undefined : Number(values.panel),
      )
      if (values.json) {
        out(JSON.stringify(found))
        return 0
      }
      const { score } = found
      out(`Subject ${found.subjectId} on ${found.panelName}: score ${score.total} as of ${score.asOf}`)
      out(
        `  recency ${score.components.recency}, frequency ${score.components.frequency}, gravity ${score.components.gravity}; ${score.offencesInWindow} offence(s) in the window`,
      )
      for (const c of score.offences)
        out(
          `  ${c.offence.date}  ${c.scoredAs.padEnd(22)} ${c.inWindow ? `adds ${c.total}: recency ${c.recency}, frequency ${c.frequency}, gravity ${c.gravity} (each ×${c.priority} priority)` : 'outside the window'}`,
        )
      for (const note of score.notes) out(`  ${note}`)
      return 0
    })
  },
})
