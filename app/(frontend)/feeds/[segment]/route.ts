import { FEED_TYPES, renderFeed } from '@/lib/feed'
import { feedFormat } from '@/lib/urls'
import { getFeedArticles } from '@/queries/feeds'

/** The whole site's feed: /feeds/rss.xml, /feeds/atom.xml, /feeds/feed.json. */
export async function GET(_request: Request, { params }: { params: Promise<{ segment: string }> }) {
  // Here the segment is the file name; under it, a desk's slug (see [file]/route.ts).
  const format = feedFormat((await params).segment)
  if (!format)
    return new Response('No such feed. Try /feeds/rss.xml, /feeds/atom.xml or /feeds/feed.json.', {
      status: 404,
    })
  const body = renderFeed(format, await getFeedArticles(null), null)
  return new Response(body, {
    headers: { 'content-type': FEED_TYPES[format], 'cache-control': 'public, max-age=300' },
  })
}
