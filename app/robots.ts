import type { MetadataRoute } from 'next'

import { absoluteUrl, urls } from '@/lib/urls'

/** Crawlers welcome on reader pages; the admin, the API and previews are off limits. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/next/'] },
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl(urls.newsSitemap())],
  }
}
