import type { Access } from 'payload'

/**
 * Readers see approved comments only; newsroom users see every status.
 * A query, so anonymous lists succeed with the approved subset.
 */
export const approvedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { status: { equals: 'approved' } }
}
