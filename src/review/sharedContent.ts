import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { isEditor } from '@/access/roles'
import { UserFacingError } from '@/lib/errors'
import type { EmbeddingField } from '@/revalidation/embedders'

type Id = number | string
interface WriteArgs {
  id?: Id
  where?: Where
  draft?: boolean
  data?: Record<string, unknown>
}

/**
 * A new FAQ or table is live unless it is saved as a draft: only articles
 * show them, and an article is reviewed before it is published. Without
 * this, Payload's `_status` default would hide every FAQ made by a script, an
 * import or a REST client that does not mention drafts.
 */
export const publishNewByDefault: CollectionBeforeOperationHook = ({ args, operation }) => {
  const write = args as WriteArgs
  if (operation !== 'create' || write.draft || !write.data || '_status' in write.data) return args
  return { ...args, data: { ...write.data, _status: 'published' } }
}

/** Whether the operation rewrites what readers see, not only the newest draft. */
function writesLive(operation: string, args: WriteArgs): boolean {
  if (operation === 'restoreVersion') return !args.draft
  return !(args.draft && args.data?._status !== 'published')
}

async function targetIds(
  collection: 'faqs' | 'comparison-tables',
  operation: string,
  args: WriteArgs,
  req: PayloadRequest,
): Promise<Id[]> {
  if (operation === 'restoreVersion' && args.id !== undefined) {
    const version = await req.payload.findVersionByID({
      collection,
      id: String(args.id),
      depth: 0,
      req,
    })
    return [version.parent as Id]
  }
  if (args.id !== undefined) return [args.id]
  const found = await req.payload.find({
    collection,
    where: args.where ?? {},
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return found.docs.map((doc) => doc.id)
}

/**
 * An FAQ or table that a published article embeds is part of that article's
 * reviewed text. Editors change it as they like; an author's change to it is
 * saved as a draft, which an editor reviews and publishes — readers, search
 * and the article page keep the published version until then. Any other
 * write by an author (a plain save, publishing, unpublishing, restoring an
 * old version) is refused with a message saying what to do instead.
 */
export function holdAuthorEditsForReview(
  field: EmbeddingField,
  noun: string,
): CollectionBeforeOperationHook {
  return async ({ args, collection, operation, req }) => {
    const write = args as WriteArgs
    if (operation !== 'update' && operation !== 'restoreVersion') return args
    if (isEditor(req.user) || !req.user || !writesLive(operation, write)) return args
    const slug = collection.slug as 'faqs' | 'comparison-tables'
    const ids = await targetIds(slug, operation, write, req)
    if (ids.length === 0) return args
    const live = await req.payload.find({
      collection: 'articles',
      where: { and: [{ [field]: { in: ids } }, { _status: { equals: 'published' } }] },
      select: { headline: true },
      depth: 0,
      limit: 3,
      overrideAccess: true,
      req,
    })
    if (live.totalDocs === 0) return args
    const names = live.docs.map((doc) => `“${doc.headline}”`).join(', ')
    const more =
      live.totalDocs > live.docs.length ? ` and ${live.totalDocs - live.docs.length} more` : ''
    throw new UserFacingError(
      `This ${noun} appears in published ${live.totalDocs === 1 ? 'article' : 'articles'} ${names}${more}, so an editor reviews changes to it: use “Save draft” (over the API, ?draft=true) and an editor will publish it.`,
      403,
    )
  }
}
