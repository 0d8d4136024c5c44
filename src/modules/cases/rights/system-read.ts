import type { Actor } from '../../audit/service.ts'
import type { Who } from '../policy.ts'

// The system account (the command line, the demo) reads no case (ADR 0027). Three jobs an operator
// runs at the command line must read case data all the same: answering a subject access request,
// listing closed cases due for deletion, and re-encrypting under a new key. Each gets a reader
// made here for that one named purpose; the service for that purpose accepts it and nothing else
// does. A reader cannot be forged from the outside: it is recognised by identity, not by its shape.

export const SYSTEM_PURPOSES = {
  'subject-access': 'answer a subject access request',
  retention: 'review closed cases past their retention period',
  'key-rotation': 're-encrypt case data under a new key',
  // Counts only, suppressed as they leave the panel, for the performance module (ADR 0037).
  'cohort-report': 'count an IOM cohort’s outcomes for the performance module, small counts suppressed',
} as const
export type SystemPurpose = keyof typeof SYSTEM_PURPOSES

export interface SystemReader extends Who {
  user: null
  purpose: SystemPurpose
}

const issued = new WeakSet<object>()

/** A system reader for one purpose. Each read through it is audited by the service that accepts it. */
export function systemReader(actor: Actor, purpose: SystemPurpose): SystemReader {
  const reader: SystemReader = Object.freeze({ actor, user: null, purpose, via: `system:${purpose}` })
  issued.add(reader)
  return reader
}

/** True only for a reader made by systemReader for this purpose. */
export function isSystemReaderFor(who: Who, purpose: SystemPurpose): who is SystemReader {
  return who.user === null && issued.has(who) && (who as SystemReader).purpose === purpose
}
