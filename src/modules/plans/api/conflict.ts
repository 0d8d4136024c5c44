import { ConflictError } from '../../../shared/errors.ts'

/**
 * Makes a change; if it was stale, answers 409 with the stored record in the JSON this API
 * gives it. The service's ConflictError carries that record as the domain object `T`.
 */
export async function answeringConflictWith<T, R>(
  storedJson: (stored: T) => unknown,
  change: () => Promise<R>,
): Promise<R> {
  try {
    return await change()
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError(error.message, storedJson(error.current as T))
    throw error
  }
}
