'use client'

import { useConfig, useDocumentInfo, useField, useForm, useFormFields } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import { isConflictSentence } from '@/coediting/messages'
import { addKeep } from '@/coediting/token'
import { plainText } from '@/lib/richText'

import './coediting.css'

type Refused = { path: string; message: string; value: unknown }
type Current = { doc: Record<string, unknown>; over: number; for: string }

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
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { value: editKeep, setValue: setEditKeep } = useField<string>({ path: 'editKeep' })
  const { dispatchFields } = useForm()
  const [loaded, setLoaded] = useState<Current | null>(null)
  const messages = refused.map((field) => field.message).join('\n')

  useEffect(() => {
    if (!messages || id === undefined || id === null) return
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/articles/${id}?draft=true&depth=0`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) return
        const doc = (await response.json()) as Record<string, unknown>
        setLoaded({ doc, over: Number(doc.editBase), for: messages })
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [messages, id, config.serverURL, config.routes.api])

  if (refused.length === 0) return null
  const current = loaded?.for === messages ? loaded : null

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
