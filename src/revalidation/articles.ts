import type { PayloadRequest, Where } from 'payload'

import type { LocatedArticle } from '@/lib/articlePath'
import { urls } from '@/lib/urls'
import { cacheTags } from '@/queries/tags'

import { type Invalidation, invalidate, scopeOf } from './invalidate'

/** Published articles matching `where`, located for their URLs (one query, no loop). */
export async function findPublishedArticles(
  req: PayloadRequest,
  where: Where,
): Promise<LocatedArticle[]> {
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
  return result.docs.map((doc) => ({
    slug: doc.slug,
    section: typeof doc.section === 'object' ? doc.section : null,
  }))
}

/** What readers can see of these articles: their pages, their desk pages, the home page, feeds. */
export function invalidationFor(articles: LocatedArticle[]): Invalidation {
  const articlePaths = articles.map((article) => urls.article(article)).filter((p) => p !== null)
  const deskPaths = articles.map((article) => urls.desk(article.section)).filter((p) => p !== null)
  return {
    cacheTags: [
      cacheTags.articleLists(),
      ...articlePaths.map((path) => cacheTags.articlePage(path)),
    ],
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

/**
 * A change to something published articles show (a byline, a topic, a desk,
 * an image, an embedded table or FAQ): those articles' pages and lists go
 * stale, with `own` — the changed thing's own tags and pages — first.
 */
export async function invalidateArticlesWhere(
  req: PayloadRequest,
  where: Where,
  own: Invalidation = { cacheTags: [], paths: [] },
): Promise<void> {
  if (req.context?.disableRevalidate) return
  const articles = await findPublishedArticles(req, where)
  if (articles.length === 0 && own.cacheTags.length === 0 && own.paths.length === 0) return
  const affected = invalidationFor(articles)
  invalidate(
    {
      cacheTags: [...own.cacheTags, ...affected.cacheTags],
      paths: [...own.paths, ...affected.paths],
    },
    scopeOf(req),
  )
}
