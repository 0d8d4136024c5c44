import { command } from '../module.ts'
import type { WrittenCheckpoint } from './integrity.ts'

const described = ({ checkpoint: c, file }: WrittenCheckpoint) =>
  `Checkpoint written to ${file}: ${c.entries} entries ending at id ${c.entryId}, hash ${c.hash}, signed with key ${c.key}.`

export const auditCommands = [
  command({
    name: 'audit verify',
    usage: 'safer audit verify',
    summary:
      'Check the audit log hash chain and its checkpoints; exits 1 naming the first altered or missing entry',
    needs: ['audit'],
    async run({ out, err, withServices }) {
      return withServices(async ({ audit }) => {
        const report = await audit.verifyInDetail()
        const { result } = report
        if (!result.ok) {
          if (result.badEntryId === null) err(`Audit log check FAILED: ${result.reason}.`)
          else
            err(
              `Audit log check FAILED at entry ${result.badEntryId}: ${result.reason}. ${result.entries} entries before it are intact.`,
            )
          return 1
        }
        out(`Audit log intact: ${result.entries} entries verified.`)
        for (const s of report.segments) {
          out(
            `  from id ${s.firstId}: ${s.entries} entries ${s.key ? `signed with key ${s.key}` : 'in the older, unkeyed form (sealed by the next)'}`,
          )
        }
        if (report.latest) {
          const c = report.latest
          out(
            `Matches ${report.checkpoints === 1 ? 'the checkpoint' : `all ${report.checkpoints} checkpoints`} in ${report.checkpointFile}; the latest, of ${c.at}, records ${c.entries} entries ending at id ${c.entryId}.`,
          )
        } else {
          out(
            `No checkpoint in ${report.checkpointFile}: nothing outside the database vouches for the end of the log. Start Safer or run "safer audit checkpoint".`,
          )
        }
        return 0
      })
    },
  }),
  command({
    name: 'audit checkpoint',
    usage: 'safer audit checkpoint',
    summary:
      'Seal the audit log under AUDIT_KEY if needed, and append a signed checkpoint of its head to AUDIT_CHECKPOINT_DIR',
    needs: ['audit'],
    async run({ out, withServices }) {
      return withServices(async ({ audit }) => {
        const { head, written } = await audit.startUp('operator')
        if (head === 'sealed') out('The older, unkeyed entries are now sealed under AUDIT_KEY.')
        if (head === 'rotated') out('The log is now signed with AUDIT_KEY, handed over by the previous key.')
        out(written ? described(written) : 'The audit log is empty: there is nothing to checkpoint.')
        return 0
      })
    },
  }),
  command({
    name: 'audit rotate-key',
    usage: 'AUDIT_KEY=NEW AUDIT_PREVIOUS_KEYS=OLD safer audit rotate-key',
    summary:
      'Start a segment of the audit log signed with AUDIT_KEY, its first entry signed by the previous key too',
    needs: ['audit'],
    // A refusal (AuditChainError) is reported as its message with exit 1: see the module's commandErrors.
    async run({ out, withServices }) {
      return withServices(async ({ audit }) => {
        const { head, written, key } = await audit.rotateKey()
        if (head === 'current')
          out(`The audit log is already signed with AUDIT_KEY (key ${key}): nothing to rotate.`)
        else if (head === 'empty')
          out(`The audit log is empty: its first entry will be signed with AUDIT_KEY (key ${key}).`)
        else
          out(
            `The audit log now continues under AUDIT_KEY (key ${key}). Keep the old key in AUDIT_PREVIOUS_KEYS so that older entries still verify.`,
          )
        if (written) out(described(written))
        return 0
      })
    },
  }),
]
