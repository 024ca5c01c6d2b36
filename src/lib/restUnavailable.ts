import type { AfterErrorHook } from 'payload'

import { noteDatabaseError } from '@/lib/outage'
import { UNAVAILABLE_MESSAGES, unavailableHeaders } from '@/lib/unavailable'

/**
 * Payload's REST API answers a database it cannot reach with 503, Retry-After
 * and a message in its usual error shape, instead of 500 "Something went wrong".
 */
export const answerOutagesWith503: AfterErrorHook = ({ error, req }) => {
  if (!noteDatabaseError(error)) return
  const headers = new Headers(req.responseHeaders)
  for (const [name, value] of Object.entries(unavailableHeaders())) headers.set(name, value)
  req.responseHeaders = headers
  return { status: 503, response: { errors: [{ message: UNAVAILABLE_MESSAGES.api }] } }
}
