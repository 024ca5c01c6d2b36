import { SubmissionError } from './errors'

export const MIN_INTERVAL_SECONDS = 15
export const DUPLICATE_WINDOW_MINUTES = 10
const HOUR_MS = 3_600_000

/** One reader's comments in the last hour (by address or by email), from the comments table. */
export interface FloodWindow {
  latest: Date | null
  oldest: Date | null
  count: number
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
 * address and from one email. Counts the comments table itself
 * (readSubmissionState), so the limits hold across restarts.
 */
export function checkFlood(
  windows: { address: FloodWindow; email: FloodWindow },
  hourlyLimit: number,
  now: Date,
): void {
  for (const window of [windows.address, windows.email]) {
    if (!window.latest) continue
    const sinceLast = (now.getTime() - window.latest.getTime()) / 1000
    if (sinceLast < MIN_INTERVAL_SECONDS) {
      const wait = MIN_INTERVAL_SECONDS - sinceLast
      throw tooMany(
        wait,
        `You are commenting too quickly. Please wait ${Math.ceil(wait)} seconds and send again.`,
      )
    }
    if (window.count >= hourlyLimit) {
      const wait = (window.oldest!.getTime() + HOUR_MS - now.getTime()) / 1000
      const minutes = Math.max(1, Math.ceil(wait / 60))
      throw tooMany(
        wait,
        `You have sent ${hourlyLimit} comments in the last hour, the most we accept. Please try again in ${minutes} minutes.`,
      )
    }
  }
}

/** The same text on the same article within ten minutes is a double post, not a new comment. */
export function checkDuplicate(duplicate: boolean): void {
  if (duplicate) {
    throw new SubmissionError('body: This comment has already been posted on this article.', {
      status: 409,
      field: 'body',
      notice: 'duplicate',
    })
  }
}
