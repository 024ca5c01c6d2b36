import type { Payload } from 'payload'

import { articlePath } from '@/lib/articlePath'

import { articleIdOf } from './input'

/** The article a comment is for, as an anonymous reader may see it. */
export interface CommentArticle {
  id: number
  /** Its public path: where a plain form post is sent back to. Null while it has none. */
  path: string | null
  commentsEnabled?: boolean | null
  publishedAt?: string | null
}

/**
 * The article a submission names: null when its id is not a valid one, or the
 * article does not exist or is not published. Looked up once, when an answer
 * first needs it, so the acceptance and every refusal agree on it, and a
 * malformed JSON submission costs no query.
 */
export interface ArticleLookup {
  (): Promise<CommentArticle | null>
  /** What the lookup answers from now on, when the article was read some other way. */
  settle: (article: CommentArticle | null) => void
}

async function findArticle(payload: Payload, id: number | null): Promise<CommentArticle | null> {
  if (id === null) return null
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { slug: true, section: true, commentsEnabled: true, publishedAt: true },
    populate: { sections: { slug: true } },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  const article = docs[0]
  if (!article) return null
  return {
    id: article.id,
    path: await articlePath(article, payload),
    commentsEnabled: article.commentsEnabled,
    publishedAt: article.publishedAt,
  }
}

export function lookUpArticle(payload: Payload, raw: unknown): ArticleLookup {
  let found: Promise<CommentArticle | null> | undefined
  const lookup = () => (found ??= findArticle(payload, articleIdOf(raw)))
  return Object.assign(lookup, {
    settle: (article: CommentArticle | null) => void (found ??= Promise.resolve(article)),
  })
}

/** Where a refused plain form post sends the reader back to, if anywhere. */
export async function refusalPath(article: ArticleLookup | undefined): Promise<string | null> {
  if (!article) return null
  try {
    return (await article())?.path ?? null
  } catch {
    // Only used to answer a refusal: without the article, the reader gets the message as text.
    return null
  }
}
