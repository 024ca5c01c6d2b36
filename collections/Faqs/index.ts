import type { CollectionConfig } from 'payload'

import { contributedByStaff } from '@/access/referenceData'
import { createdByField } from '@/fields/createdBy'

import { refuseDeleteWhileEmbedded, revalidateEmbedders } from '@/revalidation/embedders'
import { indexEmbeddersForSearch } from '@/lib/searchIndex'

/** One question and its answer; placed in articles through the FAQ block. */
export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'updatedAt'],
    listSearchableFields: ['question'],
    group: 'Reusable content',
  },
  access: contributedByStaff,
  versions: { maxPerDoc: 50 },
  fields: [
    createdByField,
    { name: 'question', type: 'text', required: true, maxLength: 200 },
    { name: 'answer', type: 'richText', required: true },
  ],
  hooks: {
    afterChange: [indexEmbeddersForSearch, revalidateEmbedders('embeddedFaqs')],
    beforeDelete: [refuseDeleteWhileEmbedded('embeddedFaqs', 'FAQ')],
  },
}
