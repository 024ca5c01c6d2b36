import type { Payload, Where } from 'payload'

import { SubmissionError } from './errors'

export const MIN_INTERVAL_SECONDS = 15
export const DUPLICATE_WINDOW_MINUTES = 10
const HOUR_MS = 3_600_000

async function recent(payload: Payload, where: Where, since: Date, sort: string) {
  return payload.find({
    collection: 'comments',
    where: { and: [where, { createdAt: { greater_than: since.toISOString() } }] },
    select: { createdAt: true },
    sort,
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
}

function tooMany(retryAfter: number, message: string): SubmissionError {
  return new SubmissionError(message, {
    status: 429,
    retryAfter: Math.max(1, Math.ceil(retryAfter)),
    notice: 'wait',
  })
}

/**
 * At most one comment per 15 seconds and `hourlyLimit` per hour from one
 * address and from one email. Counts the comments table itself, so the
 * limits hold across restarts.
 */
export async function checkFlood(
  payload: Payload,
  reader: { ipHash: string; email: string },
  hourlyLimit: number,
  now: Date,
): Promise<void> {
  const hourAgo = new Date(now.getTime() - HOUR_MS)
  const readers: Where[] = [
    { ipHash: { equals: reader.ipHash } },
    { email: { equals: reader.email } },
  ]
  for (const where of readers) {
    const latest = await recent(payload, where, hourAgo, '-createdAt')
    const last = latest.docs[0]
    if (!last) continue
    const sinceLast = (now.getTime() - new Date(last.createdAt).getTime()) / 1000
    if (sinceLast < MIN_INTERVAL_SECONDS) {
      const wait = MIN_INTERVAL_SECONDS - sinceLast
      throw tooMany(
        wait,
        `You are commenting too quickly. Please wait ${Math.ceil(wait)} seconds and send again.`,
      )
    }
    if (latest.totalDocs >= hourlyLimit) {
      const oldest = (await recent(payload, where, hourAgo, 'createdAt')).docs[0]!
      const wait = (new Date(oldest.createdAt).getTime() + HOUR_MS - now.getTime()) / 1000
      const minutes = Math.max(1, Math.ceil(wait / 60))
      throw tooMany(
        wait,
        `You have sent ${hourlyLimit} comments in the last hour, the most we accept. Please try again in ${minutes} minutes.`,
      )
    }
  }
}

/** The same text on the same article within ten minutes is a double post, not a new comment. */
export async function checkDuplicate(
  payload: Payload,
  articleId: number,
  body: string,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MINUTES * 60_000)
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: {
      and: [
        { article: { equals: articleId } },
        { body: { equals: body } },
        { createdAt: { greater_than: since.toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  if (totalDocs > 0) {
    throw new SubmissionError('body: This comment has already been posted on this article.', {
      status: 409,
      field: 'body',
      notice: 'duplicate',
    })
  }
}
