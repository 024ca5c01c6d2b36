import type { CollectionAfterChangeHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Tag } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidateArticlesWhere } from '@/revalidation/articles'

/** A topic's name shows on its page and under every article it tags. */
export const revalidateTopic: CollectionAfterChangeHook<Tag> = async ({ doc, req }) => {
  const page = urls.tag(doc)
  await invalidateArticlesWhere(
    req,
    { tags: { contains: doc.id } },
    { cacheTags: [cacheTags.topics()], paths: page ? [page] : [] },
  )
  return doc
}
