import type { SensitiveReads } from '../audit/read-audit.ts'

/**
 * A tasking meeting's page names who attended and the officers tasked, and its commentary may name
 * people: each read of one (page, API or briefing download) is audited. The list of meetings is not.
 */
export const sensitiveReads: SensitiveReads = ['tasking-meeting']
