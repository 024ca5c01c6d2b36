import type { CollectionConfig } from 'payload'

import { managedByEditors } from '@/access/referenceData'
import { slugField } from '@/fields/slug'

import { revalidateTopic, revalidateTopicDelete } from './hooks/revalidateTopic'

export const Tags: CollectionConfig = {
  slug: 'tags',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
    group: 'Newsroom',
  },
  access: managedByEditors,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 60 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 300 },
  ],
  hooks: { afterChange: [revalidateTopic], afterDelete: [revalidateTopicDelete] },
}
