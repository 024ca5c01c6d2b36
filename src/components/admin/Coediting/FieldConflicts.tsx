'use client'

import { useField, useForm, useFormFields } from '@payloadcms/ui'
import { useMemo } from 'react'

import { isConflictSentence } from '@/coediting/messages'
import { addKeep } from '@/coediting/token'
import { plainText } from '@/lib/richText'

import './coediting.css'
import { useCurrentVersion } from './useCurrentVersion'

type Refused = { path: string; message: string; value: unknown }

/**
 * At the top of the article: the fields (outside the body's sections) a save
 * was refused for, because someone else changed them meanwhile — their value
 * beside this editor's, and the choice, as under a section.
 */
export function FieldConflicts() {
  const refusedKey = useFormFields(([fields]) =>
    JSON.stringify(
      Object.entries(fields)
        .filter(([path, field]) => !path.includes('.') && isConflictSentence(field.errorMessage))
        .map(([path, field]) => ({ path, message: field.errorMessage, value: field.value })),
    ),
  )
  const refused = useMemo(() => JSON.parse(refusedKey) as Refused[], [refusedKey])
  const { value: editKeep, setValue: setEditKeep } = useField<string>({ path: 'editKeep' })
  const { dispatchFields } = useForm()
  const { version: current } = useCurrentVersion(
    refused.map((field) => field.message).join('\n') || null,
  )

  if (refused.length === 0) return null

  const settle = (path: string, value?: unknown) => {
    if (!current) return
    if (value !== undefined) {
      dispatchFields({ type: 'UPDATE', path, value, initialValue: value })
    }
    dispatchFields({ type: 'UPDATE', path, errorMessage: undefined, valid: true })
    setEditKeep(addKeep(editKeep ?? '', path, current.over))
  }

  return (
    <div className="field-conflicts">
      {refused.map((field) => (
        <section
          key={field.path}
          className="section-conflict"
          role="region"
          aria-label={`Conflict in ${field.path}`}
        >
          <p className="section-conflict__message" role="alert">
            {field.message}
          </p>
          <div className="section-conflict__columns">
            <div>
              <h4>Their version (saved)</h4>
              <div className="section-conflict__text" data-testid="their-version">
                {current ? shown(current.doc[field.path]) : 'Loading…'}
              </div>
            </div>
            <div>
              <h4>Your version (in the form)</h4>
              <div className="section-conflict__text" data-testid="your-version">
                {shown(field.value)}
              </div>
            </div>
          </div>
          <div className="section-conflict__actions">
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              disabled={!current}
              onClick={() => settle(field.path)}
            >
              Keep my version
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={!current}
              onClick={() => settle(field.path, current?.doc[field.path] ?? null)}
            >
              Use their version
            </button>
          </div>
        </section>
      ))}
    </div>
  )
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)'
  if (typeof value === 'object' && value && 'root' in value) return plainText(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
