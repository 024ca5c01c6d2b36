import type { CollectionAfterChangeHook } from 'payload'

import {
  findPublishedArticles,
  invalidationFor,
} from '@/collections/Articles/hooks/affectedArticles'
import { invalidate } from '@/lib/revalidate'
import { urls } from '@/lib/urls'
import type { Author } from '@/payload-types'
import { cacheTags } from '@/queries/tags'

/** A byline's name or photo shows on every article it signs. */
export const revalidateAuthor: CollectionAfterChangeHook<Author> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate) return doc
  const articles = await findPublishedArticles(req, { authors: { contains: doc.id } })
  const affected = invalidationFor(articles)
  const page = urls.author(doc)
  invalidate(
    {
      tags: [cacheTags.bylines(), ...affected.tags],
      paths: page ? [page, ...affected.paths] : affected.paths,
    },
    req,
  )
  return doc
}
