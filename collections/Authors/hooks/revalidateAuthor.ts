import type { CollectionAfterChangeHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Author } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidateArticlesWhere } from '@/revalidation/articles'
import { revalidateRemovedPage } from '@/revalidation/removed'

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

/** A deleted byline's page is gone; the articles that named it drop it. */
export const revalidateAuthorDelete = revalidateRemovedPage<Author>(cacheTags.bylines(), (doc) =>
  urls.author(doc),
)
