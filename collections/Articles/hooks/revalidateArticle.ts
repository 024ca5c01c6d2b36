import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isDraftSave } from '@/access/articles'
import { invalidate } from '@/lib/revalidate'
import type { Article } from '@/payload-types'

import { type ArticleRef, invalidationFor } from './affectedArticles'

async function withSection(
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  article: Article,
): Promise<ArticleRef> {
  if (typeof article.section === 'object' || article.section == null) return article as ArticleRef
  const section = await req.payload
    .findByID({
      collection: 'sections',
      id: article.section,
      depth: 0,
      select: { slug: true },
      req,
    })
    .catch(() => null)
  return { slug: article.slug, section: section }
}

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

  const affected = [await withSection(req, doc)]
  if (wasPublished) affected.push(await withSection(req, previousDoc))
  invalidate(invalidationFor(affected), req)
  return doc
}

export const revalidateArticleDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate || doc._status !== 'published') return doc
  invalidate(invalidationFor([await withSection(req, doc)]), req)
  return doc
}
