import type { FastifyError, FastifyInstance } from 'fastify'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts'
import { isApiRequest } from './permissions.ts'
import { sendProblem } from './problem.ts'

const PAGES: Record<number, { title: string; paragraphs: string[] }> = {
  403: {
    title: 'Your form could not be sent',
    paragraphs: [
      'The page had expired or the form came from somewhere else. Go back, reload the page and try again.',
    ],
  },
  404: {
    title: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  413: { title: 'What you sent is too large', paragraphs: ['Send a smaller file or shorter text.'] },
  429: { title: 'Too many attempts', paragraphs: ['Wait a minute, then try again.'] },
  500: {
    title: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later. Nothing you entered has been saved unless you saw a confirmation.'],
  },
}

/** Maps errors to a status: a GOV.UK error page for people, problem+json for the API. */
export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (error instanceof ValidationError) status = 400
    if (error instanceof ConflictError) status = 409
    if (error instanceof NotFoundError) status = 404
    if (error instanceof ForbiddenError) status = 403
    if (status >= 500) request.log.error({ err: error }, 'request failed')

    if (isApiRequest(request)) {
      if (error instanceof ValidationError)
        return sendProblem(reply, 400, error.message, { errors: error.fieldErrors })
      if (error instanceof ConflictError)
        return sendProblem(reply, 409, error.message, { current: error.current })
      if (error instanceof ForbiddenError) return sendProblem(reply, 403, error.reason)
      const detail = status >= 500 ? 'Something went wrong. The error has been logged.' : error.message
      return sendProblem(reply, status, detail)
    }
    // Not a failed form: a page that says plainly what this person may not do, and why.
    if (error instanceof ForbiddenError) {
      return reply.code(403).page('error.njk', {
        pageTitle: error.heading,
        paragraphs: [error.reason, ...(error.advice ? [error.advice] : [])],
      })
    }
    const page =
      PAGES[status] ??
      (status >= 500 ? PAGES[500] : { title: 'There is a problem', paragraphs: [error.message] })
    return reply.code(status).page('error.njk', {
      pageTitle: page?.title,
      paragraphs: error instanceof NotFoundError ? [error.message] : page?.paragraphs,
      requestId: status >= 500 ? request.id : undefined,
    })
  })

  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request))
      return sendProblem(reply, 404, `No API route ${request.method} ${request.url.split('?')[0]}`)
    return reply
      .code(404)
      .page('error.njk', { pageTitle: PAGES[404]?.title, paragraphs: PAGES[404]?.paragraphs })
  })
}
