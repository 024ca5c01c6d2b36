/** How long a story stays breaking when the editor does not say: three hours. */
export const DEFAULT_BREAKING_HOURS = 3

/**
 * Whether a story is breaking now: marked breaking, and its "Breaking until" time (if any)
 * has not passed. A story marked breaking before expiry times existed has none and keeps
 * its label until an editor clears it.
 */
export function isBreakingNow(
  article: { breaking?: boolean | null; breakingUntil?: string | null },
  now: Date = new Date(),
): boolean {
  if (!article.breaking) return false
  if (!article.breakingUntil) return true
  return new Date(article.breakingUntil).getTime() > now.getTime()
}

/**
 * When a story marked breaking without a time stops being breaking: three hours after it goes
 * live as breaking — its first publication (an old story, as the demo's, is long over), or now
 * for a story that was already live when it was marked.
 */
export function defaultBreakingUntil(firstPublishedAt: string | null | undefined): string {
  const from = firstPublishedAt ? new Date(firstPublishedAt) : new Date()
  return new Date(from.getTime() + DEFAULT_BREAKING_HOURS * 3600_000).toISOString()
}
