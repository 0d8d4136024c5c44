import { parseArgs } from 'node:util'
import { UsageError } from '../../../shared/command-line.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { command } from '../../module.ts'
import { DUTY_RAG_LABELS, partnershipYearOf } from './rules.ts'

export const dutiesCommands = [
  command({
    name: 'duties list',
    usage: 'safer duties list [--year YEAR] [--json]',
    summary: 'List a partnership year’s statutory duties with their due dates, evidence and RAG',
    help: '--year is the year the partnership year starts in (2026 for April 2026 to March 2027); this year when left out. --json prints {year, yearText, duties: [{duty, title, dueDate, rag, evidence: [...]}]}.',
    needs: ['governance'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({ args, options: { year: { type: 'string' }, json: { type: 'boolean' } } })
      if (values.year !== undefined && !/^\d{4}$/.test(values.year))
        throw new UsageError('--year must be a year such as 2026')
      const year = values.year ? Number(values.year) : partnershipYearOf(londonToday())
      return withServices(async ({ governance }) => {
        const tracked = await governance.dutiesForYear(year)
        if (values.json) {
          out(JSON.stringify(tracked))
          return 0
        }
        out(`Statutory duties ${tracked.yearText} (${tracked.from} to ${tracked.to})`)
        for (const d of tracked.duties)
          out(`${d.dueDate}  ${DUTY_RAG_LABELS[d.rag].padEnd(18)} ${d.title} (${d.evidence.length} evidence)`)
        return 0
      })
    },
  }),
]
