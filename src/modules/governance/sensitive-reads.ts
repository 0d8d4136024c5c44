import type { SensitiveReads } from '../audit/read-audit.ts'

/**
 * A meeting's page holds its minutes, which may name victims and offenders, and who attended: each
 * read of one is audited. A board's page lists only its members' names and roles, as a council
 * publishes them, and is not.
 */
export const sensitiveReads: SensitiveReads = ['meeting']
