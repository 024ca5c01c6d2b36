import { unstable_cache } from 'next/cache'
import type { Where } from 'payload'
import { cache } from 'react'

import { idOf } from '@/lib/ids'
import { rankRelated, type RelatedCandidate } from '@/lib/related'
import { isSlug } from '@/lib/slugify'
import { urls } from '@/lib/urls'
import type { Article, Author, Tag } from '@/payload-types'

import { type ArticleCard, cardPopulate, cardSelect } from './articles'
import { getCommentCounts } from './comments'
import { type DeskLink, getDeskBySlug, getDeskFamily } from './desks'
import { payloadClient } from './payload'
import { cacheTags } from './tags'

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

/** How many articles a listing has: counted once per listing, not again for every page. */
function getListingCount(listing: Listing): Promise<number> {
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { totalDocs } = await payload.count({
        collection: 'articles',
        where: whereFor(listing),
        overrideAccess: false,
      })
      return totalDocs
    },
    ['listing-count', JSON.stringify(listing)],
    { tags: [cacheTags.articleLists(), cacheTags.desks(), cacheTags.bylines()] },
  )()
}

async function findPage(listing: Listing, page: number): Promise<ListingPage> {
  const payload = await payloadClient()
  // The page's twenty articles only (`pagination: false` keeps the limit and page's offset but
  // skips Payload's count): counting a desk of a million articles again for every page was
  // most of a page's database time; the count is cached once per listing instead.
  const [result, totalDocs] = await Promise.all([
    payload.find({
      collection: 'articles',
      where: whereFor(listing),
      select: cardSelect,
      populate: cardPopulate,
      sort: '-publishedAt',
      depth: 1,
      limit: PAGE_SIZE,
      page,
      pagination: false,
      overrideAccess: false,
    }),
    getListingCount(listing),
  ])
  return {
    docs: result.docs as ArticleCard[],
    page,
    totalPages: Math.max(1, Math.ceil(totalDocs / PAGE_SIZE)),
    totalDocs,
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

/** What a listing page is about, by kind. */
interface ListingSubjects {
  desk: DeskLink
  tag: TagPageData
  author: AuthorPageData
}
export type ListingKind = keyof ListingSubjects

/** A desk, topic or byline found by its slug, the page of it asked for, and its own path. */
export type ListingSubject<K extends ListingKind = ListingKind> = {
  [Kind in K]: { kind: Kind; subject: ListingSubjects[Kind]; page: number; path: string }
}[K]

/** Everything a listing page renders. */
export type ListingView<K extends ListingKind = ListingKind> = ListingSubject<K> & {
  listing: ListingPage
  counts: Record<number, number>
}

interface Source<K extends ListingKind> {
  find: (slug: string) => Promise<ListingSubjects[K] | null>
  path: (subject: ListingSubjects[K]) => string | null
  articles: (subject: ListingSubjects[K]) => Promise<Listing>
}

const SOURCES: { [K in ListingKind]: Source<K> } = {
  desk: {
    find: getDeskBySlug,
    path: urls.desk,
    // A desk's page includes its sub-desks' articles.
    articles: async (desk) => ({ kind: 'sections', ids: await getDeskFamily(desk.id) }),
  },
  tag: {
    find: getTagBySlug,
    path: urls.tag,
    articles: async (tag) => ({ kind: 'tag', id: tag.id }),
  },
  author: {
    find: getAuthorBySlug,
    path: urls.author,
    articles: async (author) => ({ kind: 'author', id: author.id }),
  },
}

/**
 * The desk, topic or byline a listing URL names, or null for a bad slug, an
 * unknown one or a bad page number (`page` is parsePage's answer). Looked up
 * once per request: generateMetadata and the page (through getListing) share it.
 */
export const getListingSubject = cache(async function getListingSubject<K extends ListingKind>(
  kind: K,
  slug: string,
  page: number | null,
): Promise<ListingSubject<K> | null> {
  if (!page || !isSlug(slug)) return null
  const source: Source<K> = SOURCES[kind]
  const subject = await source.find(slug)
  const path = subject && source.path(subject)
  if (!subject || !path) return null
  return { kind, subject, page, path } as ListingSubject<K>
})

/** What a listing page renders, or null when it answers 404 (also for a page past the end). */
export async function getListing<K extends ListingKind>(
  kind: K,
  slug: string,
  page: number | null,
): Promise<ListingView<K> | null> {
  const found = await getListingSubject(kind, slug, page)
  if (!found) return null
  const source: Source<K> = SOURCES[kind]
  const articles = await source.articles(found.subject)
  // A page past the end is told from page 1's count, so the million page numbers nobody has
  // never become cache entries of their own.
  if (found.page > 1 && found.page > Math.ceil((await getListingCount(articles)) / PAGE_SIZE)) {
    return null
  }
  const listing = await getListingPage(articles, found.page)
  if (found.page > listing.totalPages) return null
  const counts = await getCommentCounts(listing.docs.map((article) => article.id))
  return { ...found, listing, counts }
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
  const shares: Where[] = []
  if (article.tags.length) shares.push({ tags: { in: article.tags } })
  if (article.section !== null) shares.push({ section: { equals: article.section } })
  if (shares.length === 0) return []
  // The newest 100 sharing a topic and the newest 100 of the desk are plenty to rank five
  // from; asked apart, so a busy desk's latest briefs never crowd out an older story on
  // the same topics.
  const found = await Promise.all(
    shares.map((share) =>
      payload.find({
        collection: 'articles',
        where: { and: [{ id: { not_equals: article.id } }, share] },
        select: { ...cardSelect, tags: true },
        populate: cardPopulate,
        sort: '-publishedAt',
        depth: 1,
        limit: 100,
        pagination: false,
        overrideAccess: false,
      }),
    ),
  )
  const docs = [
    ...new Map(found.flatMap((result) => result.docs).map((doc) => [doc.id, doc])).values(),
  ]
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
