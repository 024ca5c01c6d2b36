import type { CollectionAfterChangeHook } from 'payload'

import type { Media } from '@/payload-types'
import { invalidateArticlesWhere } from '@/revalidation/articles'

/** New alt text, caption or credit shows wherever the image is the hero. */
export const revalidateMedia: CollectionAfterChangeHook<Media> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation === 'create') return doc
  await invalidateArticlesWhere(req, { heroImage: { equals: doc.id } })
  return doc
}
