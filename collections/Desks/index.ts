import type { CollectionConfig } from 'payload'

import { managedByEditors } from '@/access/referenceData'
import { slugField } from '@/fields/slug'

import { forgetDeskRedirects, redirectOldDeskUrl } from './hooks/redirectOldUrl'
import { refuseReservedSlug } from './hooks/refuseReservedSlug'
import { revalidateDesk, revalidateDeskDelete } from './hooks/revalidateDesk'

/** The site's desks: Technology, Business, World… */
export const Desks: CollectionConfig = {
  slug: 'sections',
  // The slug and URLs keep their first name; everywhere a person reads it, a desk is a desk
  // (a body "section" is the other meaning).
  labels: { singular: 'Desk', plural: 'Desks' },
  typescript: { interface: 'Desk' },
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
    afterChange: [redirectOldDeskUrl, revalidateDesk],
    beforeDelete: [forgetDeskRedirects],
    afterDelete: [revalidateDeskDelete],
  },
}
