/**
 * Where an article stands on its way to readers. Payload's own `_status`
 * says whether a version is live; this says who has the next move.
 */
export const REVIEW_STATES = ['draft', 'in_review', 'sent_back', 'published'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_LABELS: Record<ReviewState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  sent_back: 'Sent back',
  published: 'Published',
}

export function isReviewState(value: unknown): value is ReviewState {
  return typeof value === 'string' && (REVIEW_STATES as readonly string[]).includes(value)
}

/**
 * The moves a person may make by hand. Publishing (Payload's Publish button)
 * is what makes an article "published"; nobody picks that state.
 * Authors submit their draft or take it back; editors may also send it back.
 */
export function allowedMoves(editor: boolean, from: ReviewState): ReviewState[] {
  const authorMoves: ReviewState[] = from === 'in_review' ? ['draft'] : ['in_review']
  if (!editor) return from === 'published' ? ['in_review'] : authorMoves
  return REVIEW_STATES.filter((state) => state !== from && state !== 'published')
}
