import type { CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { publishedOrAuthenticated } from './publishedOrAuthenticated'
import { editors, editorsOrOwner, staff } from './roles'

/** Sections, tags and bylines: readers read them; editors manage them. */
export const managedByEditors: CollectionConfig['access'] = {
  read: anyone,
  create: editors,
  update: editors,
  delete: editors,
}

/**
 * Images: readers read them; anyone on staff adds them; editors change any,
 * authors only those they added.
 */
export const contributedByStaff: CollectionConfig['access'] = {
  read: anyone,
  create: staff,
  update: editorsOrOwner,
  delete: editorsOrOwner,
}

/**
 * Comparison tables and FAQs: as images, but with drafts — readers read the
 * published version only (see `holdAuthorEditsForReview` for who publishes).
 */
export const contributedWithDrafts: CollectionConfig['access'] = {
  ...contributedByStaff,
  read: publishedOrAuthenticated,
}
