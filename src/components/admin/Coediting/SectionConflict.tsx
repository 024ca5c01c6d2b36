'use client'

import { useField, useForm, useFormFields } from '@payloadcms/ui'

import { isConflictSentence } from '@/coediting/messages'
import { addKeep } from '@/coediting/token'
import { plainText } from '@/lib/richText'

import './coediting.css'
import { useCurrentVersion } from './useCurrentVersion'

type Row = {
  id?: string
  heading?: string
  anchor?: string
  content?: unknown
  keywordFocus?: unknown
}

const ROW_FIELDS = ['heading', 'anchor', 'content', 'keywordFocus'] as const

/**
 * Under a section the server refused to save because someone else changed it
 * meanwhile: their version beside this editor's, and the choice. "Keep my
 * version" saves this editor's text (as edited: combine by editing it first);
 * "Use their version" puts theirs in the editor. Either way the next save
 * (autosave or Publish) goes through, unless the section changes yet again.
 */
export function SectionConflict({ path }: { path: string }) {
  const row = path.slice(0, path.lastIndexOf('.'))
  const heading = useFormFields(([fields]) => fields[`${row}.heading`])
  const rowId = useFormFields(([fields]) => fields[`${row}.id`]?.value) as string | undefined
  const mine = useFormFields(([fields]) => fields[`${row}.content`]?.value)
  const message = isConflictSentence(heading?.errorMessage) ? heading.errorMessage : null
  const { value: editKeep, setValue: setEditKeep } = useField<string>({ path: 'editKeep' })
  const { dispatchFields } = useForm()
  const { version, failed } = useCurrentVersion(message)

  if (!message) return null
  const body = (version?.doc.body ?? []) as Row[]
  const theirs = version
    ? { row: body.find((candidate) => candidate.id === rowId) ?? null, over: version.over }
    : null

  const resolved = () =>
    dispatchFields({ type: 'UPDATE', path: `${row}.heading`, errorMessage: undefined, valid: true })
  const keepMine = () => {
    if (!theirs || !rowId) return
    setEditKeep(addKeep(editKeep ?? '', rowId, theirs.over))
    resolved()
  }
  const useTheirs = () => {
    if (!theirs?.row || !rowId) return
    for (const key of ROW_FIELDS) {
      const value = theirs.row[key] ?? null
      // initialValue too: the rich-text editor redraws itself when it changes.
      dispatchFields({ type: 'UPDATE', path: `${row}.${key}`, value, initialValue: value })
    }
    setEditKeep(addKeep(editKeep ?? '', rowId, theirs.over))
    resolved()
  }
  const label = heading?.value
    ? `Conflict in "${String(heading.value)}"`
    : 'Conflict in this section'

  return (
    <section className="section-conflict" role="region" aria-label={label}>
      <p className="section-conflict__message" role="alert">
        {message}
      </p>
      <div className="section-conflict__columns">
        <div>
          <h4>Their version (saved)</h4>
          {failed && <p>Their version could not be loaded: reload the page to see it.</p>}
          {!failed && !theirs && <p>Loading their version…</p>}
          {theirs && !theirs.row && <p>They removed this section.</p>}
          {theirs?.row && (
            <div className="section-conflict__text" data-testid="their-version">
              <strong>{theirs.row.heading}</strong>
              <TextOf content={theirs.row.content} />
            </div>
          )}
        </div>
        <div>
          <h4>Your version (in the editor above)</h4>
          <div className="section-conflict__text" data-testid="your-version">
            <strong>{String(heading?.value ?? '')}</strong>
            <TextOf content={mine} />
          </div>
        </div>
      </div>
      <p>To combine them, edit your text above, then keep your version.</p>
      <div className="section-conflict__actions">
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          onClick={keepMine}
          disabled={!theirs}
        >
          Keep my version
        </button>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={useTheirs}
          disabled={!theirs?.row}
        >
          Use their version
        </button>
      </div>
    </section>
  )
}

function TextOf({ content }: { content: unknown }) {
  const paragraphs = plainText(content).split('\n').filter(Boolean)
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  )
}
