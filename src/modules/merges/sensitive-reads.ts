import type { SensitiveReads } from '../audit/read-audit.ts'

/**
 * The person merge page lists every person to choose the survivor from: named individuals, as on
 * the partners' people list, so it is audited as a read of the people list.
 */
export const sensitiveReads: SensitiveReads = ['people']
