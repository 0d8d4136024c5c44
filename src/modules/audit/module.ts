import { auditLogNoTruncate } from '../../db/migrations/0002_audit_log_no_truncate.ts'
import { api, pages, provides, type SaferModule } from '../module.ts'
import { auditApi } from './api.ts'
import { auditCommands } from './cli.ts'
import { AuditChainError } from './integrity.ts'
import { paths } from './paths.ts'
import { auditRoutes } from './routes.ts'
import { type AuditService, createAuditService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    audit: AuditService
  }
}

const permissions = {
  'audit:view': ['admin'],
} as const

/** The keyed, checkpointed audit log every other module writes to, its search page and API, and `safer audit verify`. */
export const auditModule: SaferModule<typeof permissions> = {
  name: 'audit',
  permissions,
  // 0001_foundation, which made the audit_log table, belongs to no one module (see src/db/migrate.ts).
  migrations: { '0002_audit_log_no_truncate': auditLogNoTruncate },
  services: provides([], ({ db, dialect, config }) => ({ audit: createAuditService(db, dialect, config) })),
  pages: [pages(['audit'], auditRoutes)],
  api: [api(['audit'], auditApi)],
  commands: auditCommands,
  commandErrors: [AuditChainError],
  navigation: [{ text: 'Audit log', href: paths.admin.audit(), needs: 'audit:view', order: 70 }],
  home: [
    {
      title: 'Audit log',
      text: 'Who did what and when, with a tamper check.',
      href: paths.admin.audit(),
      needs: 'audit:view',
      order: 50,
    },
  ],
  paths,
}
