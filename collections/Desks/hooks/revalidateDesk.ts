import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import {
  findPublishedArticles,
  invalidationFor,
} from '@/collections/Articles/hooks/affectedArticles'
import { invalidate } from '@/lib/revalidate'
import { urls } from '@/lib/urls'
import type { Desk } from '@/payload-types'
import { cacheTags } from '@/queries/tags'

/** A renamed or re-described desk shows on its page, in navigation and on its articles. */
export const revalidateDesk: CollectionAfterChangeHook<Desk> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (req.context?.disableRevalidate) return doc
  const articles = await findPublishedArticles(req, { section: { equals: doc.id } })
  const fromArticles = invalidationFor(articles)
  const deskPaths = [urls.desk(doc), urls.desk(previousDoc)].filter((path) => path !== null)
  invalidate(
    {
      tags: [cacheTags.desks(), ...fromArticles.tags],
      paths: [urls.home(), ...deskPaths, ...fromArticles.paths],
    },
    req,
  )
  return doc
}

export const revalidateDeskDelete: CollectionAfterDeleteHook<Desk> = ({ doc, req }) => {
  invalidate({ tags: [cacheTags.desks(), cacheTags.articleLists()], paths: [urls.home()] }, req)
  return doc
}
