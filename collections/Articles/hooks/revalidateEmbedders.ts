import type { CollectionAfterChangeHook } from 'payload'

import { invalidate } from '@/lib/revalidate'

import { findPublishedArticles, invalidationFor } from './affectedArticles'

/** A table or FAQ edit refreshes every published article that embeds it. */
export function revalidateEmbedders(
  field: 'embeddedTables' | 'embeddedFaqs',
): CollectionAfterChangeHook {
  return async ({ doc, req }) => {
    if (req.context?.disableRevalidate) return doc
    const articles = await findPublishedArticles(req, { [field]: { contains: doc.id } })
    if (articles.length > 0) invalidate(invalidationFor(articles), req)
    return doc
  }
}
