import type { FastifyRequest } from 'fastify'
import type { AuditService } from './service.ts'

/**
 * A module's declaration of which of its records are sensitive to read: each read of one of these,
 * through a page or the API, is written to the audit log as a `viewed` entry.
 */
export type SensitiveReads = readonly string[]

export interface Read {
  /** The kind of record or list read, as in the module's declaration. */
  what: string
  entityId?: string | number | null
  filter?: Record<string, unknown>
}

/** The one place routes record a read: nothing unless the module declared the record sensitive. */
export async function auditRead(
  audit: AuditService,
  sensitive: SensitiveReads,
  request: FastifyRequest,
  read: Read,
): Promise<void> {
  if (!sensitive.includes(read.what)) return
  const filter =
    read.filter &&
    Object.fromEntries(Object.entries(read.filter).filter(([, v]) => v !== undefined && v !== ''))
  // The path without its query string: the filter, when there is one, is recorded as parsed.
  await audit.viewed(request.actor, {
    what: read.what,
    entityId: read.entityId,
    path: request.url.split('?')[0] ?? request.url,
    filter,
  })
}
