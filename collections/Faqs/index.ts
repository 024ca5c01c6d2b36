import type { CollectionConfig } from 'payload'

import { contributedWithDrafts } from '@/access/referenceData'
import { createdByField } from '@/fields/createdBy'
import { holdAuthorEditsForReview, publishNewByDefault } from '@/review/sharedContent'

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
  access: contributedWithDrafts,
  // Drafts: an author's change to an FAQ or table that is live in an article waits for an editor.
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    createdByField,
    { name: 'question', type: 'text', required: true, maxLength: 200 },
    { name: 'answer', type: 'richText', required: true },
  ],
  hooks: {
    beforeOperation: [publishNewByDefault, holdAuthorEditsForReview('embeddedFaqs', 'FAQ')],
    afterChange: [indexEmbeddersForSearch, revalidateEmbedders('embeddedFaqs')],
    beforeDelete: [refuseDeleteWhileEmbedded('embeddedFaqs', 'FAQ')],
  },
}
