import type { CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { authenticated } from './authenticated'

/** Sections, tags, bylines, images, tables, FAQs: readers may read them, newsroom users change them. */
export const referenceDataAccess: CollectionConfig['access'] = {
  read: anyone,
  create: authenticated,
  update: authenticated,
  delete: authenticated,
}
