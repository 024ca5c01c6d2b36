import type { CollectionBeforeChangeHook } from 'payload'

import { UserFacingError } from '@/lib/errors'

/** The account created on an empty site (the admin's "create first user") runs it. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) data.role = 'admin'
  return data
}

/** The last admin cannot be demoted: someone must always be able to manage accounts. */
export const keepAnAdmin: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    originalDoc?.role !== 'admin' ||
    !data.role ||
    data.role === 'admin'
  ) {
    return data
  }
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: { and: [{ role: { equals: 'admin' } }, { id: { not_equals: originalDoc.id } }] },
    req,
    overrideAccess: true,
  })
  if (totalDocs === 0) {
    throw new UserFacingError(
      'role: this is the only admin; make someone else an admin first.',
      400,
    )
  }
  return data
}
