import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook } from 'payload'

import { database } from '@/lib/database'

/**
 * Recomputes the stored search vector (see the article_search migration).
 * Runs even for seeds and imports: unlike cache revalidation, a stale index
 * would hide an article from search for good.
 */
export const indexArticleForSearch: CollectionAfterChangeHook = async ({ doc, req }) => {
  const db = await database(req)
  await db.execute(
    sql`UPDATE articles SET search_vector = article_search_vector(id) WHERE id = ${doc.id}`,
  )
  return doc
}

/** An FAQ's words count towards every article that embeds it. */
export const indexEmbeddersForSearch: CollectionAfterChangeHook = async ({ doc, req }) => {
  const db = await database(req)
  await db.execute(sql`
    UPDATE articles SET search_vector = article_search_vector(id)
    WHERE id IN (SELECT parent_id FROM articles_rels WHERE path = 'embeddedFaqs' AND faqs_id = ${doc.id})`)
  return doc
}
