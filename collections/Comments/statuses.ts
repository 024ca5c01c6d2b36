/** A comment's moderation states, in the order editors meet them, with their admin labels. */
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const

export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Awaiting moderation',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
}
