'use client'

import { useFormFields } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'

import { articleWords, readingMinutes } from '@/lib/readingTime'
import type { Article } from '@/payload-types'

import './editor.css'

/** The article's length as it is written, counted as the reader page counts its reading time. */
export function ArticleLength() {
  const words = useFormFields(([fields]) =>
    articleWords(reduceFieldsToValues(fields, true) as Pick<Article, 'dek' | 'body'>),
  )
  return (
    <p className="bs-count bs-count--article" aria-live="polite">
      {words} {words === 1 ? 'word' : 'words'} · {readingMinutes(words)} min read
    </p>
  )
}
