import type { Field, FieldAccess, FieldHook } from 'payload'

import { isDraftSave } from '@/lib/drafts'
import { editorsField, isEditor, isStaff, staffField } from '@/access/roles'
import { idOf } from '@/lib/ids'
import { refuseField as refuse } from '@/lib/errors'

import {
  REVIEW_LABELS,
  REVIEW_STATES,
  type ReviewState,
  allowedMoves,
  isReviewState,
} from './states'

/**
 * Keeps the review state honest, whatever a request sends:
 * publishing makes it "published" (and clears the editor's note); a later
 * draft over a live article starts again at "draft"; a hand-made move must be
 * one the person's role allows; sending back needs a note for the author.
 */
const moveThroughReview: FieldHook = ({ value, originalDoc, siblingData, req }) => {
  if (siblingData?._status === 'published') {
    siblingData.reviewNote = null
    return 'published'
  }
  const from: ReviewState = isReviewState(originalDoc?.reviewStatus)
    ? originalDoc.reviewStatus
    : 'draft'
  const to: ReviewState = isReviewState(value) ? value : from
  // A draft saved over a live article starts its review again; other saves keep the state.
  if (to === from) return from === 'published' && isDraftSave(req, siblingData) ? 'draft' : from
  const editor = isEditor(req.user)
  if (!allowedMoves(editor, from).includes(to)) {
    refuse(
      'reviewStatus',
      to === 'published'
        ? 'An article becomes "Published" by publishing it, not by choosing the state.'
        : `${editor ? 'Editors' : 'Authors'} cannot move an article from "${REVIEW_LABELS[from]}" to "${REVIEW_LABELS[to]}".`,
    )
  }
  if (to === 'sent_back') {
    const note = siblingData?.reviewNote ?? originalDoc?.reviewNote
    if (typeof note !== 'string' || note.trim() === '') {
      refuse(
        'reviewNote',
        'Say what needs changing in the note for the author; they see it when it is sent back.',
      )
    }
  }
  return to
}

/** The editor's note is for the article's author and the editors, not for other authors. */
const authorOrEditors: FieldAccess = ({ req, doc }) =>
  isEditor(req.user) ||
  (isStaff(req.user) && req.user?.id !== undefined && idOf(doc?.createdBy) === req.user.id)

const REVIEW_BOX = '@/components/admin/Review/ReviewField#ReviewField'

/**
 * The review state, first in an author's sidebar: submitting is what an author does next.
 * Editors get the same box further down (`editorReviewFields`), after the fields they fill.
 */
export const authorReviewFields: Field[] = [
  {
    name: 'reviewStatus',
    label: 'Review',
    type: 'select',
    defaultValue: 'draft',
    index: true,
    options: REVIEW_STATES.map((value) => ({ label: REVIEW_LABELS[value], value })),
    access: { read: staffField },
    hooks: { beforeChange: [moveThroughReview] },
    admin: {
      position: 'sidebar',
      components: { Field: { path: REVIEW_BOX, clientProps: { shownTo: 'authors' } } },
    },
  },
]

/** The review box and the note for the author, in an editor's sidebar below desk, byline and checklist. */
export const editorReviewFields: Field[] = [
  {
    name: 'reviewBox',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: {
        Field: {
          path: REVIEW_BOX,
          clientProps: { shownTo: 'editors', statusPath: 'reviewStatus' },
        },
      },
    },
  },
  {
    name: 'reviewNote',
    label: 'Note for the author',
    type: 'textarea',
    maxLength: 2000,
    access: { read: authorOrEditors, create: editorsField, update: editorsField },
    admin: {
      position: 'sidebar',
      description: 'What to change before this can be published. Needed to send it back.',
      // Authors cannot change it; they read it in the review box at the top of their sidebar.
      condition: (_data, _siblingData, { user }) => isEditor(user),
    },
  },
]
