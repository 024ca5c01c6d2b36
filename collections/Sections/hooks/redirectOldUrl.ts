import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { urls } from '@/lib/urls'
import type { Section } from '@/payload-types'
import { forgetDocument, recordMove } from '@/redirects/store'

/**
 * A desk's new slug makes its old address answer 301; proxy.ts sends the
 * desk's old article and feed addresses on by the same record.
 */
export const redirectOldSectionUrl: CollectionAfterChangeHook<Section> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const oldPath = operation === 'update' ? urls.section(previousDoc) : null
  await recordMove(req, {
    oldPath,
    newPath: urls.section(doc),
    reference: { relationTo: 'sections', value: doc.id },
  })
  return doc
}

export const forgetSectionRedirects: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await forgetDocument(req, { relationTo: 'sections', value: Number(id) })
}
