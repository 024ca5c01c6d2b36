import { unstable_cache } from 'next/cache'

import { urls } from '@/lib/urls'

import { payloadClient } from './payload'
import { cacheTags } from './tags'
import { lastModified } from '@/lib/lastModified'

/** URLs per article sitemap: below the protocol's 50,000 with room to spare. */
export const SITEMAP_CHUNK = 40_000

export interface SitemapEntry {
  path: string
  lastModified: string
}

export interface NewsEntry extends SitemapEntry {
  title: string
  publishedAt: string
}

const listTags = [
  cacheTags.articleLists(),
  cacheTags.desks(),
  cacheTags.topics(),
  cacheTags.bylines(),
]

/** How many article sitemaps there are. */
export const countArticleSitemaps = unstable_cache(
  async (): Promise<number> => {
    const payload = await payloadClient()
    const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: false })
    return Math.max(1, Math.ceil(totalDocs / SITEMAP_CHUNK))
  },
  ['article-sitemap-count'],
  { tags: listTags },
)

/** One chunk of published articles, oldest id first so chunks stay stable as the archive grows. */
export function getArticleSitemap(chunk: number): Promise<SitemapEntry[]> {
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        select: { slug: true, section: true, modifiedAt: true, publishedAt: true, updatedAt: true },
        populate: { sections: { slug: true } },
        sort: 'id',
        depth: 1,
        limit: SITEMAP_CHUNK,
        page: chunk + 1,
        overrideAccess: false,
      })
      return docs.flatMap((doc) => {
        const path = urls.article(doc)
        return path ? [{ path, lastModified: lastModified(doc) }] : []
      })
    },
    ['article-sitemap', String(chunk)],
    { tags: listTags },
  )()
}

/** Every desk, topic or byline page, with when it last changed. */
export function getEntitySitemap(kind: 'sections' | 'tags' | 'authors'): Promise<SitemapEntry[]> {
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: kind,
        select: { slug: true, updatedAt: true },
        depth: 0,
        limit: 10_000,
        pagination: false,
        overrideAccess: false,
      })
      const pathOf = { sections: urls.desk, tags: urls.tag, authors: urls.author }[kind]
      return docs.flatMap((doc) => {
        const path = pathOf(doc)
        return path ? [{ path, lastModified: doc.updatedAt }] : []
      })
    },
    ['entity-sitemap', kind],
    { tags: listTags },
  )()
}

/** Articles published in the last 48 hours, for the Google News sitemap. */
export async function getNewsSitemap(now: Date = new Date()): Promise<NewsEntry[]> {
  const since = new Date(now.getTime() - 48 * 3_600_000).toISOString()
  const entries = await unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { publishedAt: { greater_than: since } },
        select: {
          headline: true,
          slug: true,
          section: true,
          publishedAt: true,
          modifiedAt: true,
          updatedAt: true,
        },
        populate: { sections: { slug: true } },
        sort: '-publishedAt',
        depth: 1,
        limit: 1000,
        pagination: false,
        overrideAccess: false,
      })
      return docs.flatMap((doc) => {
        const path = urls.article(doc)
        return path && doc.publishedAt
          ? [
              {
                path,
                title: doc.headline,
                publishedAt: doc.publishedAt,
                lastModified: lastModified(doc),
              },
            ]
          : []
      })
    },
    // The window moves: one cache entry per hour at most.
    ['news-sitemap', since.slice(0, 13)],
    { tags: listTags, revalidate: 3600 },
  )()
  return entries.filter((entry) => entry.publishedAt > since)
}
