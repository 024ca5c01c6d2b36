/**
 * The sentences a conflict is told in: the server puts them on the section's
 * heading (and the field) in the admin, and the conflict view recognises them.
 * No server imports: the admin's client components use this too.
 */
export interface ConflictWords {
  kind: 'section' | 'field'
  label: string
  theirs: unknown
  yours: unknown
  changedBy: string | null
  changedAt: string | null
}

export function conflictSentence(conflict: ConflictWords): string {
  const what =
    conflict.kind === 'section' ? `Section "${conflict.label}"` : `The "${conflict.label}" field`
  const who = conflict.changedBy ? ` by ${conflict.changedBy}` : ' by someone else'
  const when = conflict.changedAt ? ` at ${clock(conflict.changedAt)}` : ''
  if (conflict.theirs === null) return `${what} was removed${who}${when} while you were editing it.`
  if (conflict.yours === null) return `${what}, which you removed, was changed${who}${when}.`
  return `${what} was changed${who}${when} while you were editing it.`
}

export const CONFLICT_ADVICE =
  'Nothing was saved; your text is still in your editor. Choose what to keep in each, then save again.'

/** Whether a field's error message is one of these (and not, say, "This field is required."). */
export function isConflictSentence(message: unknown): message is string {
  return (
    typeof message === 'string' &&
    /^(Section ".*"|The ".*" field)(,| was) .*(while you were editing it|which you removed)/.test(
      message,
    )
  )
}

function clock(iso: string): string {
  return `${new Date(iso).toISOString().slice(11, 16)} UTC`
}
