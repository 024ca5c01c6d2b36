import type { PayloadRequest, Where } from 'payload'

import type { Invalidation } from '@/lib/revalidate'
import { urls } from '@/lib/urls'
import { cacheTags } from '@/queries/tags'

export interface ArticleRef {
  slug?: string | null
  section?: { slug?: string | null } | number | null
}

/** Published articles matching `where`, with just what their URLs need (one query, no loop). */
export async function findPublishedArticles(
  req: PayloadRequest,
  where: Where,
): Promise<ArticleRef[]> {
  const result = await req.payload.find({
    collection: 'articles',
    where: { and: [where, { _status: { equals: 'published' } }] },
    select: { slug: true, section: true },
    populate: { sections: { slug: true } },
    depth: 1,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return result.docs
}

/** What readers can see of these articles: their pages, their section pages and the home page. */
export function invalidationFor(articles: ArticleRef[]): Invalidation {
  const articlePaths = articles.map((article) => urls.article(article)).filter((p) => p !== null)
  const deskPaths = articles
    .map((article) => (typeof article.section === 'object' ? urls.desk(article.section) : null))
    .filter((p) => p !== null)
  return {
    tags: [cacheTags.articleLists(), ...articlePaths.map((path) => cacheTags.articlePage(path))],
    // Feeds and the news sitemap read the same tagged data; re-rendering them now means
    // feed readers and crawlers get the change straight away, not one request late.
    paths: [
      ...articlePaths,
      urls.home(),
      ...deskPaths,
      urls.feed('rss'),
      urls.feed('atom'),
      urls.feed('json'),
      urls.newsSitemap(),
    ],
  }
}
