import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
} from 'payload'

import type { Article } from '@/payload-types'
import { articlePath } from '@/lib/articlePath'
import { forgetDocument, recordMove } from '@/redirects/store'

const LIVE_PATHS = 'livePathsBeforeChange'

function livePaths(context: Record<string, unknown>): Map<string, string | null> {
  return (context[LIVE_PATHS] ??= new Map<string, string | null>()) as Map<string, string | null>
}

/**
 * Before a publish overwrites the live row, notes the address readers knew
 * (drafts never had one: their edits live in versions, not the live row).
 */
export const rememberLiveUrl: CollectionBeforeChangeHook<Article> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || data._status !== 'published' || !originalDoc?.id) return data
  const live = await req.payload.db.findOne<{
    id: number
    slug?: string
    section?: unknown
    _status?: string
  }>({
    collection: 'articles',
    where: { id: { equals: originalDoc.id } },
    req,
  })
  const path = live?._status === 'published' ? await articlePath(live, req.payload, req) : null
  livePaths(req.context).set(String(originalDoc.id), path)
  return data
}

/**
 * Publishing an article at a new address (slug or desk changed) makes the
 * old one answer 301 to the new one; publishing at an address that used to
 * redirect makes it stop redirecting.
 */
export const redirectOldUrl: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  const oldPath = livePaths(req.context).get(String(doc.id)) ?? null
  const newPath = await articlePath(doc, req.payload, req)
  await recordMove(req, { oldPath, newPath, reference: { relationTo: 'articles', value: doc.id } })
  return doc
}

/** Before the row goes (its redirect links go with it), its redirects are removed. */
export const forgetArticleRedirects: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await forgetDocument(req, { relationTo: 'articles', value: Number(id) })
}
