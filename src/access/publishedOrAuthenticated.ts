import type { Access } from 'payload'

/**
 * Readers see published documents only; newsroom users see drafts too.
 * Returning a query (not `false`) lets anonymous list requests succeed with
 * the published subset instead of failing.
 */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
