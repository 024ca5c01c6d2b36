import type { CollectionConfig } from 'payload'

import { managedByEditors } from '@/access/referenceData'
import { slugField } from '@/fields/slug'

import { forgetSectionRedirects, redirectOldSectionUrl } from './hooks/redirectOldUrl'
import { refuseReservedSlug } from './hooks/refuseReservedSlug'
import { revalidateSection, revalidateSectionDelete } from './hooks/revalidateSection'

/** The site's desks: Technology, Business, World… */
export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: { singular: 'Section', plural: 'Sections' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'parent', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
    group: 'Newsroom',
  },
  access: managedByEditors,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 60 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 300 },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'sections',
      admin: { position: 'sidebar', description: 'Nest this desk under another one.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
  ],
  hooks: {
    beforeValidate: [refuseReservedSlug],
    afterChange: [redirectOldSectionUrl, revalidateSection],
    beforeDelete: [forgetSectionRedirects],
    afterDelete: [revalidateSectionDelete],
  },
}
