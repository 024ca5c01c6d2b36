import type { CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { editors, editorsOrOwner, staff } from './roles'

/** Sections, tags and bylines: readers read them; editors manage them. */
export const managedByEditors: CollectionConfig['access'] = {
  read: anyone,
  create: editors,
  update: editors,
  delete: editors,
}

/**
 * Images, comparison tables and FAQs: readers read them; anyone on staff adds
 * them; editors change any, authors only those they added.
 */
export const contributedByStaff: CollectionConfig['access'] = {
  read: anyone,
  create: staff,
  update: editorsOrOwner,
  delete: editorsOrOwner,
}
