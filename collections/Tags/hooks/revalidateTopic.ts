import type { CollectionAfterChangeHook } from 'payload'

import {
  findPublishedArticles,
  invalidationFor,
} from '@/collections/Articles/hooks/affectedArticles'
import { invalidate } from '@/lib/revalidate'
import { urls } from '@/lib/urls'
import type { Tag } from '@/payload-types'
import { cacheTags } from '@/queries/tags'

/** A topic's name shows on its page and under every article it tags. */
export const revalidateTopic: CollectionAfterChangeHook<Tag> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate) return doc
  const articles = await findPublishedArticles(req, { tags: { contains: doc.id } })
  const affected = invalidationFor(articles)
  invalidate(
    {
      tags: [cacheTags.topics(), ...affected.tags],
      paths: [urls.tag(doc), ...affected.paths].filter((path): path is string => path !== null),
    },
    req,
  )
  return doc
}
