/**
 * Comments close when an editor turns them off on the article, or
 * `closeAfterDays` after it was published (the comment settings).
 */
export function commentsOpen(
  article: { commentsEnabled?: boolean | null; publishedAt?: string | null },
  settings: { closeAfterDays?: number | null },
  now: Date = new Date(),
): boolean {
  if (article.commentsEnabled === false) return false
  if (!settings.closeAfterDays || !article.publishedAt) return true
  return (
    new Date(article.publishedAt).getTime() + settings.closeAfterDays * 86_400_000 > now.getTime()
  )
}
