import { command } from '../module.ts'

export const auditCommands = [
  command({
    name: 'audit verify',
    usage: 'safer audit verify',
    summary: 'Check the audit log hash chain; exits 1 naming the first altered or missing entry',
    needs: ['audit'],
    async run({ out, err, withServices }) {
      return withServices(async ({ audit }) => {
        const result = await audit.verify()
        if (result.ok) {
          out(`Audit log intact: ${result.entries} entries verified.`)
          return 0
        }
        err(`Audit log check FAILED at entry ${result.badEntryId}: ${result.reason}. ${result.entries} entries before it are intact.`)
        return 1
      })
    },
  }),
]
