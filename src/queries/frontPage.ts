import { unstable_cache } from 'next/cache'
import { draftMode } from 'next/headers'
import type { TypedUser } from 'payload'

import { configOf, type FrontPageDoc } from '@/frontPage/config'
import { pinsOf, type ResolvedFrontPage, resolveFrontPage } from '@/frontPage/resolve'

import {
  type ArticleCard,
  cardPopulate,
  cardSelect,
  getDeskArticles,
  getLatestArticles,
} from './articles'
import { getPreviewUser } from './auth'
import { type DeskLink, getDesks } from './desks'
import { payloadClient } from './payload'
import { cacheTags } from './tags'

export type FrontPageView = ResolvedFrontPage<ArticleCard, DeskLink>

/** Enough of each desk's latest for its rail after the stories placed above it. */
const DESK_POOL = 30

async function loadConfig(draft: boolean, user: TypedUser | null): Promise<FrontPageDoc | null> {
  const payload = await payloadClient()
  // Readers' view: the published version only (the global holds story ids, nothing private;
  // its own read access is for the newsroom). An editor's preview: the latest draft, as them.
  const doc = await payload.findGlobal({
    slug: 'front-page',
    depth: 0,
    draft,
    overrideAccess: !draft,
    user,
  })
  if (!draft && doc?._status !== 'published') return null
  return doc as FrontPageDoc
}

/** The pinned stories readers can see: published ones only, whoever is looking. */
async function findPinned(ids: number[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return []
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: { id: { in: ids } },
    select: cardSelect,
    populate: cardPopulate,
    depth: 1,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as ArticleCard[]
}

/** The front page as resolved from `doc` (a version of the global) and what is published now. */
export async function resolveFrontPageDoc(doc: FrontPageDoc | null): Promise<FrontPageView> {
  const config = configOf(doc)
  const [latest, desks] = await Promise.all([getLatestArticles(), getDesks()])
  // Each rail from its own desk's latest (the default rails too): a quiet desk's stories are
  // older than the site's newest forty, and its rail must not go thin when another desk is busy.
  const railDesks =
    config.rails.length > 0 ? config.rails.map((rail) => rail.desk) : desks.map((desk) => desk.id)
  const [pinned, ...deskLists] = await Promise.all([
    findPinned([...new Set(pinsOf(config, String).map((pin) => pin.id))]),
    ...railDesks.map((desk) => getDeskArticles(desk, DESK_POOL)),
  ])
  const deskLatest = Object.fromEntries(railDesks.map((desk, index) => [desk, deskLists[index]]))
  return resolveFrontPage({ config, pinned, latest, desks, deskLatest })
}

/** What readers see on the home page, cached until the front page or a story changes. */
export const getPublishedFrontPage = unstable_cache(
  async (): Promise<FrontPageView> => resolveFrontPageDoc(await loadConfig(false, null)),
  ['front-page'],
  { tags: [cacheTags.frontPage(), cacheTags.articleLists(), cacheTags.desks()] },
)

/**
 * The home page's stories: the published front page, or for a logged-in editor in draft mode
 * (live preview) its latest draft, never cached.
 */
export async function getFrontPage(): Promise<FrontPageView & { preview: boolean }> {
  const { isEnabled } = await draftMode()
  if (isEnabled) {
    const user = await getPreviewUser()
    if (user) return { ...(await resolveFrontPageDoc(await loadConfig(true, user))), preview: true }
  }
  return { ...(await getPublishedFrontPage()), preview: false }
}
