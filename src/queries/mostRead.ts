import { unstable_cache } from 'next/cache'

import { urls } from '@/lib/urls'
import { currentMostRead } from '@/mostRead/ranking'
import { countRequest, limitHash, readerHash, recordView, type ViewOutcome } from '@/mostRead/store'

import { payloadClient } from './payload'
import { cacheTags } from './tags'

export interface MostReadItem {
  id: number
  headline: string
  path: string
}

async function findMostRead(): Promise<MostReadItem[]> {
  const payload = await payloadClient()
  return (await currentMostRead(payload)).flatMap((article) => {
    const path = urls.article({ slug: article.slug, section: { slug: article.deskSlug } })
    return path ? [{ id: article.id, headline: article.headline, path }] : []
  })
}

/**
 * The home page's "Most read" rail. Cached until src/mostRead/refresh.ts sees
 * the ranking change (or a headline or desk changes).
 */
export function getMostRead(): Promise<MostReadItem[]> {
  return unstable_cache(findMostRead, ['most-read'], {
    tags: [cacheTags.mostRead(), cacheTags.articleLists(), cacheTags.desks()],
  })()
}

export type PageViewResult = { outcome: ViewOutcome } | { outcome: 'limited'; retryAfter: number }

/** One reader's view of an article, after the flood cap (by address) lets it through. */
export async function recordPageView(
  articleId: number,
  reader: { address: string; userAgent: string },
): Promise<PageViewResult> {
  const payload = await payloadClient()
  const retryAfter = await countRequest(payload, limitHash(reader.address))
  if (retryAfter !== null) return { outcome: 'limited', retryAfter }
  const outcome = await recordView(payload, articleId, readerHash(reader.address, reader.userAgent))
  return { outcome }
}
