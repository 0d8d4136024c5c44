import type { SensitiveReads } from '../audit/read-audit.ts'

/**
 * A critical incident's page and a tension assessment's hold what agencies know of a community
 * after serious violence (the timeline, intelligence, feedback): each read of one is audited.
 * Events and police activity are operational records shared with partners, and are not.
 */
export const sensitiveReads: SensitiveReads = ['critical-incident', 'tension-assessment']
