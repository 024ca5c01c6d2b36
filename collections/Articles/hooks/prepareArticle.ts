import type { CollectionBeforeChangeHook } from 'payload'

import { slugify } from '@/lib/slugify'
import { collectEmbeds } from '@/lib/richText'
import type { Article } from '@/payload-types'

/**
 * Derived fields, computed on every save so they can never disagree with
 * what the editor wrote: section anchors (stable, unique in the article), the
 * tables and FAQs the text embeds, and the first publication date.
 */
export const prepareArticle: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const body = data.body ?? []
  const used = new Set<string>()
  for (const section of body) {
    const base = slugify(section.anchor || section.heading || 'section', 60) || 'section'
    let anchor = base
    for (let n = 2; used.has(anchor); n += 1) anchor = `${base}-${n}`
    used.add(anchor)
    section.anchor = anchor
  }

  const embeds = collectEmbeds(body.map((section) => section.content))
  data.embeddedTables = embeds.tables
  data.embeddedFaqs = embeds.faqs

  if (data._status === 'published' && !data.publishedAt) {
    data.publishedAt = originalDoc?.publishedAt ?? new Date().toISOString()
  }
  return data
}
