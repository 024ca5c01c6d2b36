import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isBreakingNow } from '@/content/breaking'
import { isDraftSave } from '@/lib/drafts'
import { locateArticle } from '@/lib/articlePath'
import { urls } from '@/lib/urls'
import type { Article } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidationFor } from '@/revalidation/articles'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/**
 * Publishing, unpublishing or changing a published article refreshes its page
 * (old and new URL), its section page and the home page.
 */
export const revalidateArticle: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (req.context?.disableRevalidate) return doc
  const isPublished = doc._status === 'published'
  const wasPublished = previousDoc?._status === 'published'
  // A draft saved over a published article leaves what readers see unchanged.
  const draftSave = isDraftSave(req)
  if (!isPublished && (!wasPublished || draftSave)) return doc

  const live = await locateArticle(doc, req.payload, req)
  const affected = [live]
  if (wasPublished) affected.push(await locateArticle(previousDoc, req.payload, req))
  const invalidation = invalidationFor(affected)
  // A first publication: the URL may have been asked for before (a 404 in the cache), and its
  // first reader must get the article, its title and canonical — not that 404 once more.
  const path = isPublished && !wasPublished ? urls.article(live) : null
  // Unpublished: no reader may get the page again, not even from the proxy's grace.
  const gone = !isPublished && wasPublished ? urls.article(affected[1]!) : null
  // The site-wide banner: shown, changed or gone with this story. Gone, it is never served
  // once more from a cached page.
  const breakingBefore = wasPublished && isBreakingNow(previousDoc)
  const breakingAfter = isPublished && isBreakingNow(doc)
  const bannerGone = breakingBefore && !breakingAfter
  const expireNow = [
    ...(path ? [cacheTags.articlePage(path)] : []),
    ...(gone ? [cacheTags.articlePage(gone)] : []),
    ...(bannerGone ? [cacheTags.breaking()] : []),
  ]
  invalidate(
    {
      ...invalidation,
      cacheTags: [...(breakingAfter ? [cacheTags.breaking()] : []), ...invalidation.cacheTags],
      ...(expireNow.length > 0 ? { expireNow } : {}),
      ...(gone ? { removedPaths: [gone] } : {}),
    },
    scopeOf(req),
  )
  return doc
}

export const revalidateArticleDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate || doc._status !== 'published') return doc
  const located = await locateArticle(doc, req.payload, req)
  const gone = urls.article(located)
  const banner = isBreakingNow(doc) ? [cacheTags.breaking()] : []
  invalidate(
    {
      ...invalidationFor([located]),
      ...(gone
        ? { expireNow: [cacheTags.articlePage(gone), ...banner], removedPaths: [gone] }
        : { expireNow: banner }),
    },
    scopeOf(req),
  )
  return doc
}
