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
  // Until the article is first published no link to it is out there: an anchor made from the
  // heading follows the heading (autosave often stores one before the heading is typed).
  const followHeadings = !originalDoc?.publishedAt && originalDoc?._status !== 'published'
  const before = new Map((originalDoc?.body ?? []).map((section) => [section.id, section]))
  for (const section of body) {
    const earlier = section.id ? before.get(section.id) : undefined
    const madeFromHeading =
      followHeadings &&
      (!section.anchor ||
        (earlier !== undefined &&
          section.anchor === earlier.anchor &&
          isMadeFrom(earlier.anchor, earlier.heading)))
    const base =
      slugify((madeFromHeading ? '' : section.anchor) || section.heading || 'section', 60) ||
      'section'
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

/** Whether a stored anchor is the one made from its heading (with the "-2" a repeat gets). */
function isMadeFrom(anchor: string | null | undefined, heading: string | null | undefined) {
  if (!anchor) return true
  const base = slugify(heading || 'section', 60) || 'section'
  return anchor === base || new RegExp(`^${base}-\\d+$`).test(anchor)
}
