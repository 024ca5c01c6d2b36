import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { isDraftSave } from '@/lib/drafts'
import { UserFacingError } from '@/lib/errors'

import { invalidateArticlesWhere } from './articles'

/** The article fields that embed a reusable table or FAQ. */
export type EmbeddingField = 'embeddedTables' | 'embeddedFaqs'

/**
 * A table or FAQ edit refreshes every published article that embeds it. A
 * draft changes nothing readers see (they read the published version), so it
 * refreshes nothing.
 */
export function revalidateEmbedders(field: EmbeddingField): CollectionAfterChangeHook {
  return async ({ doc, req }) => {
    if (doc._status === 'draft' && isDraftSave(req)) return doc
    await invalidateArticlesWhere(req, { [field]: { contains: doc.id } })
    return doc
  }
}

/**
 * A table or FAQ that an article (published or draft) still embeds can't be
 * deleted: the article would silently lose content. The message names the
 * articles so the editor knows where to remove it first.
 */
export function refuseDeleteWhileEmbedded(
  field: EmbeddingField,
  noun: string,
): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const users = await req.payload.find({
      collection: 'articles',
      where: { [field]: { contains: id } },
      select: { headline: true },
      draft: true,
      depth: 0,
      limit: 5,
      overrideAccess: true,
      req,
    })
    if (users.totalDocs === 0) return
    const names = users.docs.map((doc) => `“${doc.headline}”`).join(', ')
    const more =
      users.totalDocs > users.docs.length ? ` and ${users.totalDocs - users.docs.length} more` : ''
    throw new UserFacingError(
      `This ${noun} is used in ${users.totalDocs} article${users.totalDocs === 1 ? '' : 's'} (${names}${more}). Remove it from ${users.totalDocs === 1 ? 'that article' : 'those articles'} before deleting it.`,
      409,
    )
  }
}
