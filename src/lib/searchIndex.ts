import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

/** The request's transaction when there is one, so the index sees the rows just written. */
async function database(req: PayloadRequest): Promise<Executor> {
  const adapter = req.payload.db as unknown as {
    drizzle: Executor
    sessions?: Record<string | number, { db?: Executor }>
  }
  const id = req.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
}

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
