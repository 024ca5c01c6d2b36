import { APIError, ValidationError } from 'payload'

/**
 * An error whose message is meant for the person who caused it (an editor's
 * invalid table, a refused delete). The explicit `name` matters: in a
 * production build Payload's classes can be minified and duplicated across
 * route bundles, and Payload's REST formatter only passes a message through
 * when the error is recognisably an error (an instanceof check, or a name).
 */
export class UserFacingError extends APIError {
  constructor(message: string, status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503) {
    super(message, status, undefined, true)
    this.name = 'UserFacingError'
  }
}

/**
 * A refusal of one article field that the admin shows as it is written: its toast prints the
 * error's message, which a ValidationError would make "The following field is invalid: …". The
 * field error stays too, for clients that read `data.errors`.
 */
export function refuseField(path: string, message: string): never {
  const refusal = new ValidationError({ collection: 'articles', errors: [{ path, message }] })
  refusal.message = message
  throw refusal
}
