import type { CollectionAfterChangeHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Tag } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidateArticlesWhere } from '@/revalidation/articles'
import { revalidateRemovedPage } from '@/revalidation/removed'

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

/** A deleted topic's page is gone; the articles it tagged drop it. */
export const revalidateTopicDelete = revalidateRemovedPage<Tag>(cacheTags.topics(), (doc) =>
  urls.tag(doc),
)
