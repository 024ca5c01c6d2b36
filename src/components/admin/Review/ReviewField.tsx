'use client'

import { useAuth, useField, useFormFields } from '@payloadcms/ui'

import { isEditor } from '@/access/roles'
import { REVIEW_LABELS, type ReviewState, isReviewState } from '@/review/states'

import './review.css'

/**
 * The article's place in review, with the one or two moves that make sense
 * next: authors submit (or take back) their draft, editors send it back with
 * a note or publish it with Payload's Publish button. Autosave stores the move.
 *
 * Drawn twice in the sidebar config and shown once: first for an author (it is
 * their next move), below desk, byline and checklist for an editor.
 */
export function ReviewField({
  path,
  shownTo,
  statusPath,
}: {
  path: string
  shownTo: 'authors' | 'editors'
  /** For the editors' copy, a `ui` field: where the review state lives in the form. */
  statusPath?: string
}) {
  const { value, setValue } = useField<string>({ path: statusPath ?? path })
  const note = useFormFields(([fields]) => fields.reviewNote?.value)
  const { user } = useAuth()
  const editor = isEditor(user as { role?: string } | null)
  const state: ReviewState = isReviewState(value) ? value : 'draft'
  const noteText = typeof note === 'string' ? note.trim() : ''
  if (editor !== (shownTo === 'editors')) return null

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
      {/* Authors have no note field of their own: the editor's note is shown here. */}
      {(state === 'sent_back' || !editor) && noteText && (
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
