import { unstable_cache } from 'next/cache'
import type { Payload } from 'payload'

import { isBreakingNow } from '@/content/breaking'
import { urls } from '@/lib/urls'

import { payloadClient } from './payload'
import { cacheTags } from './tags'

/** What the banner shows: the story's headline and where it is. */
export interface BreakingStory {
  headline: string
  path: string
  breakingUntil: string | null
}

/**
 * The most recently published story that is breaking now, cached until a breaking change.
 * Wrapped, never a bare null: the cache handler stores no new lookup that found nothing
 * (src/lib/cacheHandler.mjs), and most of the time no story is breaking, so a bare null was
 * read afresh by every page the layout rendered (at 100,000 articles, 50–80 ms a page).
 */
export async function readBreakingStory(
  payload: Payload,
  at: Date = new Date(),
): Promise<{ story: BreakingStory | null }> {
  const now = at.toISOString()
  const result = await payload.find({
    collection: 'articles',
    where: {
      and: [
        { _status: { equals: 'published' } },
        { breaking: { equals: true } },
        { or: [{ breakingUntil: { exists: false } }, { breakingUntil: { greater_than: now } }] },
      ],
    },
    select: { headline: true, slug: true, section: true, breakingUntil: true },
    populate: { sections: { slug: true } },
    sort: '-publishedAt',
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  const story = result.docs[0]
  const path = story ? urls.article(story) : null
  if (!story || !path) return { story: null }
  return {
    story: { headline: story.headline, path, breakingUntil: story.breakingUntil ?? null },
  }
}

const findBreakingStory = unstable_cache(
  async () => readBreakingStory(await payloadClient()),
  ['breaking-story'],
  { tags: [cacheTags.breaking()] },
)

/**
 * The banner's story, or none. Checked against the clock as well, so a page rendered after the
 * expiry never shows it even before the expiry job has cleared the cache; and none while the
 * database cannot answer — a page without a banner beats no page.
 */
export async function getBreakingStory(): Promise<BreakingStory | null> {
  try {
    const { story } = await findBreakingStory()
    return story && isBreakingNow({ breaking: true, breakingUntil: story.breakingUntil })
      ? story
      : null
  } catch (error) {
    console.warn('Breaking banner left out: the story could not be read.', error)
    return null
  }
}
