import { sitemapIndex } from '@/lib/sitemapXml'
import { urls } from '@/lib/urls'
import { countArticleSitemaps } from '@/queries/sitemaps'

/** The sitemap index robots.txt points at: article chunks, desk/topic/byline pages, news. */
export async function GET() {
  const chunks = await countArticleSitemaps()
  const files = [
    ...Array.from({ length: chunks }, (_, n) => ({ path: `/sitemaps/articles/sitemap/${n}.xml` })),
    ...['sections', 'tags', 'authors'].map((kind) => ({
      path: `/sitemaps/pages/sitemap/${kind}.xml`,
    })),
    { path: urls.newsSitemap() },
  ]
  return new Response(sitemapIndex(files), {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  })
}
