import { ImageResponse } from 'next/og'

import { ShareCard } from '@/components/ShareCard'
import { isSlug } from '@/lib/slugify'
import { getPublishedArticle } from '@/queries/articles'

type Params = { params: Promise<{ desk: string; slug: string }> }

/** A drawn share image for an article without a hero photo: desk and headline. */
export async function GET(_request: Request, { params }: Params) {
  const { desk: deskSlug, slug } = await params
  const article =
    isSlug(deskSlug) && isSlug(slug) ? await getPublishedArticle(deskSlug, slug) : null
  if (!article) return new Response('No such article.', { status: 404 })
  const desk = typeof article.section === 'object' ? article.section?.name : undefined
  return new ImageResponse(<ShareCard kicker={desk} title={article.headline} />, {
    width: 1200,
    height: 630,
  })
}
