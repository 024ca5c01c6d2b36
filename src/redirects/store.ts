import type { PayloadRequest } from 'payload'

import { articlePath } from '@/lib/articlePath'
import { urls } from '@/lib/urls'

import { lookupForm } from './paths'
import { idOf } from '@/lib/ids'

/** Redirect targets the plugin offers: a live article or desk. */
export type RedirectReference =
  { relationTo: 'articles'; value: number } | { relationTo: 'sections'; value: number }

const MAX_HOPS = 10

/**
 * Where a document lives for readers right now: a published article's URL
 * (read from the live row, not a newer draft) or a desk's; null otherwise.
 */
export async function livePathOf(reference: unknown, req: PayloadRequest): Promise<string | null> {
  if (!reference || typeof reference !== 'object' || !('relationTo' in reference)) return null
  const { relationTo, value } = reference as { relationTo: string; value: unknown }
  const id = idOf(value)
  if (id == null) return null
  if (relationTo === 'sections') {
    const section = await req.payload.db.findOne<{ id: number; slug?: string }>({
      collection: 'sections',
      where: { id: { equals: id } },
      req,
    })
    return urls.desk(section)
  }
  if (relationTo === 'articles') {
    const article = await req.payload.db.findOne<{
      id: number
      slug?: string
      _status?: string
      section?: unknown
    }>({
      collection: 'articles',
      where: { id: { equals: id } },
      req,
    })
    if (!article || article._status !== 'published') return null
    return articlePath(article, req.payload, req)
  }
  return null
}

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

type StoredRedirect = {
  id: number | string
  from: string
  to?: { type?: string | null; url?: string | null; reference?: unknown } | null
}

async function redirectFrom(path: string, req: PayloadRequest): Promise<StoredRedirect | null> {
  const found = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: path } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (found.docs[0] as StoredRedirect | undefined) ?? null
}

async function targetOf(redirect: StoredRedirect, req: PayloadRequest): Promise<string | null> {
  if (redirect.to?.type === 'custom') return redirect.to.url ?? null
  return livePathOf(redirect.to?.reference, req)
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
  for (let hop = 0; next && hop < MAX_HOPS; hop += 1) {
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

/**
 * A document now lives at `newPath` (it was at `oldPath`, if anything):
 * the new address stops redirecting, the old one leads to the document, and
 * hand-made redirects that pointed at the old address point at the document
 * too — so every old address reaches it in one hop, and no chain forms.
 */
export async function recordMove(
  req: PayloadRequest,
  {
    oldPath,
    newPath,
    reference,
  }: { oldPath: string | null; newPath: string | null; reference: RedirectReference },
): Promise<void> {
  if (newPath) {
    await req.payload.delete({
      collection: 'redirects',
      where: { from: { equals: newPath } },
      overrideAccess: true,
      req,
    })
  }
  if (!oldPath || oldPath === newPath) return
  const to = { type: 'reference' as const, reference }
  await req.payload.update({
    collection: 'redirects',
    where: { and: [{ 'to.type': { equals: 'custom' } }, { 'to.url': { equals: oldPath } }] },
    data: { to },
    overrideAccess: true,
    req,
  })
  const existing = await redirectFrom(oldPath, req)
  if (existing) {
    await req.payload.update({
      collection: 'redirects',
      id: existing.id,
      data: { to, type: '301' },
      overrideAccess: true,
      req,
    })
  } else {
    await req.payload.create({
      collection: 'redirects',
      data: { from: oldPath, to, type: '301' },
      overrideAccess: true,
      req,
    })
  }
}

/** A deleted article or desk takes its redirects with it: old addresses answer 404 again. */
export async function forgetDocument(
  req: PayloadRequest,
  reference: RedirectReference,
): Promise<void> {
  await req.payload.delete({
    collection: 'redirects',
    where: {
      and: [
        { 'to.reference.relationTo': { equals: reference.relationTo } },
        { 'to.reference.value': { equals: reference.value } },
      ],
    },
    overrideAccess: true,
    req,
  })
}
