import { createHmac } from 'node:crypto'
import type { CaseKey } from '../protection/keys.ts'

// A place is matched by a keyed hash of its normalised text, like a subject's name (ADR 0027): the
// problem profile finds one place linked to two children without the database holding the place.
// "The Grand Hotel, 1 High St" and "the grand hotel 1 high st" agree; a different spelling does
// not, which is why a member reads the place and links it as the other case words it.

/** The cipher's context for a place's text. */
export const PLACE = 'mase.place'

export const normalisePlace = (place: string) =>
  place
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export const placeIndex = (key: CaseKey, place: string) =>
  createHmac('sha256', key.blindIndex)
    .update(['place', normalisePlace(place)].join('\u0000'))
    .digest('hex')
