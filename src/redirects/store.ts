import type { PayloadRequest } from 'payload'

import { articlePath } from '@/lib/articlePath'
import { idOf } from '@/lib/ids'
import { urls } from '@/lib/urls'

/**
 * Redirects as stored: reading where a reference leads, and keeping records
 * right when a document moves or goes. What may be stored is `./validate`'s.
 */

/** Redirect targets the plugin offers: a live article or desk. */
export type RedirectReference =
  { relationTo: 'articles'; value: number } | { relationTo: 'sections'; value: number }

/**
 * Where a document lives for readers right now: a published article's URL
 * (read from the live row, not a newer draft) or a desk's; null otherwise.
 */
export async function livePathOf(reference: unknown, req: PayloadRequest): Promise<string | null> {
  if (!reference || typeof reference !== 'object' || !('relationTo' in reference)) return null
  const { relationTo, value } = reference as { relationTo: string; value: unknown }
  const id = idOf(value)
  if (id == null) return null
  // A request that writes many redirects to documents it does not change (an import's) may
  // remember the answers in `context.livePaths`.
  const memo = req.context?.livePaths as Map<string, string | null> | undefined
  const key = `${relationTo}:${id}`
  if (memo?.has(key)) return memo.get(key)!
  const path = await lookUpLivePath(relationTo, id, req)
  memo?.set(key, path)
  return path
}

async function lookUpLivePath(
  relationTo: string,
  id: number | string,
  req: PayloadRequest,
): Promise<string | null> {
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

export type StoredRedirect = {
  id: number | string
  from: string
  to?: { type?: string | null; url?: string | null; reference?: unknown } | null
}

export async function redirectFrom(
  path: string,
  req: PayloadRequest,
): Promise<StoredRedirect | null> {
  const found = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: path } },
    limit: 1,
    // One row, no total: a count query per lookup is half its cost.
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (found.docs[0] as StoredRedirect | undefined) ?? null
}

export async function targetOf(
  redirect: StoredRedirect,
  req: PayloadRequest,
): Promise<string | null> {
  if (redirect.to?.type === 'custom') return redirect.to.url ?? null
  return livePathOf(redirect.to?.reference, req)
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
