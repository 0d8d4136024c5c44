import type { FastifyReply } from 'fastify'
import { ConflictError, type FieldErrors, ValidationError } from '../shared/errors.ts'

export interface FormProblem {
  errors: FieldErrors
  /** On a stale save: the record as stored now, so the page can show what changed. */
  current?: unknown
}

/**
 * Runs a form's action. Bad input re-renders the form (400) with the user's values and a
 * GOV.UK error summary; a stale save re-renders it (409) with the stored record beside it.
 */
export async function submitForm(
  reply: FastifyReply,
  action: () => Promise<string>,
  rerender: (
    problem: FormProblem,
  ) =>
    | (Record<string, unknown> & { template: string })
    | Promise<Record<string, unknown> & { template: string }>,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await action(), 303)
  } catch (error) {
    if (error instanceof ValidationError) {
      const { template, ...data } = await rerender({ errors: error.fieldErrors })
      return reply.code(400).page(template, data)
    }
    if (error instanceof ConflictError) {
      const { template, ...data } = await rerender({
        errors: { form: error.message },
        current: error.current,
      })
      return reply.code(409).page(template, data)
    }
    throw error
  }
}

/** Form bodies are flat string maps; anything else is treated as empty. */
export function formBody(body: unknown): Record<string, string> {
  return body && typeof body === 'object' ? (body as Record<string, string>) : {}
}

/** Adds a notice to a redirect target, shown once as a success banner. */
export function withNotice(path: string, notice: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}`
}
