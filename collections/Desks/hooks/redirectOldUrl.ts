import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Desk } from '@/payload-types'
import { forgetDocument, recordMove } from '@/redirects/store'

/**
 * A desk's new slug makes its old address answer 301; proxy.ts sends the
 * desk's old article and feed addresses on by the same record.
 */
export const redirectOldDeskUrl: CollectionAfterChangeHook<Desk> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const oldPath = operation === 'update' ? urls.desk(previousDoc) : null
  await recordMove(req, {
    oldPath,
    newPath: urls.desk(doc),
    reference: { relationTo: 'sections', value: doc.id },
  })
  return doc
}

export const forgetDeskRedirects: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await forgetDocument(req, { relationTo: 'sections', value: Number(id) })
}
