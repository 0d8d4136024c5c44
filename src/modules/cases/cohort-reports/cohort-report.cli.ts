import { parseArgs } from 'node:util'
import { can } from '../../../access/permissions.ts'
import { CLI_ACTOR_LABEL, UsageError } from '../../../shared/command-line.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { command } from '../../module.ts'
import { MEASURE_NAMES } from '../rules/cohort-outcomes.ts'
import { COHORT_CHOICES, MEASURE_LABELS } from './cohort-report.ts'

const pct = (v: number | null) => (v === null ? 'no data' : `${(Math.round(v * 10) / 10).toFixed(1)}%`)

/**
 * `safer cohort report`: the IOM cohort report, exact, as the panel's page shows it. As with
 * `safer iom score`, the operator names a member of the panel with --as (ADR 0037): need to know is
 * asked for that user and the read audited under their account; no system reader sees exact figures.
 */
export const cohortReportCommand = command({
  name: 'cohort report',
  usage:
    'safer cohort report --panel ID_OR_EXACT_NAME --from YYYY-MM-DD --to YYYY-MM-DD --as EMAIL [--cohort fixed|flex|free] [--json]',
  summary: 'An IOM cohort’s outcome measures for a period, read as a member of the panel',
  help: [
    '--as is the email of a member of the IOM panel: their need to know is checked and the read is recorded',
    'in the audit log under their name. Without --cohort every cohort is counted. --json prints',
    '{cohort: {name, from, to, members}, ete: {n, d, pct}, treatment: {...}, notReoffending6m: {...},',
    ' provenReoffending12m: {n, d, pct, offences, frequency}, suppressed: [...]}: exact figures, with',
    'suppressed naming each measure with a count from 1 to 4, which must show as "<5" outside the panel.',
  ].join('\n'),
  needs: ['cases', 'users'],
  async run({ args, out, withServices }) {
    const { values } = parseArgs({
      args,
      options: {
        panel: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        cohort: { type: 'string' },
        as: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    if (!values.panel) throw new UsageError('Give the IOM panel with --panel ID_OR_EXACT_NAME')
    if (!values.from || !values.to)
      throw new UsageError('Give the period with --from YYYY-MM-DD --to YYYY-MM-DD')
    if (values.cohort !== undefined && !(COHORT_CHOICES as readonly string[]).includes(values.cohort))
      throw new UsageError('--cohort is fixed, flex or free (leave it out for every cohort)')
    if (!values.as) throw new UsageError('Give the email of a member of the panel with --as EMAIL')
    const { panel, from, to, as: email } = values
    const cohort = values.cohort ?? 'all'
    return withServices(async ({ cases, users }) => {
      const user = await users.findByEmail(email)
      // Whether the account exists is not told apart from a refusal: both are "not found".
      if (!user || user.disabledAt || !can(user.role, 'cases:view')) throw new NotFoundError('IOM panel')
      const found = await cases.cohortReportOfPanel(
        {
          actor: { userId: user.id, label: `${CLI_ACTOR_LABEL} as ${user.email}`, ip: null },
          user: { id: user.id, role: user.role },
          via: 'safer cohort report',
        },
        panel,
        { cohort, from, to },
      )
      const { report } = found
      if (values.json) {
        out(JSON.stringify(report))
        return 0
      }
      out(
        `${report.cohort.name}, ${report.cohort.from} to ${report.cohort.to}: ${report.cohort.members} on the cohort`,
      )
      for (const name of MEASURE_NAMES) {
        const m = report[name]
        const small = report.suppressed.includes(name) ? '  (shown as <5 outside the panel)' : ''
        out(`  ${MEASURE_LABELS[name]}: ${m.n} of ${m.d}, ${pct(m.pct)}${small}`)
      }
      const r = report.provenReoffending12m
      out(`  Proven reoffences per offender: ${r.frequency === null ? 'no data' : r.frequency.toFixed(2)}`)
      return 0
    })
  },
})
