import type { SensitiveReads } from './read-audit.ts'

/** Reading the audit log shows who did what to whom: reading it is audited too. */
export const sensitiveReads: SensitiveReads = ['audit']
