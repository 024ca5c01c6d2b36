'use client'

import { useFormFields } from '@payloadcms/ui'

import { HEADLINE_MAX } from '@/checklist/rules'

import './editor.css'

/** Under the headline, as it is typed: "72 / 110 characters" (the checklist's limit). */
export function HeadlineLength() {
  const length = useFormFields(([fields]) => {
    const value = fields.headline?.value
    return typeof value === 'string' ? value.length : 0
  })
  const over = length - HEADLINE_MAX
  return (
    <p className={`bs-count${over > 0 ? ' bs-count--over' : ''}`} aria-live="polite">
      {length} / {HEADLINE_MAX} characters
      {over > 0 && ` (${over} over: lists and search results cut it off)`}
    </p>
  )
}
