import type { Instrumentation } from 'next'

import { noteDatabaseError } from '@/lib/outage'

/**
 * A page, route or proxy that failed because the database could not be
 * reached tells the rest of the app (src/lib/outage.ts): proxy.ts then answers
 * pages that cannot be rendered with the designed 503 instead of Next's 500.
 */
export const onRequestError: Instrumentation.onRequestError = (error) => {
  noteDatabaseError(error)
}
