import type { SensitiveReads } from '../../audit/read-audit.ts'

/** A board pack carries the last meeting's minutes, as the meeting's page does: each download is audited. */
export const packSensitiveReads: SensitiveReads = ['board-pack']
