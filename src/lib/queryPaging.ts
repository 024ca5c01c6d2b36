import type { PayloadRequest } from 'payload'

import { UserFacingError } from '@/lib/errors'

/** Anonymous readers get at most this many documents per request (`limit` is clamped to it). */
export const READER_MAX_LIMIT = 100

export interface PagingArgs {
  /** Set when Payload populates relationships (its dataloader, `pagination: false`). */
  currentDepth?: number
  limit?: number
  page?: number
  pagination?: boolean
}

function refuse(message: string): never {
  throw new UserFacingError(message, 400)
}

/**
 * `limit` and `page` as the database can take them; anonymous readers get one
 * page of 100 at most. Answers the limit to use instead, if any.
 */
export function checkPaging(args: PagingArgs, req: PayloadRequest): number | undefined {
  const { limit, page } = args
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    refuse('limit must be a whole number, 0 or more.')
  }
  if (page !== undefined && (!Number.isSafeInteger(page) || page < 1)) {
    refuse('page must be a whole number, 1 or more.')
  }
  if ((page ?? 1) * (limit || READER_MAX_LIMIT) > Number.MAX_SAFE_INTEGER) {
    refuse('page is past the end of any list.')
  }
  // Staff (the admin's own lists and pickers) page as they like; readers never get a whole
  // collection. Payload's own population of a page's relationships is not the reader's request.
  if (req.user || req.payloadAPI === 'local' || args.currentDepth) return undefined
  if (args.pagination === false) {
    refuse(`pagination=false is for logged-in users; ask for pages of up to ${READER_MAX_LIMIT}.`)
  }
  return limit === 0 || (limit ?? 0) > READER_MAX_LIMIT ? READER_MAX_LIMIT : undefined
}
