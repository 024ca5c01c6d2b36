import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/urls'
import { countArticleSitemaps, getArticleSitemap } from '@/queries/sitemaps'

export const dynamic = 'force-dynamic'

/** /sitemaps/articles/sitemap/{n}.xml: published articles in chunks below 50,000 URLs. */
export async function generateSitemaps() {
  // The build has no database; the chunks are known at request time.
  if (process.env.NEXT_PHASE === 'phase-production-build') return []
  const count = await countArticleSitemaps()
  return Array.from({ length: count }, (_, id) => ({ id }))
}

export default async function sitemap({
  id,
}: {
  id: Promise<string>
}): Promise<MetadataRoute.Sitemap> {
  const entries = await getArticleSitemap(Number(await id))
  return entries.map((entry) => ({
    url: absoluteUrl(entry.path),
    lastModified: entry.lastModified,
  }))
}
