import { unstable_cache } from 'next/cache'
import type { TypedUser } from 'payload'

import { urls } from '@/lib/urls'
import type { Article } from '@/payload-types'

import { payloadClient } from './payload'
import { tags } from './tags'

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
} as const

export type ArticleCard = Pick<Article, keyof typeof cardSelect | 'id'>

async function findArticle(
  sectionSlug: string,
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
  if (!article || urls.article(article) !== `/${sectionSlug}/${slug}`) return null
  return article
}

/** A published article for readers, cached until an editor changes it. */
export function getPublishedArticle(sectionSlug: string, slug: string): Promise<Article | null> {
  const path = `/${sectionSlug}/${slug}`
  return unstable_cache(
    () => findArticle(sectionSlug, slug, { draft: false, user: null }),
    ['article-page', path],
    { tags: [tags.articlePage(path), tags.topics(), tags.bylines()] },
  )()
}

/** The latest draft, for a logged-in user previewing it. Never cached. */
export function getDraftArticle(
  sectionSlug: string,
  slug: string,
  user: TypedUser,
): Promise<Article | null> {
  return findArticle(sectionSlug, slug, { draft: true, user })
}

/** What a card shows of an article's desk and bylines. */
export const cardPopulate = {
  sections: { name: true, slug: true },
  authors: { name: true, slug: true, kind: true },
} as const

async function findLatest(sectionId: number | null, limit: number): Promise<ArticleCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: sectionId === null ? {} : { section: { equals: sectionId } },
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
    tags: [tags.articleLists(), tags.sections()],
  })()
}

/** Newest published articles of one section. */
export function getSectionArticles(sectionId: number, limit = 50): Promise<ArticleCard[]> {
  return unstable_cache(
    () => findLatest(sectionId, limit),
    ['section-articles', String(sectionId), String(limit)],
    {
      tags: [tags.articleLists(), tags.sections()],
    },
  )()
}
