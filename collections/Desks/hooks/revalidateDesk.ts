import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Desk } from '@/payload-types'
import { cacheTags } from '@/queries/tags'
import { invalidateArticlesWhere } from '@/revalidation/articles'
import { invalidate, scopeOf } from '@/revalidation/invalidate'

/** A renamed or re-described desk shows on its page, in navigation and on its articles. */
export const revalidateDesk: CollectionAfterChangeHook<Desk> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const deskPaths = [urls.desk(doc), urls.desk(previousDoc)].filter((path) => path !== null)
  await invalidateArticlesWhere(
    req,
    { section: { equals: doc.id } },
    { cacheTags: [cacheTags.desks()], paths: [urls.home(), ...deskPaths] },
  )
  return doc
}

export const revalidateDeskDelete: CollectionAfterDeleteHook<Desk> = ({ doc, req }) => {
  invalidate(
    { cacheTags: [cacheTags.desks(), cacheTags.articleLists()], paths: [urls.home()] },
    scopeOf(req),
  )
  return doc
}
