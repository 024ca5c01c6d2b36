'use client'

import { useAllFormFields } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { ChecklistResult, Finding } from '@/checklist'

import './checklist.css'

const DELAY_MS = 700

/**
 * The publish checklist, beside the article as it is written: it checks what
 * the editor has typed (after a short pause) and lists errors, which block
 * publishing, and warnings, which do not.
 */
export function ChecklistPanel() {
  const [fields] = useAllFormFields()
  const [result, setResult] = useState<ChecklistResult | null>(null)
  const [failed, setFailed] = useState(false)
  const values = JSON.stringify(reduceFieldsToValues(fields, true))

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/articles/checklist', {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: values,
          signal: controller.signal,
        })
        if (!response.ok) throw new Error(String(response.status))
        setResult((await response.json()) as ChecklistResult)
        setFailed(false)
      } catch (error) {
        if (!controller.signal.aborted) setFailed(true)
        void error
      }
    }, DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [values])

  return (
    <section className="bs-checklist" aria-labelledby="bs-checklist-title">
      <h3 id="bs-checklist-title">Publish checklist</h3>
      <div aria-live="polite">
        {failed && <p>The checklist could not be run; it will try again as you type.</p>}
        {!result && !failed && <p>Checking…</p>}
        {result && (
          <>
            <p className="bs-checklist__summary">
              {result.errors.length === 0
                ? 'No errors: ready to publish.'
                : result.errors.length === 1
                  ? '1 error blocks publishing.'
                  : `${result.errors.length} errors block publishing.`}{' '}
              {result.warnings.length} warning{result.warnings.length === 1 ? '' : 's'}.
            </p>
            <FindingList findings={result.errors} kind="Error" />
            <FindingList findings={result.warnings} kind="Warning" />
          </>
        )}
      </div>
    </section>
  )
}

function FindingList({ findings, kind }: { findings: Finding[]; kind: 'Error' | 'Warning' }) {
  if (findings.length === 0) return null
  return (
    <ul className={`bs-checklist__list bs-checklist__list--${kind.toLowerCase()}`}>
      {findings.map((finding, index) => (
        <li key={`${finding.rule}-${index}`} data-rule={finding.rule}>
          <strong>{kind}:</strong> {finding.message}
        </li>
      ))}
    </ul>
  )
}
