import type { Access, CollectionBeforeChangeHook, Where } from 'payload'
import { Forbidden } from 'payload'

import { isDraftSave } from '@/lib/drafts'

import { isEditor, isStaff, ownedBy } from './roles'

const PUBLISHED: Where = { _status: { equals: 'published' } }

function publishes(data: unknown): boolean {
  return Boolean(
    data && typeof data === 'object' && (data as { _status?: unknown })._status === 'published',
  )
}

/** Readers: published articles. Editors: everything. Authors: published ones and their own. */
export const readArticles: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (isStaff(req.user)) return { or: [PUBLISHED, ownedBy(req.user)] }
  return PUBLISHED
}

/**
 * Versions hold every draft and the editors' notes: editors read them all,
 * authors only those of articles they created.
 */
export const readArticleVersions: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (isStaff(req.user)) return { 'version.createdBy': { equals: req.user?.id ?? -1 } }
  return false
}

/** Anyone on staff writes; only editors publish on create. */
export const createArticles: Access = ({ req, data }) => {
  if (isEditor(req.user)) return true
  return isStaff(req.user) && !publishes(data)
}

/**
 * Editors change any article. Authors change only their own, and only as
 * drafts: sending `_status: 'published'` is refused (which also hides the
 * admin's Publish button), and `refuseAuthorUnpublish` stops a save that would
 * take a live article down.
 */
export const updateArticles: Access = ({ req, data }) => {
  if (isEditor(req.user)) return true
  if (!isStaff(req.user) || publishes(data)) return false
  return ownedBy(req.user)
}

/**
 * A save without `?draft=true` rewrites the live row; on a published article
 * with `_status: 'draft'` that unpublishes it. Authors may only add a draft
 * version on top of a live article.
 */
export const refuseAuthorUnpublish: CollectionBeforeChangeHook = async ({
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || isEditor(req.user) || !isStaff(req.user) || isDraftSave(req)) return
  const live = await req.payload.db.findOne<{ id: number; _status?: string }>({
    collection: 'articles',
    where: { id: { equals: originalDoc?.id } },
    req,
  })
  if (live?._status === 'published') {
    throw new Forbidden(req.t)
  }
}

/** Editors delete any article; authors only their own unpublished drafts. */
export const deleteArticles: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (!isStaff(req.user)) return false
  return { and: [ownedBy(req.user), { _status: { not_equals: 'published' } }] }
}
