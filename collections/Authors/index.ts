import type { CollectionConfig } from 'payload'

import { managedByEditors } from '@/access/referenceData'
import { slugField } from '@/fields/slug'

import { revalidateAuthor, revalidateAuthorDelete } from './hooks/revalidateAuthor'

/** Bylines. A byline can be a person or a staff/desk byline ("Archyde Staff"); neither needs a login. */
export const Authors: CollectionConfig = {
  slug: 'authors',
  labels: { singular: 'Byline', plural: 'Bylines' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'jobTitle', 'updatedAt'],
    listSearchableFields: ['name', 'slug', 'jobTitle'],
    group: 'Newsroom',
  },
  access: managedByEditors,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'person',
      options: [
        { label: 'Person', value: 'person' },
        { label: 'Staff or desk byline', value: 'organization' },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'jobTitle', type: 'text', maxLength: 100 },
    { name: 'bio', type: 'textarea', maxLength: 1000 },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      admin: {
        position: 'sidebar',
        description: 'The login account that writes under this byline, if any.',
      },
    },
  ],
  hooks: { afterChange: [revalidateAuthor], afterDelete: [revalidateAuthorDelete] },
}
