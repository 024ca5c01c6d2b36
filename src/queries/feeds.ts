import { unstable_cache } from 'next/cache'

import type { Article, Author, Media, Desk, Tag } from '@/payload-types'

import { payloadClient } from './payload'
import { cacheTags } from './tags'
import { populated } from '@/lib/relations'

export const FEED_SIZE = 50

export type FeedArticle = Pick<
  Article,
  'id' | 'headline' | 'slug' | 'dek' | 'publishedAt' | 'modifiedAt'
> & {
  section: Pick<Desk, 'id' | 'name' | 'slug'> | null
  authors: Pick<Author, 'id' | 'name' | 'slug'>[]
  tags: Pick<Tag, 'id' | 'name' | 'slug'>[]
  heroImage: Media | null
}

/** Uncached: what getFeedArticles caches (tests read it straight from the database). */
export async function findFeedArticles(deskIds: number[] | null): Promise<FeedArticle[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: deskIds ? { section: { in: deskIds } } : {},
    select: {
      headline: true,
      slug: true,
      dek: true,
      publishedAt: true,
      modifiedAt: true,
      section: true,
      authors: true,
      tags: true,
      heroImage: true,
    },
    populate: {
      sections: { name: true, slug: true },
      authors: { name: true, slug: true },
      tags: { name: true, slug: true },
    },
    sort: '-publishedAt',
    depth: 1,
    limit: FEED_SIZE,
    pagination: false,
    overrideAccess: false,
  })
  return docs.map((doc) => ({
    id: doc.id,
    headline: doc.headline,
    slug: doc.slug,
    dek: doc.dek,
    publishedAt: doc.publishedAt,
    modifiedAt: doc.modifiedAt,
    section: typeof doc.section === 'object' ? doc.section : null,
    authors: populated<Author>(doc.authors),
    tags: populated<Tag>(doc.tags),
    heroImage: typeof doc.heroImage === 'object' ? (doc.heroImage ?? null) : null,
  }))
}

/** The newest published articles for a feed: the whole site, or a desk and its sub-desks. */
export function getFeedArticles(deskIds: number[] | null): Promise<FeedArticle[]> {
  return unstable_cache(
    () => findFeedArticles(deskIds),
    ['feed-articles', deskIds ? deskIds.join(',') : 'all'],
    {
      tags: [cacheTags.articleLists(), cacheTags.desks(), cacheTags.bylines(), cacheTags.topics()],
    },
  )()
}
