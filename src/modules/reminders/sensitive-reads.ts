import type { SensitiveReads } from '../audit/read-audit.ts'

/** Who would get a reminder, and who is skipped and why: names and email addresses, so audited when read. */
export const sensitiveReads: SensitiveReads = ['reminder recipients']
