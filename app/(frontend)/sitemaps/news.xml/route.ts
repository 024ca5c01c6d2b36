import { newsSitemap } from '@/lib/sitemapXml'
import { getNewsSitemap } from '@/queries/sitemaps'

/** The Google News sitemap: what was published in the last 48 hours. */
export async function GET() {
  return new Response(newsSitemap(await getNewsSitemap()), {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  })
}
