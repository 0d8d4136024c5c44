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

/**
 * The record is there and the person may see it, but a policy does not let them do this to it.
 * `action` finishes the sentence "You do not have permission to …"; `reason` says in plain words
 * who may; `advice`, if given, what to do if they think they should.
 */
export class ForbiddenError extends Error {
  readonly heading: string

  constructor(
    readonly action: string,
    readonly reason: string,
    readonly advice?: string,
  ) {
    super(`You do not have permission to ${action}. ${reason}`)
    this.heading = `You do not have permission to ${action}`
  }
}

/**
 * There is no such record, or (thrown by a policy where a record's very existence must stay
 * private) there is one the person may not know about: both answer alike, so a refusal gives
 * nothing away.
 */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`)
  }
}
