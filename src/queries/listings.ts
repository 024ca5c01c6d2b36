import { unstable_cache } from 'next/cache'
import type { Where } from 'payload'

import { rankRelated, type RelatedCandidate } from '@/lib/related'
import type { Article, Author, Tag } from '@/payload-types'

import { type ArticleCard, cardPopulate, cardSelect } from './articles'
import { payloadClient } from './payload'
import { cacheTags } from './tags'
import { idOf } from '@/lib/ids'

export const PAGE_SIZE = 20

/** Which articles a listing shows: a desk (with its sub-desks), a topic or a byline. */
export type Listing =
  { kind: 'sections'; ids: number[] } | { kind: 'tag'; id: number } | { kind: 'author'; id: number }

export interface ListingPage {
  docs: ArticleCard[]
  page: number
  totalPages: number
  totalDocs: number
}

function whereFor(listing: Listing): Where {
  switch (listing.kind) {
    case 'sections':
      return { section: { in: listing.ids } }
    case 'tag':
      return { tags: { contains: listing.id } }
    case 'author':
      return { authors: { contains: listing.id } }
  }
}

async function findPage(listing: Listing, page: number): Promise<ListingPage> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: whereFor(listing),
    select: cardSelect,
    populate: cardPopulate,
    sort: '-publishedAt',
    depth: 1,
    limit: PAGE_SIZE,
    page,
    overrideAccess: false,
  })
  return {
    docs: result.docs as ArticleCard[],
    page: result.page ?? page,
    totalPages: Math.max(1, result.totalPages),
    totalDocs: result.totalDocs,
  }
}

/** One page of a listing, newest first, from the cache until a publish changes lists. */
export function getListingPage(listing: Listing, page: number): Promise<ListingPage> {
  return unstable_cache(
    () => findPage(listing, page),
    ['listing', JSON.stringify(listing), String(page)],
    {
      tags: [cacheTags.articleLists(), cacheTags.desks(), cacheTags.bylines()],
    },
  )()
}

export type TagPageData = Pick<Tag, 'id' | 'name' | 'slug' | 'description'>
export type AuthorPageData = Pick<
  Author,
  'id' | 'name' | 'slug' | 'kind' | 'jobTitle' | 'bio' | 'photo'
>

export function getTagBySlug(slug: string): Promise<TagPageData | null> {
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'tags',
        where: { slug: { equals: slug } },
        select: { name: true, slug: true, description: true },
        depth: 0,
        limit: 1,
        pagination: false,
        overrideAccess: false,
      })
      return docs[0] ?? null
    },
    ['tag', slug],
    { tags: [cacheTags.topics()] },
  )()
}

export function getAuthorBySlug(slug: string): Promise<AuthorPageData | null> {
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'authors',
        where: { slug: { equals: slug } },
        select: { name: true, slug: true, kind: true, jobTitle: true, bio: true, photo: true },
        depth: 1,
        limit: 1,
        pagination: false,
        overrideAccess: false,
      })
      return (docs[0] as AuthorPageData | undefined) ?? null
    },
    ['author', slug],
    { tags: [cacheTags.bylines()] },
  )()
}

export function asCandidate(
  article: Pick<Article, 'id' | 'section' | 'tags' | 'publishedAt'>,
): RelatedCandidate {
  return {
    id: article.id,
    section: idOf(article.section),
    tags: (article.tags ?? []).map(idOf).filter((id): id is number => id !== null),
    publishedAt: article.publishedAt ?? null,
  }
}

export async function findRelatedArticles(article: RelatedCandidate): Promise<ArticleCard[]> {
  const payload = await payloadClient()
  const or: Where[] = []
  if (article.tags.length) or.push({ tags: { in: article.tags } })
  if (article.section !== null) or.push({ section: { equals: article.section } })
  if (or.length === 0) return []
  // The newest 100 that share something are plenty to rank five from.
  const { docs } = await payload.find({
    collection: 'articles',
    where: { and: [{ id: { not_equals: article.id } }, { or }] },
    select: { ...cardSelect, tags: true },
    populate: cardPopulate,
    sort: '-publishedAt',
    depth: 1,
    limit: 100,
    pagination: false,
    overrideAccess: false,
  })
  const byId = new Map(docs.map((doc) => [doc.id, doc]))
  return rankRelated(
    article,
    docs.map((doc) => asCandidate(doc as Article)),
  ).map((id) => byId.get(id) as ArticleCard)
}

/** Up to five related articles (see rankRelated), cached until lists change. */
export function getRelatedArticles(
  article: Pick<Article, 'id' | 'section' | 'tags' | 'publishedAt'>,
): Promise<ArticleCard[]> {
  const candidate = asCandidate(article)
  return unstable_cache(
    () => findRelatedArticles(candidate),
    ['related', JSON.stringify(candidate)],
    {
      tags: [cacheTags.articleLists(), cacheTags.desks(), cacheTags.bylines()],
    },
  )()
}
