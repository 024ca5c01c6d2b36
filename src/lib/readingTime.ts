import type { Article } from '@/payload-types'

import { plainText } from './richText'

/** Words a minute for considered news reading (adult silent reading runs 200–260). */
export const WORDS_PER_MINUTE = 230

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** The words a reader reads: the dek and each section's heading and text. */
export function articleWords(article: Pick<Article, 'dek' | 'body'>): number {
  const body = Array.isArray(article.body) ? article.body : []
  return (
    wordCount(article.dek ?? '') +
    body.reduce(
      (total, section) =>
        total + wordCount(`${section?.heading ?? ''} ${plainText(section?.content)}`),
      0,
    )
  )
}

/** Whole minutes to read an article's sections (or so many words), at least one. */
export function readingMinutes(article: Pick<Article, 'dek' | 'body'> | number): number {
  const words = typeof article === 'number' ? article : articleWords(article)
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}
