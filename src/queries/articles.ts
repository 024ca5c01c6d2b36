import { unstable_cache } from 'next/cache'
import { draftMode } from 'next/headers'
import { cache } from 'react'
import type { TypedUser } from 'payload'

import { isSlug } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import type { Article } from '@/payload-types'

import { getPreviewUser } from './auth'
import { getDeskBySlug } from './desks'
import { payloadClient } from './payload'
import { cacheTags } from './tags'

/** What an article list shows; keeps list queries small. */
export const cardSelect = {
  headline: true,
  slug: true,
  dek: true,
  section: true,
  authors: true,
  publishedAt: true,
  modifiedAt: true,
  heroImage: true,
  breaking: true,
  breakingUntil: true,
} as const

export type ArticleCard = Pick<Article, keyof typeof cardSelect | 'id'>

async function findArticle(
  deskSlug: string,
  slug: string,
  options: { draft: boolean; user: TypedUser | null },
): Promise<Article | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    depth: 2,
    limit: 1,
    pagination: false,
    draft: options.draft,
    overrideAccess: false,
    user: options.user,
  })
  const article = result.docs[0]
  // The section is part of the URL: /business/x is not /technology/x.
  if (!article || urls.article(article) !== `/${deskSlug}/${slug}`) return null
  return article
}

/** A published article for readers, cached until an editor changes it. */
export function getPublishedArticle(deskSlug: string, slug: string): Promise<Article | null> {
  const path = `/${deskSlug}/${slug}`
  return unstable_cache(
    () => findArticle(deskSlug, slug, { draft: false, user: null }),
    ['article-page', path],
    { tags: [cacheTags.articlePage(path), cacheTags.topics(), cacheTags.bylines()] },
  )()
}

/** The latest draft, for a logged-in user previewing it. Never cached. */
export function getDraftArticle(
  deskSlug: string,
  slug: string,
  user: TypedUser,
): Promise<Article | null> {
  return findArticle(deskSlug, slug, { draft: true, user })
}

/**
 * What the article page at `/{desk}/{slug}` shows: the published article, or
 * for a logged-in editor in draft mode its latest draft. Once per request:
 * the page and its metadata share the answer.
 */
export const getArticlePage = cache(
  async (
    deskSlug: string,
    slug: string,
  ): Promise<{ article: Article | null; preview: boolean }> => {
    if (!isSlug(deskSlug) || !isSlug(slug)) return { article: null, preview: false }
    // No such desk: a 404 told from the cached desk list, without a query (and so also while
    // the database is unreachable).
    if (!(await getDeskBySlug(deskSlug))) return { article: null, preview: false }
    const { isEnabled } = await draftMode()
    if (isEnabled) {
      const user = await getPreviewUser()
      if (user) return { article: await getDraftArticle(deskSlug, slug, user), preview: true }
    }
    return { article: await getPublishedArticle(deskSlug, slug), preview: false }
  },
)

/** What a card shows of an article's desk and bylines. */
export const cardPopulate = {
  sections: { name: true, slug: true },
  authors: { name: true, slug: true, kind: true },
} as const

async function findLatest(deskId: number | null, limit: number): Promise<ArticleCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: deskId === null ? {} : { section: { equals: deskId } },
    select: cardSelect,
    populate: cardPopulate,
    sort: '-publishedAt',
    depth: 1,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as ArticleCard[]
}

/** Newest published articles across the site (home page). */
export function getLatestArticles(limit = 40): Promise<ArticleCard[]> {
  return unstable_cache(() => findLatest(null, limit), ['latest-articles', String(limit)], {
    tags: [cacheTags.articleLists(), cacheTags.desks()],
  })()
}

/** Newest published articles of one section. */
export function getDeskArticles(deskId: number, limit = 50): Promise<ArticleCard[]> {
  return unstable_cache(
    () => findLatest(deskId, limit),
    ['section-articles', String(deskId), String(limit)],
    {
      tags: [cacheTags.articleLists(), cacheTags.desks()],
    },
  )()
}
