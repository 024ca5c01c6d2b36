/** The dates an article carries that say when readers last saw it change. */
export interface ArticleDates {
  modifiedAt?: string | null
  publishedAt?: string | null
  updatedAt?: string | null
}

/**
 * When an article last changed for readers: the last substantive update (a
 * correction or an editor's "Updated"), else its publication; a document
 * never published falls back to its last save. Feeds, sitemaps, structured
 * data and OpenGraph all use this one rule.
 */
export function lastModified(article: ArticleDates & { updatedAt: string }): string
export function lastModified(article: ArticleDates): string | null
export function lastModified(article: ArticleDates): string | null {
  return article.modifiedAt ?? article.publishedAt ?? article.updatedAt ?? null
}
