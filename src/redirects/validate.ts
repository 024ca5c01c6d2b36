import type { PayloadRequest } from 'payload'

import { urls } from '@/lib/urls'

import { lookupForm, MAX_REDIRECT_HOPS } from './paths'
import { redirectFrom, targetOf } from './store'

/** What an editor may not store as a redirect: one that hides a live page or goes round in a circle. */

const SITE_PAGES = new Set([
  '/search',
  '/sitemap.xml',
  '/robots.txt',
  '/feeds/rss.xml',
  '/feeds/atom.xml',
  '/feeds/feed.json',
])

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * What readers find at `path` now, if anything: a desk, a published article,
 * a topic, a byline or one of the site's own pages. A redirect from there
 * would hide it.
 */
export async function livePageAt(path: string, req: PayloadRequest): Promise<string | null> {
  if (SITE_PAGES.has(path)) return 'a page of the site'
  // An old address with a query (WordPress's /?p=123) is no page's address here.
  if (path.includes('?')) return null
  const segments = path.split('/').filter(Boolean).map(decodeSegment)
  const exists = async (collection: 'sections' | 'tags' | 'authors', slug: string) =>
    (await req.payload.count({ collection, where: { slug: { equals: slug } }, req })).totalDocs > 0
  if (segments.length === 1) return (await exists('sections', segments[0]!)) ? 'a section' : null
  if (segments.length !== 2) return null
  const [first, second] = segments as [string, string]
  if (first === 'tags') return (await exists('tags', second)) ? 'a topic page' : null
  if (first === 'authors') return (await exists('authors', second)) ? 'a byline page' : null
  const articles = await req.payload.find({
    collection: 'articles',
    where: { and: [{ slug: { equals: second } }, { _status: { equals: 'published' } }] },
    depth: 1,
    limit: 10,
    select: { slug: true, section: true },
    populate: { sections: { slug: true } },
    overrideAccess: true,
    req,
  })
  return articles.docs.some((article) => urls.article(article) === path)
    ? 'a published article'
    : null
}

/**
 * A message when `from` → `target` would send a reader round in a circle,
 * following the redirects already stored; null when it ends somewhere.
 */
export async function findLoop(
  from: string,
  target: string,
  req: PayloadRequest,
  selfId?: number | string,
): Promise<string | null> {
  const trail = [from]
  let next: string | null = target
  for (let hop = 0; next && hop < MAX_REDIRECT_HOPS; hop += 1) {
    if (/^https?:\/\//i.test(next)) return null
    const path = lookupForm(next.replace(/[?#].*$/, ''))
    trail.push(path)
    if (path === from) {
      return trail.length === 2
        ? `This redirect would send ${from} to itself.`
        : `This redirect would make a loop: ${trail.join(' → ')}.`
    }
    const onward = await redirectFrom(path, req)
    if (!onward || String(onward.id) === String(selfId)) return null
    next = await targetOf(onward, req)
  }
  return null
}
