import { FEED_TYPES, renderFeed } from '@/lib/feed'
import { isSlug } from '@/lib/slugify'
import { feedFormat } from '@/lib/urls'
import { getFeedArticles } from '@/queries/feeds'
import { getDeskBySlug, getDeskFamily } from '@/queries/desks'

type Params = { params: Promise<{ segment: string; file: string }> }

/** One desk's feed (its sub-desks included): /feeds/{section}/rss.xml and the other formats. */
export async function GET(_request: Request, { params }: Params) {
  const { segment: slug, file } = await params
  const format = feedFormat(file)
  const section = format && isSlug(slug) ? await getDeskBySlug(slug) : null
  if (!format || !section) return new Response('No such feed.', { status: 404 })
  const articles = await getFeedArticles(await getDeskFamily(section.id))
  return new Response(renderFeed(format, articles, section), {
    headers: { 'content-type': FEED_TYPES[format], 'cache-control': 'public, max-age=300' },
  })
}
