import type { CollectionBeforeDeleteHook } from 'payload'

/** An article's discussion goes with it; comments never outlive the page they were written on. */
export const deleteComments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // Replies first: they point at their parents.
  for (const replies of [true, false]) {
    await req.payload.delete({
      collection: 'comments',
      where: { and: [{ article: { equals: id } }, { parent: { exists: replies } }] },
      overrideAccess: true,
      req,
    })
  }
}
