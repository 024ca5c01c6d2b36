import type { CollectionAfterDeleteHook, TypeWithID } from 'payload'

import { invalidate, scopeOf } from './invalidate'

/**
 * A deleted document whose public page is gone: the page is removed from the
 * proxies outright, and everything showing the document's `tag` refreshed.
 */
export function revalidateRemovedPage<T extends TypeWithID>(
  tag: string,
  pageOf: (doc: T) => string | null,
): CollectionAfterDeleteHook<T> {
  return ({ doc, req }) => {
    const page = pageOf(doc)
    invalidate({ cacheTags: [tag], paths: [], removedPaths: page ? [page] : [] }, scopeOf(req))
    return doc
  }
}
