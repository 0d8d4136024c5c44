import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { pointName } from '../point-map.ts'
import { pointInput } from '../schema.ts'
import { taskingFormPage } from './tasking-form.ts'

// Choosing a tasking's point on the map, without JavaScript: the map is an image the form shows as
// an <input type="image" name="map">, whose click sends map.x and map.y with the rest of the form
// here; the form comes back with the point's coordinates filled in (still editable), the point
// marked and its ward and LSOA named. Typed coordinates sent here are marked and named the same way.

const WHOLE = /^\d{1,5}$/

export function pointRoutes(app: FastifyInstance, deps: Pick<Services, 'tasking' | 'partners'>) {
  const { tasking } = deps
  const manage = { permission: 'tasking:manage' as const, record: 'taskingMeeting' }

  app.get('/tasking/meetings/:id/taskings/point-map.svg', { config: manage }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const query = request.query as { latitude?: string; longitude?: string }
    const mark = pointInput.safeParse(query)
    const map = await tasking.meetingMap(
      id,
      mark.success && mark.data.latitude !== null && mark.data.longitude !== null
        ? [mark.data.longitude, mark.data.latitude]
        : null,
    )
    if (!map)
      return reply.code(404).type('text/plain').send('No boundaries are loaded for this meeting’s area')
    return reply.type('image/svg+xml').header('cache-control', 'private, no-cache').send(map.svg)
  })

  app.post('/tasking/meetings/:id/taskings/point', { config: manage }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const body = formBody(request.body)
    try {
      const x = body['map.x'] ?? ''
      const y = body['map.y'] ?? ''
      const point =
        WHOLE.test(x) && WHOLE.test(y)
          ? await tasking.pointOnMap(id, Number(x), Number(y))
          : await (async () => {
              const typed = parseInput(pointInput, body)
              return tasking.describePoint(id, typed.latitude as number, typed.longitude as number)
            })()
      // The description follows the point unless someone wrote their own.
      const named = pointName(point) ?? ''
      const own = body.place?.trim() && body.place !== body.pointNamed
      const values = {
        ...body,
        placeKind: 'point',
        latitude: String(point.latitude),
        longitude: String(point.longitude),
        place: own ? (body.place ?? '') : named,
        pointNamed: named,
      }
      const { template, ...data } = await taskingFormPage(deps, request, id, undefined, { values, point })
      return reply.page(template, data)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const { template, ...data } = await taskingFormPage(deps, request, id, { errors: error.fieldErrors })
      return reply.code(400).page(template, data)
    }
  })
}
