import { XMLBuilder } from 'fast-xml-parser'

import { site } from './site'
import { absoluteUrl } from './urls'

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true })
const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** A sitemap index: the files search engines should read (sitemaps.org protocol). */
export function sitemapIndex(files: { path: string; lastModified?: string }[]): string {
  return (
    declaration +
    builder.build({
      sitemapindex: {
        '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
        sitemap: files.map((file) => ({ loc: absoluteUrl(file.path), lastmod: file.lastModified })),
      },
    })
  )
}

/** A Google News sitemap: articles of the last 48 hours with their publication details. */
export function newsSitemap(
  entries: { path: string; title: string; publishedAt: string }[],
): string {
  return (
    declaration +
    builder.build({
      urlset: {
        '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
        '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
        url: entries.map((entry) => ({
          loc: absoluteUrl(entry.path),
          'news:news': {
            'news:publication': { 'news:name': site.name, 'news:language': site.language },
            'news:publication_date': entry.publishedAt,
            'news:title': entry.title,
          },
        })),
      },
    })
  )
}
