import type { SensitiveReads } from '../audit/read-audit.ts'

/** Users are the accounts that can sign in, with their roles: the list of them is audited when read. */
export const sensitiveReads: SensitiveReads = ['users']
