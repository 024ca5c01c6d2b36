import type { CollectionBeforeValidateHook } from 'payload'

import { UserFacingError } from '@/lib/errors'
import type { Comment } from '@/payload-types'
import { idOf } from '@/lib/ids'

/**
 * One level of replies, like Ghost: a reply's parent must be a top-level
 * comment on the same article. Checked here so the admin and the public
 * endpoint enforce the same rule.
 */
export const validateThread: CollectionBeforeValidateHook<Comment> = async ({
  data,
  originalDoc,
  req,
}) => {
  const articleId = idOf(data?.article ?? originalDoc?.article)
  const parentId = idOf(data?.parent === undefined ? originalDoc?.parent : data.parent)
  if (parentId === null) return data
  if (typeof originalDoc?.id === 'number') {
    const replies = await req.payload.count({
      collection: 'comments',
      where: { parent: { equals: originalDoc.id } },
      overrideAccess: true,
      req,
    })
    if (replies.totalDocs > 0) {
      throw new UserFacingError(
        'parent: This comment has replies of its own, so it cannot become a reply.',
        400,
      )
    }
  }
  if (parentId === originalDoc?.id) {
    throw new UserFacingError('parent: A comment cannot reply to itself.', 400)
  }
  const parent = await req.payload
    .findByID({
      collection: 'comments',
      id: parentId,
      depth: 0,
      select: { article: true, parent: true },
      overrideAccess: true,
      req,
    })
    .catch(() => null)
  if (!parent) {
    throw new UserFacingError('parent: The comment you are replying to does not exist.', 400)
  }
  if (idOf(parent.article) !== articleId) {
    throw new UserFacingError('parent: The comment you are replying to is on another article.', 400)
  }
  if (parent.parent != null) {
    throw new UserFacingError(
      'parent: Replies go one level deep; reply to the original comment instead.',
      400,
    )
  }
  return data
}
