import type { Command } from '../../cli/command.ts'
import { createDeps } from '../../deps.ts'

export const auditCommands: Command[] = [
  {
    name: 'audit verify',
    usage: 'safer audit verify',
    summary: 'Check the audit log hash chain; exits 1 naming the first altered or missing entry',
    async run({ config, out, err }) {
      const deps = await createDeps(config)
      try {
        const result = await deps.services.audit.verify()
        if (result.ok) {
          out(`Audit log intact: ${result.entries} entries verified.`)
          return 0
        }
        err(`Audit log check FAILED at entry ${result.badEntryId}: ${result.reason}. ${result.entries} entries before it are intact.`)
        return 1
      } finally {
        await deps.database.close()
      }
    },
  },
]
