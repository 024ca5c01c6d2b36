import type { Access, Where } from 'payload'

/**
 * Readers see approved comments on published articles only; newsroom users see every status.
 * A query, so anonymous lists succeed with the approved subset. The article's own state counts:
 * an unpublished, private or never-published article's comments stay as hidden as the article.
 */
export const approvedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  const approved: Where = { status: { equals: 'approved' } }
  const onPublished: Where = { 'article._status': { equals: 'published' } }
  return { and: [approved, onPublished] }
}
