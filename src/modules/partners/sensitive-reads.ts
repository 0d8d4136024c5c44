import type { SensitiveReads } from '../audit/read-audit.ts'

/** People are named individuals with their contact details: the list of them is audited when read. */
export const sensitiveReads: SensitiveReads = ['people']
