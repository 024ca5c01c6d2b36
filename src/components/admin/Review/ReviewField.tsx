'use client'

import { useAuth, useField, useFormFields } from '@payloadcms/ui'

import { isEditor } from '@/access/roles'
import { REVIEW_LABELS, type ReviewState, isReviewState } from '@/review/states'

import './review.css'

/**
 * The article's place in review, with the one or two moves that make sense
 * next: authors submit (or take back) their draft, editors send it back with
 * a note or publish it with Payload's Publish button. Autosave stores the move.
 */
export function ReviewField({ path }: { path: string }) {
  const { value, setValue } = useField<string>({ path })
  const note = useFormFields(([fields]) => fields.reviewNote?.value)
  const { user } = useAuth()
  const editor = isEditor(user as { role?: string } | null)
  const state: ReviewState = isReviewState(value) ? value : 'draft'
  const noteText = typeof note === 'string' ? note.trim() : ''

  const button = (label: string, to: ReviewState, disabled = false) => (
    <button
      type="button"
      className="btn btn--style-secondary btn--size-small bs-review__move"
      disabled={disabled}
      onClick={() => setValue(to)}
    >
      {label}
    </button>
  )

  return (
    <section className="bs-review" aria-labelledby="bs-review-title">
      <h3 id="bs-review-title">Review</h3>
      <p className={`bs-review__state bs-review__state--${state}`} role="status">
        {REVIEW_LABELS[state]}
        {state === 'in_review' &&
          (editor ? ': waiting for an editor' : ': an editor will look at it')}
      </p>
      {state === 'sent_back' && noteText && (
        <blockquote className="bs-review__note">
          <strong>Editor’s note:</strong> {noteText}
        </blockquote>
      )}
      <div className="bs-review__moves">
        {state !== 'in_review' && button('Submit for review', 'in_review')}
        {state === 'in_review' && !editor && button('Take back to draft', 'draft')}
        {state === 'in_review' && editor && button('Send back to author', 'sent_back', !noteText)}
      </div>
      {state === 'in_review' && editor && !noteText && (
        <p className="bs-review__hint">Write a note for the author below to send it back.</p>
      )}
    </section>
  )
}
