import type { FastifyRequest } from 'fastify'
import { type FormProblem, formBody } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { type ChosenPoint, pointName } from '../point-map.ts'
import { PLACE_KINDS } from '../schema.ts'
import { monthText, whoOf } from './view.ts'

// The tasking form: the organisation, the place (an LSOA, ward, street, a point typed or chosen on
// the map of the meeting's area, or a risk panel's cohort), what is to be done and by when.

const TASKING_FORM = 'tasking/views/tasking-form.njk'

const PLACE_CHOICES = {
  lsoa: 'An LSOA (by name or ONS code)',
  ward: 'A ward (by name or ONS code)',
  street: 'A street',
  point: 'A point on the map (latitude and longitude)',
  cohort: 'A risk panel’s cohort (the people on its open cases)',
}

type FormServices = Pick<Services, 'tasking' | 'partners'>

/** A point the form already holds, to mark on the map: both coordinates, and numbers. */
function markOf(values: Record<string, string>) {
  const latitude = Number(values.latitude)
  const longitude = Number(values.longitude)
  return values.latitude?.trim() &&
    values.longitude?.trim() &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude)
    ? { latitude, longitude }
    : null
}

export function chosenPointText(p: ChosenPoint): string {
  const where = pointName(p)
  return `${p.latitude}, ${p.longitude}${where ? `, in ${where}` : ', outside the area’s wards'}`
}

/**
 * The form's data for its template. `given` replaces what was sent (a point chosen on the map fills
 * its coordinates); `chosen` is that point, said in words above the map.
 */
export async function taskingFormPage(
  { tasking, partners }: FormServices,
  request: FastifyRequest,
  id: number,
  problem?: FormProblem,
  chosen?: { values: Record<string, string>; point: ChosenPoint },
) {
  const meeting = await tasking.getMeeting(id)
  const values = chosen?.values ?? (problem ? formBody(request.body) : {})
  const panels = await tasking.cohortPanels()
  // A panel chosen (by the GET form above the tasking's, or in the form sent back) lists its cohort
  // to choose from, named only for the panel's members.
  const chosenPanel = Number(
    (request.query as { cohortPanelId?: string }).cohortPanelId ?? values.cohortPanelId,
  )
  const cohort =
    Number.isInteger(chosenPanel) && panels.some((p) => p.id === chosenPanel)
      ? await tasking.cohort(whoOf(request), chosenPanel)
      : null
  const ticked = new Set(
    [(request.body as { cohortSubjectIds?: unknown } | undefined)?.cohortSubjectIds ?? []].flat().map(String),
  )
  const kind = values.placeKind ?? (cohort ? 'cohort' : undefined)
  const mark = markOf(values)
  const map = await tasking.meetingMap(id, mark && [mark.longitude, mark.latitude])
  return {
    panels: panels.map((p) => ({ value: p.id, text: p.name })),
    cohort,
    cohortItems: (cohort?.members ?? []).map((m) => ({
      value: String(m.subjectId),
      text: m.label,
      checked: ticked.has(String(m.subjectId)),
    })),
    cohortPanelId: cohort ? String(cohort.panelId) : values.cohortPanelId,
    template: TASKING_FORM,
    pageTitle: 'Record a tasking',
    meeting,
    monthText: monthText(meeting.month),
    people: (await partners.listPeople()).map((p) => ({ value: p.id, text: p.name })),
    organisations: (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name })),
    placeItems: PLACE_KINDS.filter((k) => k !== 'cohort' || panels.length > 0).map((k) => ({
      value: k,
      text: PLACE_CHOICES[k],
      checked: kind === k,
    })),
    pointMap: map && {
      src: `${paths.tasking.pointMap(id)}${mark ? `?latitude=${mark.latitude}&longitude=${mark.longitude}` : ''}`,
      width: map.projection.width,
      height: Math.round(map.projection.height),
      areaName: map.areaName,
      marked: mark !== null,
    },
    chosenPoint: chosen ? chosenPointText(chosen.point) : null,
    errors: problem?.errors,
    values,
    backLink: paths.tasking.meeting(id),
  }
}
