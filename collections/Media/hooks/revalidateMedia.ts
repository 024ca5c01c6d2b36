import type { CollectionAfterChangeHook } from 'payload'

import {
  findPublishedArticles,
  invalidationFor,
} from '@/collections/Articles/hooks/affectedArticles'
import { invalidate } from '@/lib/revalidate'
import type { Media } from '@/payload-types'

/** New alt text, caption or credit shows wherever the image is the hero. */
export const revalidateMedia: CollectionAfterChangeHook<Media> = async ({
  doc,
  operation,
  req,
}) => {
  if (req.context?.disableRevalidate || operation === 'create') return doc
  const articles = await findPublishedArticles(req, { heroImage: { equals: doc.id } })
  if (articles.length > 0) invalidate(invalidationFor(articles), req)
  return doc
}
