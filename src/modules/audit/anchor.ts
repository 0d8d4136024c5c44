import type { FastifyInstance } from 'fastify'
import type { AuditService } from './service.ts'

/**
 * The web server's part in anchoring the log: changes commit inside the services' own transactions,
 * so once a response has gone the head they made is committed and may be due its checkpoint.
 * The checkpoint goes to the checkpoint file and, as a second copy off the database, to the server's log.
 */
export function anchorAuditLog(app: FastifyInstance, audit: AuditService) {
  app.addHook('onResponse', async (request) => {
    try {
      const written = await audit.checkpointIfDue()
      if (written)
        request.log.info({ auditCheckpoint: written.checkpoint, file: written.file }, 'audit log checkpoint')
    } catch (error) {
      request.log.error({ err: error }, 'audit log checkpoint failed')
    }
  })
}

/** Every start: seal or hand over the head if AUDIT_KEY is new to it, then write a checkpoint of it. */
export async function anchorAuditLogAtStart(app: FastifyInstance, audit: AuditService) {
  const { head, written } = await audit.startUp()
  if (head === 'unknown') {
    app.log.error(
      'the newest audit entry is signed with none of AUDIT_KEY and AUDIT_PREVIOUS_KEYS: run "safer audit verify"',
    )
  }
  if (written)
    app.log.info({ auditCheckpoint: written.checkpoint, file: written.file }, 'audit log checkpoint at start')
}
