/** What the related-articles rule needs of an article. */
export interface RelatedCandidate {
  id: number
  section: number | null
  tags: number[]
  publishedAt: string | null
}

export const RELATED_MAX = 5

/**
 * Related articles: those sharing the most tags first, then the same section,
 * newest first among equals; never the article itself; at most five. An
 * article that shares neither a tag nor the section is not related.
 */
export function rankRelated(article: RelatedCandidate, candidates: RelatedCandidate[]): number[] {
  const mine = new Set(article.tags)
  return candidates
    .filter((candidate) => candidate.id !== article.id)
    .map((candidate) => ({
      candidate,
      sharedTags: candidate.tags.filter((tag) => mine.has(tag)).length,
      sameDesk: article.section !== null && candidate.section === article.section ? 1 : 0,
    }))
    .filter(({ sharedTags, sameDesk }) => sharedTags + sameDesk > 0)
    .sort(
      (a, b) =>
        b.sharedTags - a.sharedTags ||
        b.sameDesk - a.sameDesk ||
        (b.candidate.publishedAt ?? '').localeCompare(a.candidate.publishedAt ?? ''),
    )
    .slice(0, RELATED_MAX)
    .map(({ candidate }) => candidate.id)
}
