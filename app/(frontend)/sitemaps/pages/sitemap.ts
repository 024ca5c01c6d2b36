import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/urls'
import { getEntitySitemap } from '@/queries/sitemaps'

export const dynamic = 'force-dynamic'

const KINDS = ['sections', 'tags', 'authors'] as const

/** /sitemaps/pages/sitemap/{sections,tags,authors}.xml: desk, topic and byline pages. */
export function generateSitemaps() {
  return KINDS.map((id) => ({ id }))
}

export default async function sitemap({
  id,
}: {
  id: Promise<string>
}): Promise<MetadataRoute.Sitemap> {
  const requested = await id
  const kind = KINDS.find((k) => k === requested)
  if (!kind) return []
  const entries = await getEntitySitemap(kind)
  return entries.map((entry) => ({
    url: absoluteUrl(entry.path),
    lastModified: entry.lastModified,
  }))
}
