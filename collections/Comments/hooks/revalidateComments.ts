import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { articlePath } from '@/lib/articlePath'
import { idOf } from '@/lib/ids'
import { urls } from '@/lib/urls'
import type { Comment } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

async function refreshThread(articleId: number, req: PayloadRequest): Promise<void> {
  const article = await req.payload.findByID({
    collection: 'articles',
    id: articleId,
    depth: 1,
    select: { slug: true, section: true },
    populate: { sections: { slug: true } },
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  const path = article ? await articlePath(article, req.payload, req) : null
  invalidate(
    {
      cacheTags: [cacheTags.articleComments(articleId), cacheTags.commentCounts()],
      paths: path ? [path, urls.home()] : [urls.home()],
    },
    scopeOf(req),
  )
}

/**
 * Readers see approved comments only, so only a change into or out of
 * "approved" (or an edit to an approved comment) touches their pages. The
 * article page stays cached; its comment list and the counts on article
 * lists are refreshed by tag within about a second.
 */
export const revalidateComment: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (req.context?.disableRevalidate) return doc
  const visibleNow = doc.status === 'approved'
  const visibleBefore = previousDoc?.status === 'approved'
  if (!visibleNow && !visibleBefore) return doc
  // An editor may move a comment to another article: both threads change.
  const articles = new Set([idOf(doc.article), previousDoc ? idOf(previousDoc.article) : null])
  for (const articleId of articles) if (articleId !== null) await refreshThread(articleId, req)
  return doc
}

export const revalidateCommentDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate || doc.status !== 'approved') return doc
  const articleId = idOf(doc.article)
  if (articleId !== null) await refreshThread(articleId, req)
  return doc
}
