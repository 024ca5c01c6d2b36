import type { CollectionAfterChangeHook } from 'payload'

import {
  findPublishedArticles,
  invalidationFor,
} from '@/collections/Articles/hooks/affectedArticles'
import { invalidate } from '@/lib/revalidate'
import type { Author } from '@/payload-types'

/** A byline's name or photo shows on every article it signs. */
export const revalidateAuthor: CollectionAfterChangeHook<Author> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate) return doc
  const articles = await findPublishedArticles(req, { authors: { contains: doc.id } })
  if (articles.length > 0) invalidate(invalidationFor(articles), req)
  return doc
}
