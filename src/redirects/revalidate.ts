import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidate, scopeOf } from '@/revalidation/invalidate'

type RedirectDoc = { from?: unknown }

function fromPaths(...docs: (RedirectDoc | undefined)[]): string[] {
  return docs.map((doc) => doc?.from).filter((from): from is string => typeof from === 'string')
}

/**
 * An editor's redirect answers at its old address at once: the page cached
 * there (a 404, or the old article) and a redirect cached before are purged.
 */
export const revalidateRedirect: CollectionAfterChangeHook = ({ doc, previousDoc, req }) => {
  invalidate({ cacheTags: [], paths: fromPaths(doc, previousDoc) }, scopeOf(req))
  return doc
}

export const revalidateRedirectDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  invalidate({ cacheTags: [], paths: fromPaths(doc) }, scopeOf(req))
  return doc
}
