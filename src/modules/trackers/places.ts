import { ValidationError } from '../../shared/errors.ts'
import type { CrimeService } from '../crime/service.ts'
import type { Place } from './records.ts'
import type { PlaceKind } from './words.ts'

// Wards and LSOAs are the crime store's: a code is accepted only when the store knows it, and
// its name is the store's, so the trackers and the crime maps speak of the same places.

export interface PlaceFields {
  placeKind: PlaceKind
  wardCode: string | null
  lsoaCode: string | null
  placeName: string | null
  latitude: number | null
  longitude: number | null
}

export function createPlaces(crime: Pick<CrimeService, 'analysis' | 'homeArea' | 'shapesIn'>) {
  async function areaName(code: string, type: 'ward' | 'lsoa', field: string): Promise<string> {
    try {
      return (await crime.analysis.resolveArea(code, type)).name
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ValidationError({
          [field]: type === 'ward' ? 'Select a ward from the list' : 'Enter the code of an LSOA in the area',
        })
      throw error
    }
  }

  /** The place as stored: a ward's or LSOA's name from the crime store, a point or words as given. */
  async function resolve(p: PlaceFields): Promise<Place> {
    if (p.placeKind === 'ward' && p.wardCode)
      return {
        kind: 'ward',
        code: p.wardCode,
        name: await areaName(p.wardCode, 'ward', 'wardCode'),
        latitude: null,
        longitude: null,
      }
    if (p.placeKind === 'lsoa' && p.lsoaCode)
      return {
        kind: 'lsoa',
        code: p.lsoaCode,
        name: await areaName(p.lsoaCode, 'lsoa', 'lsoaCode'),
        latitude: null,
        longitude: null,
      }
    if (p.placeKind === 'point')
      return {
        kind: 'point',
        code: null,
        name: p.placeName ?? '',
        latitude: p.latitude,
        longitude: p.longitude,
      }
    return { kind: 'text', code: null, name: p.placeName ?? '', latitude: null, longitude: null }
  }

  /** The wards of the partnership's area, for a form's list; none until the area lookups are loaded. */
  async function wards(): Promise<Array<{ code: string; name: string }>> {
    const home = await crime.homeArea()
    if (!home) return []
    return (await crime.shapesIn(home, 'ward'))
      .map((s) => ({ code: s.code, name: s.name }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  return { resolve, wards }
}

export type Places = ReturnType<typeof createPlaces>

export const placeColumns = (p: Place) => ({
  place_kind: p.kind,
  place_code: p.code,
  place_name: p.name,
  latitude: p.latitude,
  longitude: p.longitude,
})
