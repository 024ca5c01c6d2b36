import type { CollectionBeforeDeleteHook } from 'payload'

/** Replies go with the comment they answer; they would read out of context on their own. */
export const deleteReplies: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'comments',
    where: { parent: { equals: id } },
    overrideAccess: true,
    req,
  })
}
