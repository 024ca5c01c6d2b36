import { APIError } from 'payload'

/**
 * An error whose message is meant for the person who caused it (an editor's
 * invalid table, a refused delete). The explicit `name` matters: in a
 * production build Payload's classes can be minified and duplicated across
 * route bundles, and Payload's REST formatter only passes a message through
 * when the error is recognisably an error (an instanceof check, or a name).
 */
export class UserFacingError extends APIError {
  constructor(message: string, status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429) {
    super(message, status, undefined, true)
    this.name = 'UserFacingError'
  }
}
