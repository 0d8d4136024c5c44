import { areaAt } from '../../shared/charts/geometry.ts'
import { type PointMap, pointMap } from '../../shared/charts/point-map.ts'
import type { LonLat } from '../../shared/charts/projection.ts'
import { ValidationError } from '../../shared/errors.ts'
import type { CrimeService } from '../crime/service.ts'

// A point for a tasking chosen on a map of the meeting's area, with no JavaScript: the tasking form
// shows the area's wards as an image submit button, the browser sends the click's x and y, and the
// map's projection turns them back into latitude and longitude. The ward and LSOA the point falls
// in are named from the crime store's boundaries, through the crime service.

export interface NamedArea {
  code: string
  name: string
}

export interface ChosenPoint {
  latitude: number
  longitude: number
  /** Null where the point is outside the area's wards, or no boundaries are loaded. */
  ward: NamedArea | null
  lsoa: NamedArea | null
}

export interface MeetingMap extends PointMap {
  areaName: string
}

/** Five decimal places are about a metre: finer than a click on the map can choose. */
const rounded = (v: number) => Math.round(v * 1e5) / 1e5

/** The point in words, for the tasking's description: its ward and LSOA where known. */
export function pointName(p: ChosenPoint): string | null {
  if (!p.ward && !p.lsoa) return null
  return [p.ward && `${p.ward.name} ward`, p.lsoa && `LSOA ${p.lsoa.name}`].filter(Boolean).join(', ')
}

export function createPointMap(
  crime: CrimeService,
  areaCodeOf: (meetingId: number) => Promise<string | null>,
) {
  /** The meeting's area (as its briefing's) and its ward boundaries; null where none are loaded. */
  async function boundaries(meetingId: number) {
    const code = await areaCodeOf(meetingId)
    const area = await crime.analysis.resolveArea(code ?? undefined, undefined).catch((error) => {
      if (error instanceof ValidationError) return null
      throw error
    })
    if (!area || (area.type !== 'lad' && area.type !== 'ward')) return null
    const wards = await crime.shapesIn(area, 'ward')
    return wards.length ? { area, wards } : null
  }

  /** The map of the meeting's wards to choose a point on, the point marked; null without boundaries. */
  async function meetingMap(meetingId: number, mark: LonLat | null): Promise<MeetingMap | null> {
    const found = await boundaries(meetingId)
    if (!found) return null
    const map = pointMap(`Wards of ${found.area.name}`, found.wards, mark)
    return map && { ...map, areaName: found.area.name }
  }

  async function named(found: Awaited<ReturnType<typeof boundaries>>, at: LonLat): Promise<ChosenPoint> {
    const ward = found ? areaAt(found.wards, at) : null
    const lsoa = found ? areaAt(await crime.shapesIn(found.area, 'lsoa'), at) : null
    return {
      longitude: rounded(at[0]),
      latitude: rounded(at[1]),
      ward: ward && { code: ward.code, name: ward.name },
      lsoa: lsoa && { code: lsoa.code, name: lsoa.name },
    }
  }

  /** The place a click on the meeting's map stands for (x and y in the map's pixels), named. */
  async function pointOnMap(meetingId: number, x: number, y: number): Promise<ChosenPoint> {
    const found = await boundaries(meetingId)
    const map = found && pointMap('', found.wards, null)
    if (!map)
      throw new ValidationError({ latitude: 'There is no map of this meeting’s area: type the point' })
    const { width, height } = map.projection
    if (!(x >= 0 && y >= 0 && x <= width && y <= height))
      throw new ValidationError({ latitude: 'Choose a point on the map' })
    return named(found, map.projection.invert(x, y))
  }

  /** A point typed as latitude and longitude, named by the meeting area's wards and LSOAs. */
  async function describePoint(meetingId: number, latitude: number, longitude: number): Promise<ChosenPoint> {
    return named(await boundaries(meetingId), [longitude, latitude])
  }

  return { meetingMap, pointOnMap, describePoint }
}

export type PointMapPart = ReturnType<typeof createPointMap>
