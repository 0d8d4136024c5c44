// Errors that services throw and every adapter (page, API, CLI) turns into its own kind of answer.

export type FieldErrors = Record<string, string>

/** The input is wrong: each field named with a plain-English message saying how to put it right. */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).join('; '))
  }
}

/** Someone else saved the record first; `current` is what is stored now. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super(message)
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`)
  }
}
