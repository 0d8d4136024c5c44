import { ForbiddenError, NotFoundError } from '../shared/errors.ts'

/**
 * What the command line says when a service refuses (exit 1): the same words a page shows,
 * "You do not have permission to …" or "… was not found". Anything else is not a refusal.
 */
export function refusalMessage(error: unknown): string | undefined {
  if (error instanceof ForbiddenError)
    return error.advice ? `${error.message} ${error.advice}` : error.message
  if (error instanceof NotFoundError) return error.message
  return undefined
}
