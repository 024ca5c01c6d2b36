import type { CollectionAfterChangeHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Author } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidateArticlesWhere } from '@/revalidation/articles'

/** A byline's name or photo shows on its page and on every article it signs. */
export const revalidateAuthor: CollectionAfterChangeHook<Author> = async ({ doc, req }) => {
  const page = urls.author(doc)
  await invalidateArticlesWhere(
    req,
    { authors: { contains: doc.id } },
    { cacheTags: [cacheTags.bylines()], paths: page ? [page] : [] },
  )
  return doc
}
