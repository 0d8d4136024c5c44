import { createHmac } from 'node:crypto'
import type { CaseKey } from '../protection/keys.ts'

// A place is found again by a keyed hash of its normalised text, never by the text (ADR 0027): case,
// spaces and punctuation do not make "12 High St, AB1 2CD" a different place from "12 high st ab12cd".

export const normaliseLocation = (location: string) =>
  location
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

export const locationIndex = (key: CaseKey, location: string) =>
  createHmac('sha256', key.blindIndex)
    .update(`location\u0000${normaliseLocation(location)}`)
    .digest('hex')
