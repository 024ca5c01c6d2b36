import type { Payload, PayloadRequest } from 'payload'

import { idOf } from '@/lib/ids'
import { urls } from '@/lib/urls'

/** An article as any caller holds it: its desk (`section`) an id or a populated desk. */
export interface ArticlePathSource {
  slug?: string | null
  section?: unknown
}

/** The same article with its desk populated down to the slug (null when it has none). */
export interface LocatedArticle {
  slug?: string | null
  section: { slug?: string | null } | null
}

/**
 * The article with its desk's slug in hand, looked up when the desk is only
 * an id (a hook's `doc`, the admin's form, a row read at depth 0) — inside
 * `req`'s transaction when there is one.
 */
export async function locateArticle(
  article: ArticlePathSource,
  payload: Payload,
  req?: PayloadRequest,
): Promise<LocatedArticle> {
  if (article.section && typeof article.section === 'object') {
    return { slug: article.slug, section: article.section as { slug?: string | null } }
  }
  const deskId = idOf(article.section)
  const desk =
    deskId == null
      ? null
      : await payload.findByID({
          collection: 'sections',
          id: deskId,
          depth: 0,
          select: { slug: true },
          disableErrors: true,
          overrideAccess: true,
          req,
        })
  return { slug: article.slug, section: desk }
}

/**
 * The one server-side rule for an article's public path: `urls.article` over
 * the article with its desk located. Null while it has no slug or desk.
 */
export async function articlePath(
  article: ArticlePathSource,
  payload: Payload,
  req?: PayloadRequest,
): Promise<string | null> {
  return urls.article(await locateArticle(article, payload, req))
}
